import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ServiceCode } from "../catalogue/codes.js";
import { serviceByCode } from "../catalogue/catalogue.js";
import { checkCoverage } from "./check-coverage.js";
import { createRegionIndex, resolvePlace, type AliasRecord, type RegionRecord } from "./region-index.js";

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
    ["MDT", "武汉", false, null],
  ])("%s %s → %s", (service, place, covered, by) => {
    const lookup = resolvePlace(index, place);
    if (lookup.kind !== "FOUND") {
      expect(covered).toBe(false);
      return;
    }
    const decision = checkCoverage(service, serviceByCode(service).network, lookup.region, index, LISTS[service] ?? new Set());
    expect([decision.covered, decision.coveredBy?.code ?? null]).toEqual([covered, by]);
    expect(decision.note.length).toBeGreaterThan(5);
  });

  it("asks for a city when given a province", () => {
    const province = index.byCode.get("420000")!;
    const decision = checkCoverage("GREEN_CHANNEL", "CITY_LIST", province, index, LISTS.GREEN_CHANNEL!);
    expect(decision.covered).toBe(false);
    expect(decision.note).toContain("name the city");
  });
});
