import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import { slasForBenefit } from "../catalogue/catalogue.js";
import { BENEFIT_CODES, type BenefitCode } from "../catalogue/codes.js";
import { addDays } from "../shared/dates.js";
import { caseClocks, clockOn } from "./case-clocks.js";
import { computeSlaClocks, type CaseTimeline } from "./compute-sla-clocks.js";

const cal = createCalendar(JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);

// Timelines a case can have between two changes, for every service's clocks (the dates are the
// days the milestones were reached; the clock is stored on the last of them).
const D = "DOCUMENTS_COMPLETE";
const timelines: CaseTimeline[] = [
  {},
  { APPROVED: "2026-03-03" },
  { [D]: "2026-03-02" },
  { [D]: "2026-03-02", APPROVED: "2026-03-03" },
  { [D]: "2026-03-02", APPROVED: "2026-03-03", ARRANGED: "2026-03-11" },
  { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-04", CLOSED: "2026-03-04" },
  { [D]: "2026-03-02", LIABILITY_REVIEW_REQUESTED: "2026-03-04" },
  { [D]: "2026-03-02", INVESTIGATION_REQUESTED: "2026-03-09" },
  { [D]: "2026-03-02", LIABILITY_REVIEW_REQUESTED: "2026-03-03", INVESTIGATION_REQUESTED: "2026-03-04", INVESTIGATION_RESULT: "2026-03-06", APPROVED: "2026-03-10" },
  // JAPAN.标准.3: paused while the hospital decides and while the visa is issued.
  { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-03", APPROVED: "2026-03-03", START_NOTICE: "2026-03-04", ACCEPTANCE_REQUESTED: "2026-03-09" },
  { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-03", APPROVED: "2026-03-03", ACCEPTANCE_REQUESTED: "2026-03-09", HOSPITAL_ACCEPTED: "2026-03-20" },
  { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-03", APPROVED: "2026-03-03", ACCEPTANCE_REQUESTED: "2026-03-09", HOSPITAL_ACCEPTED: "2026-03-20", VISA_ISSUED: "2026-04-10" },
  { [D]: "2026-03-02", ACCEPTANCE_REQUESTED: "2026-03-09", HOSPITAL_ACCEPTED: "2026-03-20", CLOSED: "2026-03-25" },
  { [D]: "2026-09-28", APPROVED: "2026-09-29", STARTED: "2026-09-30" },
];
const later = [0, 1, 3, 7, 20, 45, 90, 400];

describe("stored clocks read on a later day", () => {
  it.each(BENEFIT_CODES)("%s: every clock stored on the day of the last change, read on any later day, is the rule's answer on that day", (benefit: BenefitCode) => {
    const slas = slasForBenefit(benefit);
    for (const timeline of timelines) {
      const dates = Object.values(timeline).sort();
      const storedOn = dates.at(-1) ?? "2026-03-01";
      const stored = caseClocks(slas, timeline, storedOn, cal);
      expect(stored.map((s) => [s.clock, s.position])).toEqual(slas.map((s, i) => [s.milestone, i]));
      for (const n of later) {
        const day = addDays(storedOn, n);
        expect(stored.map((s) => clockOn(s, day, cal)), `${benefit} ${JSON.stringify(timeline)} on ${day}`).toEqual(computeSlaClocks(slas, timeline, day, cal));
      }
    }
  });

  it("JAPAN.标准.3 我司将在40个工作日内为被保险人完成赴日本的就医安排: the arrangement clock is stored beside the first one and breaches on its own", () => {
    const slas = slasForBenefit("JAPAN_TREATMENT");
    const timeline: CaseTimeline = { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-03", APPROVED: "2026-03-03", START_NOTICE: "2026-03-04", SPECIALIST_ASSIGNED: "2026-03-05" };
    const stored = caseClocks(slas, timeline, "2026-03-05", cal);
    const arrangement = stored.find((s) => s.clock === "ARRANGEMENT_COMPLETE")!;
    expect(arrangement).toMatchObject({ position: 3, startedOn: "2026-03-02", dueOn: "2026-04-28", metOn: null });
    expect(clockOn(arrangement, "2026-04-28", cal).state).toBe("DUE_TODAY");
    expect(clockOn(arrangement, "2026-04-29", cal).state).toBe("BREACHED");
    expect(stored.filter((s) => s.clock !== "ARRANGEMENT_COMPLETE").map((s) => clockOn(s, "2026-04-29", cal).state)).toEqual(["MET", "MET", "MET"]);
  });
});
