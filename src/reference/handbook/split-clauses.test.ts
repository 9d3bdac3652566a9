import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanLine, splitHandbook, splitSentences } from "./split-clauses.js";

const TEXT = readFileSync(new URL("../../../data/handbook/handbook-2022.txt", import.meta.url), "utf8");
const clauses = splitHandbook(TEXT);
const byId = new Map(clauses.map((c) => [c.id, c]));

describe("splitHandbook on the 2022 edition", () => {
  // [id, the clause's text exactly, what the row shows]
  it.each<[string, string, string]>([
    ["JAPAN.流程.4", "通知被保险人启动日本就医综合服务 *服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务", "a 流程 row is its step number, title and text"],
    ["JAPAN.流程.11", "根据医院安排，陪诊人员协调被保险人入院进行治疗", "a step without a title of its own"],
    ["ADVANCE.提示.4.2", "被保险人若以社会医疗保险身份参保但在就医时无法以社会医疗保险身份就诊并结算的，无法申请住院费用垫付服务。", "the second sentence of an item"],
    ["ADVANCE.提示.5.1", "若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止。", "numbering restarts at 1 after item 4: position 5"],
    ["ADVANCE.提示.6", "本项服务可由投保人代被保险人申请预约，但仅向购买本保险产品的被保险人提供本服务。", "and position 6"],
    ["GENE_TEST.提示.4", "本服务自启动样本采集开始，不可取消。", "a one-sentence item has no sentence number"],
    ["GREEN_CHANNEL.标准.1", "服务时间：7x24小时(含公共节假日、春节)", "a label line joined to the line after it"],
    ["GREEN_CHANNEL.标准.2.3", "（本服务不可指定医生）；", "split after ；"],
    ["GREEN_CHANNEL.标准.2.6", "服务时效自收到被保险人提供的完整资料开始计算。", "markup (***, **) removed"],
    ["GREEN_CHANNEL.介绍.2", "服务次数：门诊就医绿色通道（简称“门诊绿通”）1 次、住院或手术协调绿色通道（简称“住院或手术绿通”）1 次", "the 服务次数 line is its own item"],
    ["FAMILY_DOCTOR.提示.3.2", "(1) 首诊患者；", "a sub-list line is a sentence of its item"],
    ["SECOND_OPINION.提示.5", "若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止。", "'- 5)' markers"],
    ["MDT.提示.6", "本项服务可由投保人代被保险人申请预约，但仅向购买本保险产品的被保险人提供本服务。", "the numbered line after the network table belongs to 温馨提示"],
    ["MDT.提示.1.4", "②疫情期间因各医院防控要求不同，暂不支持此代诊服务。", "a sentence inside a parenthesis"],
    ["GENE_TEST.介绍.2", "服务次数：1次", "服务内容 is 介绍"],
    ["JAPAN.介绍.0", "（是否享有此服务，请以保单载明责任为准）", "the remark printed with the section heading"],
    ["GENERAL.说明.1", "尊敬的安盛天平客户：", "the title and edition lines are not clauses"],
    ["GENERAL.说明.7", "温馨提示：被保险人可享有的具体服务内容请以保险单实际载明的保障责任为准。", "the general 温馨提示 is the last 说明"],
    ["GREEN_CHANNEL.网络.0", "覆盖范围持续更新，我司保留修订权利，具体以我司官方正式渠道（包括但不限于官网、官微、官方客服）的通知为准", "the caveat above a table"],
    ["GREEN_CHANNEL.网络.1", "北京 / 北京 / 广东 / 东莞 / 贵州 / 黔西南 / 黑龙江 / 佳木斯", "a table row, header rows skipped"],
    ["ADVANCE.网络.44", "重庆 / 临夏 / 十堰 / 白山", "empty cells dropped"],
    ["MDT.网络.20", "上海中医药大学附属曙光医院", "the last MDT row"],
    ["JAPAN.网络.17", "东京大学医学部附属病院 / 東京大学医学部附属病院", "the last Japan row"],
  ])("%s: %s (%s)", (id, text) => {
    expect(byId.get(id)?.text).toBe(text);
  });

  it("gives every clause a unique id of its section and subsection", () => {
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
    for (const c of clauses) expect(c.id.startsWith(`${c.section}.${c.subsection}.`)).toBe(true);
  });

  it("numbers sentences only in items of several sentences", () => {
    const items = new Map<string, number>();
    for (const c of clauses) items.set(c.item, (items.get(c.item) ?? 0) + 1);
    for (const c of clauses) expect(c.id === c.item).toBe(items.get(c.item) === 1);
  });

  it("numbers 流程 rows by step and every other item by position, without gaps", () => {
    const items = [...new Set(clauses.map((c) => c.item))];
    const groups = new Map<string, number[]>();
    for (const item of items) {
      const parts = item.split(".");
      const key = parts.slice(0, 2).join(".");
      groups.set(key, [...(groups.get(key) ?? []), Number(parts[2])]);
    }
    for (const [key, numbers] of groups) {
      const from = numbers[0] === 0 ? 0 : 1;
      expect(numbers, key).toEqual(Array.from({ length: numbers.length }, (_, i) => i + from));
    }
  });

  it("is deterministic and keeps no markup", () => {
    expect(splitHandbook(TEXT)).toEqual(clauses);
    for (const c of clauses) expect(c.text).not.toMatch(/\*\*|^\*|^\s|\s$/);
  });

  it("reads the same text with Windows line ends", () => {
    expect(splitHandbook(TEXT.replace(/\n/g, "\r\n"))).toEqual(clauses);
  });

  it("refuses a text without 目录, and text outside any subsection", () => {
    expect(() => splitHandbook("卓越守护\n2022 版\n尊敬的客户：\n")).toThrow(/目录/);
    expect(() => splitHandbook("标题\n版\n目录\n家庭医生\n\n一段没有小标题的文字\n")).toThrow(/line 6/);
  });
});

describe("splitSentences", () => {
  it.each<[string, string[], string[]]>([
    ["one sentence", ["本服务自启动样本采集开始，不可取消。"], ["本服务自启动样本采集开始，不可取消。"]],
    ["after 。 and ；", ["甲。乙；丙"], ["甲。", "乙；", "丙"]],
    ["after ! and ！", ["谢谢！再见!好"], ["谢谢！", "再见!", "好"]],
    ["at line breaks", ["门诊绿通：五天", "住院绿通：十天"], ["门诊绿通：五天", "住院绿通：十天"]],
    ["a short label joins the next line", ["服务时间：", "7x24小时"], ["服务时间：7x24小时"]],
    ["a long line ending in ： does not", ["对于以下情况互联网医院的医生有权拒绝咨询和开具处方：", " - (1) 首诊患者；"], ["对于以下情况互联网医院的医生有权拒绝咨询和开具处方：", "(1) 首诊患者；"]],
    ["punctuation alone is no sentence", ["甲。。", "；"], ["甲。。"]],
  ])("%s", (_name, lines, sentences) => {
    expect(splitSentences(lines)).toEqual(sentences);
  });

  it.each<[string, string]>([
    ["***服务时效自收到资料开始计算。**", "服务时效自收到资料开始计算。"],
    ["*温馨提示：以保单为准。", "温馨提示：以保单为准。"],
    ["安排服务 *【专家门诊预约】  五天", "安排服务 *【专家门诊预约】 五天"],
  ])("cleanLine(%j) = %j", (line, clean) => {
    expect(cleanLine(line)).toBe(clean);
  });
});
