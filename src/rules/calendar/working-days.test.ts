import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "./calendar-data.js";
import { addWorkingDays, calendarRange, dayInfo, provisionalYears, workingDaysBetween } from "./working-days.js";

const data = JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData;
const cal = createCalendar(data);

describe("working days (State Council schedule)", () => {
  it.each([
    ["2025 National Day eve, a Sunday made a working day", "2025-09-28", true, false],
    ["2025-10-01 National Day", "2025-10-01", false, false],
    ["2025-10-06 Mid-Autumn inside the golden week", "2025-10-06", false, false],
    ["2025-10-08 last day off", "2025-10-08", false, false],
    ["2025-10-09 back at work (Thursday)", "2025-10-09", true, false],
    ["2025-10-11 Saturday made a working day", "2025-10-11", true, false],
    ["2026-02-14 Saturday made a working day (Spring Festival)", "2026-02-14", true, false],
    ["2026-02-16 Spring Festival eve off", "2026-02-16", false, false],
    ["2026-02-23 last Spring Festival day off (Monday)", "2026-02-23", false, false],
    ["2026-02-24 back at work", "2026-02-24", true, false],
    ["2026-02-28 Saturday made a working day", "2026-02-28", true, false],
    ["2026-01-01 New Year", "2026-01-01", false, false],
    ["an ordinary Saturday", "2026-03-07", false, false],
    ["an ordinary Tuesday", "2026-03-03", true, false],
    ["2031: no published schedule, Monday is a working day", "2031-01-06", true, true],
    ["2031-01-01: unknown holiday, a Wednesday counts as working (provisional)", "2031-01-01", true, true],
  ])("%s", (_name, date, working, provisional) => {
    expect(dayInfo(cal, date)).toMatchObject({ workingDay: working, provisional });
  });

  it.each([
    ["zero days is the same day", "2026-03-02", 0, "2026-03-02", false],
    ["Friday + 1 is Monday", "2026-03-06", 1, "2026-03-09", false],
    ["across National Day 2025", "2025-09-30", 1, "2025-10-09", false],
    ["from the 调休 Sunday", "2025-09-28", 3, "2025-10-09", false],
    ["across Spring Festival 2026, counting the 调休 Saturday 02-14", "2026-02-12", 2, "2026-02-14", false],
    ["five working days over the Spring Festival", "2026-02-13", 5, "2026-02-27", false],
    ["five days landing on the 调休 Saturday 02-28", "2026-02-23", 5, "2026-02-28", false],
    ["into an unpublished year", "2026-12-30", 5, "2027-01-06", true],
  ])("addWorkingDays: %s", (_name, from, n, date, provisional) => {
    expect(addWorkingDays(cal, from, n)).toEqual({ date, provisional });
  });

  it.each([
    // advance payment: addWorkingDays(application, 5) <= planned admission
    ["an admission exactly 5 working days out", "2026-03-02", "2026-03-09", 5],
    ["one day short", "2026-03-02", "2026-03-06", 4],
    ["the same day", "2026-03-02", "2026-03-02", 0],
    ["over National Day 2025", "2025-09-30", "2025-10-10", 2],
    ["backwards is negative", "2026-03-09", "2026-03-02", -5],
  ])("workingDaysBetween: %s", (_name, from, to, days) => {
    expect(workingDaysBetween(cal, from, to).days).toBe(days);
  });

  it("lists a range and refuses one over 366 days or backwards", () => {
    const week = calendarRange(cal, "2025-09-28", "2025-10-11");
    expect(week.filter((d) => d.workingDay).map((d) => d.date)).toEqual(["2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11"]);
    expect(week.find((d) => d.date === "2025-10-01")?.holiday).toContain("国庆");
    expect(() => calendarRange(cal, "2025-01-01", "2026-01-03")).toThrow(/366/);
    expect(() => calendarRange(cal, "2025-02-01", "2025-01-01")).toThrow();
  });

  it("names the provisional years and rejects impossible dates", () => {
    expect(provisionalYears(cal, 2025, 2028)).toEqual([2027, 2028]);
    expect(() => dayInfo(cal, "2025-02-30")).toThrow(/calendar date/);
    expect(() => addWorkingDays(cal, "2025-01-01", -1)).toThrow();
  });
});
