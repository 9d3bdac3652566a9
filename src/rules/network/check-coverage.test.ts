import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ServiceCode } from "../catalogue/codes.js";
import { serviceByCode } from "../catalogue/catalogue.js";
import { checkCoverage, heldIn } from "./check-coverage.js";
import { answerCoverage } from "./answer-coverage.js";
import { createRegionIndex, resolvePlace, shortNamesOf, type AliasRecord, type RegionRecord } from "./region-index.js";

const read = <T>(path: string) => JSON.parse(readFileSync(new URL(`../../../data/${path}`, import.meta.url), "utf8")) as T;
const index = createRegionIndex(read<{ regions: RegionRecord[] }>("regions/regions.json").regions, read<{ aliases: AliasRecord[] }>("regions/aliases.json").aliases);
const listed = (file: string) => new Set(read<{ entries: { code: string }[] }>(`networks/${file}.json`).entries.map((e) => e.code));
const LISTS: Partial<Record<ServiceCode, Set<string>>> = {
  GREEN_CHANNEL: listed("green-channel"),
  INPATIENT_ADVANCE: listed("inpatient-advance"),
  GENE_TEST: listed("gene-test"),
};

describe("resolvePlace", () => {
  it.each([
    ["襄阳", "FOUND", "420600"],
    ["襄阳市", "FOUND", "420600"],
    ["襄樊", "FOUND", "420600"],
    ["420600", "FOUND", "420600"],
    ["义乌", "FOUND", "330782"],
    ["恩施", "FOUND", "422800"],
    ["北京", "FOUND", "110000"],
    ["朝阳区", "AMBIGUOUS", null],
    ["吉林", "AMBIGUOUS", null],
    ["白沙", "FOUND", "469025"], // short form of 白沙黎族自治县
    ["保亭", "FOUND", "469029"], // 保亭黎族苗族自治县: two nationalities
    ["琼中", "FOUND", "469030"],
    ["广西", "FOUND", "450000"], // 广西壮族自治区
    ["昌江", "FOUND", "360202"], // the likeliest reading: 景德镇's 昌江区 (Hainan's county is an alternative)
    ["安定", "FOUND", "621102"], // 定西市安定区; the handbook's misprint of 定安县 is only an alternative
    ["襄樊", "FOUND", "420600"],
    ["ｘ襄阳", "UNKNOWN", null],
    ["４２０６００", "FOUND", "420600"], // full-width digits
    ["亚特兰蒂斯", "UNKNOWN", null],
    ["999999", "UNKNOWN", null],
    ["  ", "UNKNOWN", null],
  ])("%s → %s %s", (query, kind, code) => {
    const result = resolvePlace(index, query);
    expect(result.kind).toBe(kind);
    if (result.kind === "FOUND") expect(result.region.code).toBe(code);
    if (result.kind === "AMBIGUOUS") expect(result.candidates.length).toBeGreaterThan(1);
  });
});

describe("checkCoverage", () => {
  it.each<[ServiceCode, string, boolean, string | null]>([
    ["GREEN_CHANNEL", "襄阳", true, "420600"],
    ["GREEN_CHANNEL", "义乌", true, "330700"], // inside 金华, which is listed
    ["GREEN_CHANNEL", "朝阳区", false, null], // ambiguous is handled before; here: 北京朝阳区 via code
    ["GREEN_CHANNEL", "110105", true, "110000"], // a district of a listed municipality
    ["GREEN_CHANNEL", "井冈山", true, "360881"], // a listed county-level city covers itself
    ["GREEN_CHANNEL", "遂川县", true, "360800"], // inside 吉安, listed
    ["GREEN_CHANNEL", "阿坝藏族羌族自治州", false, null], // only 马尔康 is listed, not the prefecture
    ["GREEN_CHANNEL", "马尔康", true, "513201"],
    ["INPATIENT_ADVANCE", "阿坝藏族羌族自治州", true, "513200"],
    ["GENE_TEST", "义乌", false, null],
    ["GENE_TEST", "杭州", true, "330100"],
    ["FAMILY_DOCTOR", "拉萨", true, null],
    ["SECOND_OPINION", "拉萨", true, null],
    ["SECOND_OPINION", "810000", false, null],
    ["MDT", "成都", true, "510100"],
    ["MDT", "110105", true, "110000"],
    ["MDT", "武汉", true, null], // MDT.提示.4: travels to the four cities at the insured's own cost
    ["MDT", "810000", false, null],
  ])("%s %s → %s", (service, place, covered, by) => {
    const lookup = resolvePlace(index, place);
    if (lookup.kind !== "FOUND") {
      expect(covered).toBe(false);
      return;
    }
    const decision = checkCoverage(serviceByCode(service), lookup.region, index, LISTS[service] ?? new Set());
    expect([decision.covered, decision.coveredBy?.code ?? null]).toEqual([covered, by]);
    expect(decision.note.length).toBeGreaterThan(5);
  });

  it("MDT.提示.4 如被保险人或家属从外省市至北上广成都参加多学科会诊，须自理住宿及交通、餐饮等费用 — outside the four cities: covered, held there", () => {
    const wuhan = index.byCode.get("420100")!;
    const decision = checkCoverage(serviceByCode("MDT"), wuhan, index, new Set());
    expect(decision).toMatchObject({ covered: true, coveredBy: null });
    expect(decision.note).toContain("须自理住宿及交通、餐饮等费用");
    expect(heldIn(serviceByCode("MDT"), index).map((r) => r.name)).toEqual(["北京市", "上海市", "广州市", "成都市"]);
    expect(heldIn(serviceByCode("GREEN_CHANNEL"), index)).toEqual([]);
  });

  it("asks for a city when given a province", () => {
    const province = index.byCode.get("420000")!;
    const decision = checkCoverage(serviceByCode("GREEN_CHANNEL"), province, index, LISTS.GREEN_CHANNEL!);
    expect(decision.covered).toBe(false);
    expect(decision.note).toContain("name the city");
  });
});

describe("shortNamesOf", () => {
  it.each([
    ["白沙黎族自治县", ["白沙黎族", "白沙"]],
    ["保亭黎族苗族自治县", ["保亭黎族苗族", "保亭"]],
    ["巴音郭楞蒙古自治州", ["巴音郭楞蒙古", "巴音郭楞"]],
    ["克孜勒苏柯尔克孜自治州", ["克孜勒苏柯尔克孜", "克孜勒苏"]],
    ["广西壮族自治区", ["广西壮族", "广西"]],
    ["襄阳市", ["襄阳"]],
    ["大兴安岭地区", ["大兴安岭"]],
    ["兴安盟", ["兴安"]],
    ["县", []], // no name left without the suffix
    ["沙市区", ["沙市"]],
  ])("%s → %j", (name, forms) => {
    expect(shortNamesOf(name)).toEqual(forms);
  });
});

describe("answerCoverage: the reading the network lists", () => {
  it.each<[string, ServiceCode, string, boolean, string | null, string[], string | null]>([
    // name, service, typed, covered, understood as, other readings include, note mentions
    ["a lone province cell that is a place", "INPATIENT_ADVANCE", "重庆", true, "500000", [], null],
    ["a district of that municipality", "INPATIENT_ADVANCE", "渝中区", true, "500103", [], null],
    ["a county of that municipality", "INPATIENT_ADVANCE", "500229", true, "500229", [], null],
    ["a short form of an autonomous county", "INPATIENT_ADVANCE", "白沙", true, "469025", [], null],
    ["a province that shares its name with a listed city", "GREEN_CHANNEL", "吉林", true, "220200", ["220000"], "several readings"],
    ["the same name where the city is not listed stays ambiguous", "GENE_TEST", "吉林", false, null, ["220000", "220200"], "Ambiguous"],
    ["a province whose name a listed prefecture begins", "INPATIENT_ADVANCE", "海南", true, "632500", ["460000"], "several readings"],
    ["an ambiguous short name: the listed county", "INPATIENT_ADVANCE", "昌江", true, "469026", ["360202"], "several readings"],
    ["an ambiguous short name where nothing is listed: the likeliest", "GENE_TEST", "昌江", false, "360202", ["469026"], "Other readings"],
    ["a misprint the table lists", "INPATIENT_ADVANCE", "安定", true, "469021", ["621102"], "several readings"],
    ["the misprint in a network without it: the real place", "GENE_TEST", "安定", false, "621102", ["469021"], null],
    ["two readings both covered, neither named: still ambiguous", "GREEN_CHANNEL", "朝阳区", false, null, ["110105", "220104"], "Ambiguous"],
    ["online service: the likeliest reading, covered", "FAMILY_DOCTOR", "昌江", true, "360202", ["469026"], null],
    ["unknown", "GREEN_CHANNEL", "亚特兰蒂斯", false, null, [], "No division"],
  ])("%s: %s %s", (_name, service, typed, covered, code, others, note) => {
    const answer = answerCoverage(serviceByCode(service), typed, resolvePlace(index, typed), index, LISTS[service] ?? new Set());
    expect([answer.covered, answer.region?.code ?? null]).toEqual([covered, code]);
    expect(answer.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(others));
    if (note) expect(answer.note).toContain(note);
  });
});
