// data/calendar/cn-holidays.json is a vendored copy of the `chinese-days` package: catch drift.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { CalendarData } from "./calendar-data.js";

const require = createRequire(import.meta.url);
const pkg = require("chinese-days/package.json") as { version: string };
const source = require("chinese-days/dist/chinese-days.json") as { holidays: Record<string, string>; workdays: Record<string, string> };
const vendored = JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData;

describe("vendored holiday data", () => {
  it("comes from the installed package version (run npm run calendar:vendor after an upgrade)", () => {
    expect(vendored.source).toBe(`chinese-days@${pkg.version}`);
  });

  it.each(Object.keys(vendored.years))("%s matches the package day for day", (year) => {
    const of = (map: Record<string, string>) => Object.keys(map).filter((d) => d.startsWith(`${year}-`)).sort();
    expect(Object.keys(vendored.years[year]!.holidays).sort()).toEqual(of(source.holidays));
    expect(Object.keys(vendored.years[year]!.workdays).sort()).toEqual(of(source.workdays));
  });

  it("covers every year the package publishes from 2022 on", () => {
    const published = [...new Set(Object.keys(source.holidays).map((d) => d.slice(0, 4)))].filter((y) => Number(y) >= 2022);
    expect(Object.keys(vendored.years).sort()).toEqual(published.sort());
  });
});
