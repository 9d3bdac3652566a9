// The reviewed network data: counts pinned per service, every correction accounted for.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = <T>(path: string) => JSON.parse(readFileSync(new URL(`../../../data/${path}`, import.meta.url), "utf8")) as T;
interface Entry { source: string; line: number; code: string; name: string; level: string; provinceCode: string; duplicateOf: string | null; corrections: { kind: string; reason: string }[] }
interface Header { line: number; column: number; source: string; header: boolean; reason: string }
const files = {
  GREEN_CHANNEL: read<{ headers: Header[]; entries: Entry[] }>("networks/green-channel.json"),
  INPATIENT_ADVANCE: read<{ headers: Header[]; entries: Entry[] }>("networks/inpatient-advance.json"),
  GENE_TEST: read<{ headers: Header[]; entries: Entry[] }>("networks/gene-test.json"),
};
const networks = { GREEN_CHANNEL: files.GREEN_CHANNEL.entries, INPATIENT_ADVANCE: files.INPATIENT_ADVANCE.entries, GENE_TEST: files.GENE_TEST.entries };
const count = (entries: Entry[], kind: string) => entries.filter((e) => e.corrections.some((c) => c.kind === kind)).length;

describe("city networks rebuilt from the handbook", () => {
  it.each([
    // service, source cells, distinct divisions, duplicates, county-level entries
    ["GREEN_CHANNEL", 321, 315, 6, 12],
    ["INPATIENT_ADVANCE", 371, 369, 2, 35],
    ["GENE_TEST", 40, 39, 1, 0],
  ] as const)("%s: %i source cells, %i distinct divisions, %i duplicates, %i county-level", (service, cells, distinct, duplicates, counties) => {
    const entries = networks[service];
    expect(entries).toHaveLength(cells);
    expect(new Set(entries.map((e) => e.code)).size).toBe(distinct);
    expect(count(entries, "DUPLICATE")).toBe(duplicates);
    expect(entries.filter((e) => e.level === "COUNTY")).toHaveLength(counties);
    for (const e of entries) expect(e.corrections.every((c) => c.reason.length > 5), e.source).toBe(true);
  });

  it.each([
    ["GREEN_CHANNEL", "襄樊", "420600", "OLD_NAME"],
    ["GREEN_CHANNEL", "襄阳", "420600", null],
    ["GREEN_CHANNEL", "巢湖", "340181", "ABOLISHED"],
    ["GREEN_CHANNEL", "九台", "220113", "ABOLISHED"],
    ["GREEN_CHANNEL", "博尔", "652700", "TRUNCATED"],
    ["GREEN_CHANNEL", "布依州", "522300", "DUPLICATE"],
    ["GREEN_CHANNEL", "都匀市", "522701", "COUNTY_LEVEL"],
    ["GREEN_CHANNEL", "吉林市", "220200", "DUPLICATE"],
    ["GREEN_CHANNEL", "琼海", "469002", "COUNTY_LEVEL"],
    ["GREEN_CHANNEL", "兴安", "152200", "SHORT_NAME"],
    ["GREEN_CHANNEL", "恩施", "422800", "SHORT_NAME"],
    ["INPATIENT_ADVANCE", "乌兰察", "150900", "TRUNCATED"],
    ["INPATIENT_ADVANCE", "锡林郭", "152500", "TRUNCATED"],
    ["INPATIENT_ADVANCE", "大兴安", "232700", "TRUNCATED"],
    ["INPATIENT_ADVANCE", "安定", "469021", "TYPO"],
    ["INPATIENT_ADVANCE", "莱芜", "370116", "ABOLISHED"],
    ["INPATIENT_ADVANCE", "海南", "632500", "SHORT_NAME"],
    ["INPATIENT_ADVANCE", "十堰", "420300", "DUPLICATE"],
    ["INPATIENT_ADVANCE", "石河子", "659001", "COUNTY_LEVEL"],
    ["GENE_TEST", "东莞市", "441900", "DUPLICATE"],
  ] as const)("%s %s → %s (%s)", (service, source, code, kind) => {
    const entry = networks[service].find((e) => e.source === source && (kind === null || e.corrections.some((c) => c.kind === kind)));
    expect(entry?.code).toBe(code);
  });

  it.each([
    // service, cells naming a province, of which places, the places
    ["GREEN_CHANNEL", 37, ["184:吉林"]],
    ["INPATIENT_ADVANCE", 35, ["322:重庆", "336:海南"]],
    ["GENE_TEST", 18, []],
  ] as const)("%s: %i cells name a province, each reviewed; places: %j", (service, cells, places) => {
    const { headers, entries } = files[service];
    expect(headers).toHaveLength(cells);
    expect(headers.filter((h) => !h.header).map((h) => `${h.line}:${h.source}`)).toEqual(places);
    for (const h of headers) expect(h.reason.length, `${h.line}:${h.source}`).toBeGreaterThan(20);
    for (const place of places) expect(entries.some((e) => `${e.line}:${e.source}` === place)).toBe(true);
  });

  it("lists 重庆 for the advance payment", () => {
    expect(networks.INPATIENT_ADVANCE.filter((e) => e.code === "500000").map((e) => e.line)).toEqual([322]);
  });

  it("keeps each MDT hospital's printed name, where it is whole and not the name with its bracketed alias, as an alias", () => {
    const mdt = read<{ hospitals: { source: string; name: string; aliases: string[]; corrections: { kind: string }[] }[] }>("networks/mdt-hospitals.json").hospitals;
    const printedOnly = mdt.filter((h) => h.source !== h.name && !h.source.startsWith(`${h.name}（`) && !h.name.startsWith(h.source));
    expect(printedOnly.map((h) => h.source)).toHaveLength(7);
    for (const h of printedOnly) expect(h.aliases, h.name).toContain(h.source);
  });

  it("puts cities listed under the wrong province header in their real province", () => {
    const hanzhong = networks.GREEN_CHANNEL.filter((e) => e.source === "汉中");
    expect(hanzhong.map((e) => e.provinceCode)).toEqual(["610000", "610000"]);
    expect(hanzhong[1]?.corrections.map((c) => c.kind)).toEqual(["PROVINCE_FIXED", "DUPLICATE"]);
    const baoding = networks.GREEN_CHANNEL.find((e) => e.source === "保定")!;
    expect(baoding.provinceCode).toBe("130000");
    expect(count(networks.GREEN_CHANNEL, "PROVINCE_FIXED")).toBe(73);
  });

  it("has the 39 MDT hospitals in their real cities and the 17 Japanese hospitals", () => {
    const mdt = read<{ hospitals: { name: string; city: string; listedUnder: string; corrections: { kind: string }[] }[] }>("networks/mdt-hospitals.json").hospitals;
    expect(mdt).toHaveLength(39);
    const perCity = Object.fromEntries(["北京市", "上海市", "广州市", "成都市"].map((c) => [c, mdt.filter((h) => h.city === c).length]));
    expect(perCity).toEqual({ 北京市: 8, 上海市: 17, 广州市: 9, 成都市: 5 });
    expect(mdt.filter((h) => h.city !== h.listedUnder).map((h) => h.name)).toEqual([
      "中山大学附属肿瘤医院",
      "中山大学附属第一医院",
      "中山大学附属第三医院",
      "四川大学华西医院",
      "四川大学华西第二医院",
    ]);
    expect(mdt.filter((h) => h.corrections.some((c) => c.kind === "TRUNCATED"))).toHaveLength(4);
    const japan = read<{ hospitals: { nameZh: string; nameJa: string; prefecture: string }[] }>("networks/japan-hospitals.json").hospitals;
    expect(japan).toHaveLength(17);
    const handbook = readFileSync(new URL("../../../data/handbook/handbook-2022.txt", import.meta.url), "utf8");
    for (const h of japan) expect(handbook, h.nameZh).toContain(`${h.nameZh}\t${h.nameJa}`);
    expect(japan.filter((h) => h.prefecture !== "東京都").map((h) => [h.nameJa, h.prefecture])).toEqual([
      ["国立がん研究センター 東病院", "千葉県"],
      ["神奈川県立がんセンター", "神奈川県"],
    ]);
  });
});
