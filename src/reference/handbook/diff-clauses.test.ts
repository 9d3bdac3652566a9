import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffClauses, renderDiff, similarity, type ClauseChange } from "./diff-clauses.js";
import { splitHandbook } from "./split-clauses.js";

const TEXT = readFileSync(new URL("../../../data/handbook/handbook-2022.txt", import.meta.url), "utf8");
const before = splitHandbook(TEXT);

/** A small edited copy of the 2022 edition: one number changed, a note inserted, a network row dropped, a line reworded. */
function edited(): string {
  const replace = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
    return text.replace(from, to);
  };
  let text = TEXT;
  text = replace(text, "*经我司审核，2个工作日内通知审核结果", "*经我司审核，3个工作日内通知审核结果");
  text = replace(text, "2. 对于被保险人自行购买的基因检测产品等", "2. 样本寄送费用由我司承担。\n3. 对于被保险人自行购买的基因检测产品等");
  text = replace(text, "\t癌研有明医院\tがん研究会有明病院\n", "");
  text = replace(text, "4. 陪诊服务仅限医疗相关环节提供。", "4. 陪诊服务仅限医疗相关环节提供，不含生活陪同。");
  return text;
}

const summary = (changes: ClauseChange[]) =>
  changes.map((c) => {
    switch (c.kind) {
      case "ADDED":
        return [c.kind, null, c.to.id];
      case "REMOVED":
        return [c.kind, c.from.id, null];
      case "CHANGED":
      case "RENUMBERED":
        return [c.kind, c.from.id, c.to.id];
    }
  });

describe("diffClauses", () => {
  it("finds nothing between an edition and itself", () => {
    expect(diffClauses(before, splitHandbook(TEXT))).toEqual([]);
  });

  it("lists what an edited copy adds, removes, changes and renumbers, in the new edition's order", () => {
    const changes = diffClauses(before, splitHandbook(edited()));
    const g = (n: number) => ["GENE_TEST", "提示", String(n)].join(".");
    const j = (sub: string, n: number) => ["JAPAN", sub, String(n)].join(".");
    expect(summary(changes)).toEqual([
      ["ADDED", null, g(2)],
      ["RENUMBERED", g(2), g(3)],
      ["RENUMBERED", g(3), g(4)],
      ["RENUMBERED", g(4), g(5)],
      ["CHANGED", j("流程", 3), j("流程", 3)],
      ["CHANGED", j("提示", 4), j("提示", 4)],
      ["REMOVED", j("网络", 16), null],
      ["RENUMBERED", j("网络", 17), j("网络", 16)],
    ]);
  });

  it("names the files that cite a changed clause", () => {
    const changes = diffClauses(before, splitHandbook(edited()));
    const cancel = ["GENE_TEST", "提示", "4"].join(".");
    const files = [
      { path: "src/rules/cancel.ts", text: `// ${cancel}` },
      { path: "src/rules/cancel.test.ts", text: `it("${cancel} 本服务自启动样本采集开始，不可取消", () => {})` },
      { path: "src/other.ts", text: "// nothing" },
    ];
    const report = renderDiff(changes, files);
    expect(report).toContain(`RENUMBERED ${cancel} → ${["GENE_TEST", "提示", "5"].join(".")}: 本服务自启动样本采集开始，不可取消。\n    cited in: src/rules/cancel.ts, src/rules/cancel.test.ts\n`);
    expect(report).toContain("    was: 我司特约服务商与被保险人确认病情，收集相关资料，确认保障范围 *经我司审核，2个工作日内通知审核结果\n");
    expect(report).toContain("1 added, 1 removed, 2 changed, 4 renumbered");
    expect(renderDiff([], files)).toBe("No clause added, removed or changed.\n");
  });
});

describe("similarity", () => {
  it.each<[string, string, number, number]>([
    ["本服务不可取消。", "本服务不可取消。", 1, 1],
    ["本服务不可取消。", "本服务 不可取消。", 1, 1],
    ["本服务不可取消。", "本服务不可取消", 0.9, 0.95],
    ["2个工作日内通知审核结果", "3个工作日内通知审核结果", 0.85, 0.95],
    ["本服务不可取消。", "服务时间：7x24小时", 0, 0.2],
    ["甲", "乙", 0, 0],
  ])("%s ~ %s in [%d, %d]", (a, b, low, high) => {
    const s = similarity(a, b);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
  });
});
