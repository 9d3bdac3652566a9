import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRegionIndex, metricCityOf, type RegionRecord } from "./region-index.js";

const regions = (JSON.parse(readFileSync(new URL("../../../data/regions/regions.json", import.meta.url), "utf8")) as { regions: RegionRecord[] }).regions;
const index = createRegionIndex(regions, []);

describe("metricCityOf", () => {
  it.each([
    ["a prefecture counts as itself", "420600", "420600"],
    ["a district counts under its prefecture", "420602", "420600"],
    ["a district of Beijing counts under the municipality", "110101", "110000"],
    ["a district of Shanghai", "310115", "310000"],
    ["a district of Chongqing", "500101", "500000"],
    ["a county the province administers directly counts as itself", "429004", "429004"],
    ["a province counts as itself", "420000", "420000"],
  ])("%s (%s → %s)", (_name, code, city) => {
    expect(metricCityOf(index.byCode.get(code)!, index)).toBe(city);
  });
});
