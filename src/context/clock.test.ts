import { describe, expect, it } from "vitest";
import { shanghaiDate, shanghaiMidnight } from "./clock.js";

const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

describe("shanghaiDate", () => {
  it.each([
    ["2026-03-01T15:59:59.999Z", "2026-03-01"],
    ["2026-03-01T16:00:00.000Z", "2026-03-02"],
    ["2025-12-31T16:00:00.000Z", "2026-01-01"],
    ["2028-02-28T16:30:00.000Z", "2028-02-29"],
    ["1995-06-30T23:00:00.000Z", "1995-07-01"],
  ])("%s is %s in Shanghai", (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it("agrees with the time-zone database every 7 hours 13 minutes from 1992 to 2040", () => {
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 26_000_000) {
      expect(shanghaiDate(new Date(t))).toBe(intl.format(new Date(t)));
    }
  });

  it("is the day shanghaiMidnight starts", () => {
    expect(shanghaiDate(shanghaiMidnight("2026-11-25"))).toBe("2026-11-25");
    expect(shanghaiDate(new Date(shanghaiMidnight("2026-11-25").getTime() - 1))).toBe("2026-11-24");
  });
});
