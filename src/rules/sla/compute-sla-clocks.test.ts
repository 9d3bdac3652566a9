import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import { slasForBenefit } from "../catalogue/catalogue.js";
import type { BenefitCode } from "../catalogue/codes.js";
import { clockStateOn, computeSlaClocks, type CaseTimeline, type SlaState } from "./compute-sla-clocks.js";

const cal = createCalendar(JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);
type Row = [string, BenefitCode, CaseTimeline, string, [string, string | null, string | null, string][]];

const D = "DOCUMENTS_COMPLETE";
const rows: Row[] = [
  ["nothing complete: the clock waits", "GREEN_CHANNEL_OUTPATIENT", {}, "2026-03-02", [["APPOINTMENT_ARRANGED", null, null, "NOT_STARTED"]]],
  ["GREEN_CHANNEL.标准.2.1 门诊绿通…审核通过后 5 个工作日内安排预约服务", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-02", APPROVED: "2026-03-03" }, "2026-03-04", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "ON_TRACK"]]],
  ["due today", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-02", APPROVED: "2026-03-03" }, "2026-03-10", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "DUE_TODAY"]]],
  ["breached the day after", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-02", APPROVED: "2026-03-03" }, "2026-03-11", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "BREACHED"]]],
  ["met on the due day", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-02", APPROVED: "2026-03-03", ARRANGED: "2026-03-10" }, "2026-03-20", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "MET"]]],
  ["met a day late", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-02", APPROVED: "2026-03-03", ARRANGED: "2026-03-11" }, "2026-03-20", [["APPOINTMENT_ARRANGED", "2026-03-03", "2026-03-10", "MISSED"]]],
  ["GREEN_CHANNEL.标准.2.6 服务时效自收到被保险人提供的完整资料开始计算 — approved before the documents are complete: the clock waits", "GREEN_CHANNEL_OUTPATIENT", { APPROVED: "2026-03-03" }, "2026-03-04", [["APPOINTMENT_ARRANGED", null, null, "PAUSED"]]],
  ["GREEN_CHANNEL.标准.2.7 如因资料提交不全导致服务启动时间延迟，则服务安排时间顺延 — documents completed after approval: the clock starts then", "GREEN_CHANNEL_OUTPATIENT", { [D]: "2026-03-05", APPROVED: "2026-03-03" }, "2026-03-06", [["APPOINTMENT_ARRANGED", "2026-03-05", "2026-03-12", "ON_TRACK"]]],
  ["over National Day 2025 with the 调休 Saturday", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", { [D]: "2025-09-26", APPROVED: "2025-09-26" }, "2025-09-30", [["ADMISSION_ARRANGED", "2025-09-26", "2025-10-16", "ON_TRACK"]]],
  ["GENE_TEST.流程.6 实验室收到样本后15个工作日内，出具电子版及纸质版报告", "GENE_TEST", { [D]: "2026-02-02", STARTED: "2026-02-10" }, "2026-02-11", [["LAB_REPORT", "2026-02-10", "2026-03-09", "ON_TRACK"]]],
  ["MDT.标准.2 …10 个工作日内安排线下 MDT 专家会诊，会诊后 5-10 个工作日内", "MDT_CONSULTATION", { [D]: "2026-03-02", ARRANGED: "2026-03-06", STARTED: "2026-03-09" }, "2026-03-10", [["CONSULTATION_ARRANGED", "2026-03-02", "2026-03-16", "MET"], ["REPORT_ISSUED", "2026-03-09", "2026-03-23", "ON_TRACK"]]],
  ["advance: no investigation, no investigation clock", "INPATIENT_ADVANCE_PAYMENT", { [D]: "2026-03-02" }, "2026-03-03", [["ADVANCE_ARRANGED", "2026-03-02", "2026-03-09", "ON_TRACK"], ["INVESTIGATION_RESULT", null, null, "NOT_STARTED"]]],
  ["a rejected case freezes at its closing day", "SECOND_OPINION", { [D]: "2026-03-02", REVIEW_RESULT: "2026-03-04", CLOSED: "2026-03-04" }, "2026-06-01", [["EXPERT_ARRANGED", "2026-03-02", "2026-03-16", "ON_TRACK"], ["REPORT_ISSUED", "2026-03-02", "2026-03-23", "ON_TRACK"]]],
  // 住院垫付: the arrangement clock pauses during a liability determination and an investigation.
  [
    "ADVANCE.提示.1 …责任认定完成后，方可为被保险人提供本服务: paused while the liability is determined",
    "INPATIENT_ADVANCE_PAYMENT",
    { [D]: "2026-03-02", LIABILITY_REVIEW_REQUESTED: "2026-03-04" },
    "2026-03-20",
    [["ADVANCE_ARRANGED", "2026-03-02", null, "PAUSED"], ["INVESTIGATION_RESULT", null, null, "NOT_STARTED"]],
  ],
  [
    // 10 working days paused (03-05 … 03-18): due 5 + 10 working days after 03-02.
    "ADVANCE.提示.1 …责任认定完成后，方可为被保险人提供本服务: the paused days extend the deadline",
    "INPATIENT_ADVANCE_PAYMENT",
    { [D]: "2026-03-02", LIABILITY_REVIEW_REQUESTED: "2026-03-04", APPROVED: "2026-03-18", REVIEW_RESULT: "2026-03-18" },
    "2026-03-20",
    [["ADVANCE_ARRANGED", "2026-03-02", "2026-03-23", "ON_TRACK"], ["INVESTIGATION_RESULT", null, null, "NOT_STARTED"]],
  ],
  [
    "ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果: from the request, not from the documents",
    "INPATIENT_ADVANCE_PAYMENT",
    { [D]: "2026-03-02", INVESTIGATION_REQUESTED: "2026-03-09" },
    "2026-03-10",
    [["ADVANCE_ARRANGED", "2026-03-02", null, "PAUSED"], ["INVESTIGATION_RESULT", "2026-03-09", "2026-03-30", "ON_TRACK"]],
  ],
  [
    // Liability 03-03 → 03-10 holds the investigation 03-04 → 03-06: 5 working days paused, not 7.
    "ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果: overlapping pauses count once",
    "INPATIENT_ADVANCE_PAYMENT",
    { [D]: "2026-03-02", LIABILITY_REVIEW_REQUESTED: "2026-03-03", INVESTIGATION_REQUESTED: "2026-03-04", INVESTIGATION_RESULT: "2026-03-06", APPROVED: "2026-03-10", REVIEW_RESULT: "2026-03-10" },
    "2026-03-10",
    [["ADVANCE_ARRANGED", "2026-03-02", "2026-03-16", "ON_TRACK"], ["INVESTIGATION_RESULT", "2026-03-04", "2026-03-25", "MET"]],
  ],
];

describe("computeSlaClocks", () => {
  it.each(rows)("%s", (_name, benefit, timeline, today, expected) => {
    const clocks = computeSlaClocks(slasForBenefit(benefit), timeline, today, cal);
    expect(clocks.map((c) => [c.milestone, c.startedOn, c.dueOn, c.state])).toEqual(expected);
  });

  it("marks a due date in an unpublished year provisional", () => {
    const [clock] = computeSlaClocks(slasForBenefit("GENE_TEST"), { DOCUMENTS_COMPLETE: "2026-12-20", STARTED: "2026-12-21" }, "2026-12-22", cal);
    expect(clock).toMatchObject({ dueOn: "2027-01-11", provisional: true });
  });
});

// 赴日就医 walked step by step: every clock met when each step is on time, and each clock missed when
// its own step is late (the others stay met).
const JAPAN_ON_TIME: CaseTimeline = {
  DOCUMENTS_COMPLETE: "2026-03-02",
  REVIEW_RESULT: "2026-03-04",
  APPROVED: "2026-03-04",
  START_NOTICE: "2026-03-05",
  SPECIALIST_ASSIGNED: "2026-03-09",
  ACCEPTANCE_REQUESTED: "2026-03-20",
  HOSPITAL_ACCEPTED: "2026-04-10",
  VISA_ISSUED: "2026-04-24",
  ARRANGED: "2026-05-20",
};

describe("treatment in Japan, step by step", () => {
  it.each<[string, CaseTimeline, string[]]>([
    ["every step on time: all four clocks met", JAPAN_ON_TIME, ["MET", "MET", "MET", "MET"]],
    ["JAPAN.流程.3 经我司审核，2个工作日内通知审核结果: a day late", { ...JAPAN_ON_TIME, REVIEW_RESULT: "2026-03-05", APPROVED: "2026-03-05", START_NOTICE: "2026-03-06", SPECIALIST_ASSIGNED: "2026-03-10" }, ["MISSED", "MET", "MET", "MET"]],
    ["JAPAN.流程.4 服务商收到我司审核结果后，在1个工作日内通知…: a day late", { ...JAPAN_ON_TIME, START_NOTICE: "2026-03-06", SPECIALIST_ASSIGNED: "2026-03-10" }, ["MET", "MISSED", "MET", "MET"]],
    ["JAPAN.流程.5 2个工作日内安排专员…: a day late", { ...JAPAN_ON_TIME, SPECIALIST_ASSIGNED: "2026-03-10" }, ["MET", "MET", "MISSED", "MET"]],
    ["JAPAN.标准.3 …我司将在40个工作日内为被保险人完成赴日本的就医安排: late", { ...JAPAN_ON_TIME, ARRANGED: "2026-07-31" }, ["MET", "MET", "MET", "MISSED"]],
    [
      "JAPAN.标准.3 在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下: without the waits paused the same day misses",
      { ...JAPAN_ON_TIME, ACCEPTANCE_REQUESTED: undefined, HOSPITAL_ACCEPTED: undefined, VISA_ISSUED: undefined },
      ["MET", "MET", "MET", "MISSED"],
    ],
  ])("%s", (_name, timeline, states) => {
    const clocks = computeSlaClocks(slasForBenefit("JAPAN_TREATMENT"), timeline, "2026-08-01", cal);
    expect(clocks.map((c) => c.milestone)).toEqual(["REVIEW_RESULT", "START_NOTICE", "SPECIALIST_ASSIGNED", "ARRANGEMENT_COMPLETE"]);
    expect(clocks.map((c) => c.state)).toEqual(states);
  });

  it("JAPAN.标准.3 在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下: paused while the visa is awaited, with the reason", () => {
    const timeline = { ...JAPAN_ON_TIME, VISA_ISSUED: undefined, ARRANGED: undefined };
    const arrangement = computeSlaClocks(slasForBenefit("JAPAN_TREATMENT"), timeline, "2026-04-20", cal)[3]!;
    expect(arrangement).toMatchObject({ state: "PAUSED", pausedReason: "AWAITING_VISA", dueOn: null, startedOn: "2026-03-02" });
    // Waiting for the hospital's acceptance and then the visa: one paused span from the request on.
    expect(arrangement.pausedSince).toBe("2026-03-20");
    expect(arrangement.pausedWorkingDays).toBeGreaterThan(15);
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
