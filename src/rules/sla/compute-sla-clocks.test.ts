import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import { slasForBenefit } from "../catalogue/catalogue.js";
import type { BenefitCode } from "../catalogue/codes.js";
import { clockStateOn, computeSlaClocks, type CaseTimeline, type SlaState } from "./compute-sla-clocks.js";

const cal = createCalendar(JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);
const NONE: CaseTimeline = {
  documentsCompletedOn: null,
  approvedOn: null,
  decidedOn: null,
  investigationRequestedOn: null,
  scheduledOn: null,
  startedOn: null,
  completedOn: null,
  closedOn: null,
};

type Row = [string, BenefitCode, Partial<CaseTimeline>, string, [string, string | null, string | null, string][]];

const rows: Row[] = [
  ["nothing complete: the clock waits", "GREEN_CHANNEL_OUTPATIENT", {}, "2026-03-02", [["APPOINTMENT_ARRANGED", null, null, "NOT_STARTED"]]],
  ["approved: 5 working days from approval", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-02", approvedOn: "2026-03-03", decidedOn: "2026-03-03" }, "2026-03-04", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "ON_TRACK"]]],
  ["due today", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-02", approvedOn: "2026-03-03", decidedOn: "2026-03-03" }, "2026-03-10", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "DUE_TODAY"]]],
  ["breached the day after", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-02", approvedOn: "2026-03-03", decidedOn: "2026-03-03" }, "2026-03-11", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "BREACHED"]]],
  ["met on the due day", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-02", approvedOn: "2026-03-03", decidedOn: "2026-03-03", scheduledOn: "2026-03-10" }, "2026-03-20", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "MET"]]],
  ["met a day late", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-02", approvedOn: "2026-03-03", decidedOn: "2026-03-03", scheduledOn: "2026-03-11" }, "2026-03-20", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "MISSED"]]],
  ["GREEN_CHANNEL.标准.2.6 服务时效自收到被保险人提供的完整资料开始计算 — approved before the documents are complete: the clock waits", "GREEN_CHANNEL_OUTPATIENT", { approvedOn: "2026-03-03", decidedOn: "2026-03-03" }, "2026-03-04", [["APPOINTMENT_ARRANGED", null, null, "PAUSED"]]],
  ["GREEN_CHANNEL.标准.2.7 如因资料提交不全导致服务启动时间延迟，则服务安排时间顺延 — documents completed after approval: the clock starts then", "GREEN_CHANNEL_OUTPATIENT", { documentsCompletedOn: "2026-03-05", approvedOn: "2026-03-03", decidedOn: "2026-03-03" }, "2026-03-06", [["APPOINTMENT_ARRANGED", "2026-03-05", "2026-03-12", "ON_TRACK"]]],
  ["over National Day 2025 with the 调休 Saturday", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", { documentsCompletedOn: "2025-09-26", approvedOn: "2025-09-26", decidedOn: "2025-09-26" }, "2025-09-30", [["ADMISSION_ARRANGED", "2025-09-26", "2025-10-16", "ON_TRACK"]]],
  ["gene test: 15 days from the sample at the lab", "GENE_TEST", { documentsCompletedOn: "2026-02-02", startedOn: "2026-02-10" }, "2026-02-11", [["LAB_REPORT", "2026-02-10", "2026-03-09", "ON_TRACK"]]],
  ["MDT: consultation from documents, report 5–10 after the consultation", "MDT_CONSULTATION", { documentsCompletedOn: "2026-03-02", scheduledOn: "2026-03-06", startedOn: "2026-03-09" }, "2026-03-10", [["CONSULTATION_ARRANGED", "2026-03-02", "2026-03-16", "MET"], ["REPORT_ISSUED", "2026-03-09", "2026-03-23", "ON_TRACK"]]],
  ["advance: no investigation, no investigation clock", "INPATIENT_ADVANCE_PAYMENT", { documentsCompletedOn: "2026-03-02" }, "2026-03-03", [["ADVANCE_ARRANGED", "2026-03-02", "2026-03-09", "ON_TRACK"], ["INVESTIGATION_RESULT", null, null, "NOT_STARTED"]]],
  ["a rejected case freezes at its closing day", "SECOND_OPINION", { documentsCompletedOn: "2026-03-02", decidedOn: "2026-03-04", closedOn: "2026-03-04" }, "2026-06-01", [["EXPERT_ARRANGED", "2026-03-02", "2026-03-16", "ON_TRACK"], ["REPORT_ISSUED", "2026-03-02", "2026-03-23", "ON_TRACK"]]],
];

describe("computeSlaClocks", () => {
  it.each(rows)("%s", (_name, benefit, timeline, today, expected) => {
    const clocks = computeSlaClocks(slasForBenefit(benefit), { ...NONE, ...timeline }, today, cal);
    expect(clocks.map((c) => [c.milestone, c.startedOn, c.dueOn, c.state])).toEqual(expected);
  });

  it("marks a due date in an unpublished year provisional", () => {
    const [clock] = computeSlaClocks(slasForBenefit("GENE_TEST"), { ...NONE, documentsCompletedOn: "2026-12-20", startedOn: "2026-12-21" }, "2026-12-22", cal);
    expect(clock).toMatchObject({ dueOn: "2027-01-11", provisional: true });
  });
});

describe("clockStateOn", () => {
  it.each<[string | null, string | null, string, SlaState]>([
    [null, null, "2026-03-10", "NOT_STARTED"],
    [null, "2026-03-09", "2026-03-10", "NOT_STARTED"], // no due date, nothing to meet
    ["2026-03-10", "2026-03-09", "2026-03-20", "MET"],
    ["2026-03-10", "2026-03-10", "2026-03-20", "MET"], // met on the due day
    ["2026-03-10", "2026-03-11", "2026-03-11", "MISSED"],
    ["2026-03-10", null, "2026-03-09", "ON_TRACK"],
    ["2026-03-10", null, "2026-03-10", "DUE_TODAY"],
    ["2026-03-10", null, "2026-03-11", "BREACHED"],
  ])("due %s, met %s, judged on %s: %s", (dueOn, metOn, judgedOn, expected) => {
    expect(clockStateOn(dueOn, metOn, judgedOn)).toBe(expected);
  });
});
