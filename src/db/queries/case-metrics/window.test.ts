import { describe, expect, it } from "vitest";
import { planWindow, splitWindow } from "./window.js";

describe("splitWindow: whole months from the monthly rollup, edge days from the daily one", () => {
  it.each([
    ["open both ways", null, null, { first: null, last: null }, []],
    ["a year, cut mid-month at both ends", "2025-11-25", "2026-11-25", { first: "2025-12", last: "2026-10" }, [["2025-11-25", "2025-11-30"], ["2026-11-01", "2026-11-25"]]],
    ["whole months only", "2026-01-01", "2026-03-31", { first: "2026-01", last: "2026-03" }, []],
    ["inside one month", "2026-03-05", "2026-03-20", null, [["2026-03-05", "2026-03-20"]]],
    ["one day", "2026-01-15", "2026-01-15", null, [["2026-01-15", "2026-01-15"]]],
    ["across a month boundary without a whole month", "2026-03-10", "2026-04-05", null, [["2026-03-10", "2026-04-05"]]],
    ["from the first of a month, open end", "2026-02-01", null, { first: "2026-02", last: null }, []],
    ["open start, to mid-month", null, "2026-02-20", { first: null, last: "2026-01" }, [["2026-02-01", "2026-02-20"]]],
    ["to the last day of February in a leap year", "2028-02-10", "2028-02-29", null, [["2028-02-10", "2028-02-29"]]],
    ["December into January", "2025-12-31", "2026-02-01", { first: "2026-01", last: "2026-01" }, [["2025-12-31", "2025-12-31"], ["2026-02-01", "2026-02-01"]]],
    ["an empty window", "2026-05-10", "2026-03-10", null, []],
  ])("%s", (_name, from, to, months, days) => {
    expect(splitWindow(from, to)).toEqual({ months, days });
  });
});

describe("planWindow: an edge month mostly inside the window is read whole, less the days outside it", () => {
  it.each([
    ["open both ways", null, null, { first: null, last: null }, [], []],
    ["a year from the 2nd", "2025-12-02", "2026-12-02", { first: "2025-12", last: "2026-11" }, [["2026-12-01", "2026-12-02"]], [["2025-12-01", "2025-12-01"]]],
    ["a year to the 30th", "2025-11-25", "2026-11-29", { first: "2025-12", last: "2026-11" }, [["2025-11-25", "2025-11-30"]], [["2026-11-30", "2026-11-30"]]],
    ["inside one month, most of it", "2026-03-02", "2026-03-30", { first: "2026-03", last: "2026-03" }, [], [["2026-03-01", "2026-03-01"], ["2026-03-31", "2026-03-31"]]],
    ["inside one month, a few days", "2026-03-05", "2026-03-09", null, [["2026-03-05", "2026-03-09"]], []],
    ["across a month boundary, mostly the second", "2026-03-30", "2026-04-25", { first: "2026-04", last: "2026-04" }, [["2026-03-30", "2026-03-31"]], [["2026-04-26", "2026-04-30"]]],
    ["across a month boundary, most of both", "2026-03-03", "2026-04-28", { first: "2026-03", last: "2026-04" }, [], [["2026-03-01", "2026-03-02"], ["2026-04-29", "2026-04-30"]]],
    ["half of February is not more than half", "2026-02-15", null, { first: "2026-03", last: null }, [["2026-02-15", "2026-02-28"]], []],
    ["an empty window", "2026-05-10", "2026-03-10", null, [], []],
  ])("%s", (_name, from, to, months, days, minusDays) => {
    expect(planWindow(from, to)).toEqual({ months, days, minusDays });
  });
});
