// SLA clocks of a case (handbook 服务时效; 服务时效自收到完整资料开始计算 — a clock never starts
// before the documents are complete: GREEN_CHANNEL.标准.2.6, GREEN_CHANNEL.标准.2.7). dueOn = addWorkingDays(start, n), n the upper bound of a range.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { SlaDefinition, SlaStart } from "../catalogue/service-definition.js";

export const SLA_STATES = ["NOT_STARTED", "PAUSED", "ON_TRACK", "DUE_TODAY", "BREACHED", "MET", "MISSED"] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Shanghai dates of the case's events; null until they happen. */
export interface CaseTimeline {
  readonly documentsCompletedOn: string | null;
  readonly approvedOn: string | null;
  readonly decidedOn: string | null;
  readonly investigationRequestedOn: string | null;
  readonly scheduledOn: string | null;
  readonly startedOn: string | null;
  readonly completedOn: string | null;
  readonly closedOn: string | null;
}

export interface SlaClock {
  readonly milestone: string;
  readonly workingDaysAllowed: number;
  readonly startedOn: string | null;
  readonly dueOn: string | null;
  readonly metOn: string | null;
  readonly state: SlaState;
  readonly provisional: boolean;
}

const START_EVENT: Record<SlaStart, (t: CaseTimeline) => string | null> = {
  DOCUMENTS_COMPLETE: (t) => t.documentsCompletedOn,
  APPROVED: (t) => t.approvedOn,
  SAMPLE_RECEIVED: (t) => t.startedOn, // gene test: START records the sample reaching the laboratory
  CONSULTATION_HELD: (t) => t.startedOn, // MDT: START records the consultation
  REVIEW_RESULT: (t) => t.approvedOn,
  SERVICE_STARTED: (t) => t.scheduledOn, // Japan: the start notice is the arrangement
};

/** The event that meets each milestone. */
const MET_BY: Record<string, (t: CaseTimeline) => string | null> = {
  APPOINTMENT_ARRANGED: (t) => t.scheduledOn,
  ADMISSION_ARRANGED: (t) => t.scheduledOn,
  ADVANCE_ARRANGED: (t) => t.scheduledOn,
  EXPERT_ARRANGED: (t) => t.scheduledOn,
  CONSULTATION_ARRANGED: (t) => t.scheduledOn,
  INVESTIGATION_RESULT: (t) => t.decidedOn,
  REPORT_ISSUED: (t) => t.completedOn,
  LAB_REPORT: (t) => t.completedOn,
  REVIEW_RESULT: (t) => t.decidedOn,
  START_NOTICE: (t) => t.scheduledOn,
  SPECIALIST_ASSIGNED: (t) => t.startedOn,
  ARRANGEMENT_COMPLETE: (t) => t.startedOn,
};

export function computeSlaClocks(
  slas: readonly SlaDefinition[],
  timeline: CaseTimeline,
  today: string,
  calendar: WorkingCalendar,
): SlaClock[] {
  return slas.map((sla) => computeClock(sla, timeline, today, calendar));
}

function computeClock(sla: SlaDefinition, t: CaseTimeline, today: string, calendar: WorkingCalendar): SlaClock {
  const allowed = sla.upToWorkingDays ?? sla.workingDays;
  const base = { milestone: sla.milestone, workingDaysAllowed: allowed };
  const event = START_EVENT[sla.starts](t);
  const applies = sla.milestone !== "INVESTIGATION_RESULT" || t.investigationRequestedOn !== null;
  if (!applies || event === null) {
    return { ...base, startedOn: null, dueOn: null, metOn: null, state: "NOT_STARTED", provisional: false };
  }
  if (t.documentsCompletedOn === null) {
    return { ...base, startedOn: null, dueOn: null, metOn: null, state: "PAUSED", provisional: false };
  }
  const startedOn = event > t.documentsCompletedOn ? event : t.documentsCompletedOn;
  const due = addWorkingDays(calendar, startedOn, allowed);
  const metOn = MET_BY[sla.milestone]?.(t) ?? null;
  return { ...base, startedOn, dueOn: due.date, metOn, state: clockStateOn(due.date, metOn, t.closedOn ?? today), provisional: due.provisional };
}

/**
 * A clock's state from its dates: not started without a due date; once met, met on time or
 * missed; otherwise breached, due or on track as of `judgedOn`, the day a closed case closed or
 * else the day asked. (A clock waiting for documents has no due date: computeSlaClocks calls it
 * PAUSED, the metrics count it as NOT_STARTED.)
 *
 * The case metrics apply this same rule in SQL (migration 0016, `sla_state_on`) to a million cases
 * in one statement; test/rules-in-sql.test.ts holds the two equal.
 */
export function clockStateOn(dueOn: string | null, metOn: string | null, judgedOn: string): SlaState {
  if (dueOn === null) return "NOT_STARTED";
  if (metOn !== null) return metOn <= dueOn ? "MET" : "MISSED";
  return judgedOn > dueOn ? "BREACHED" : judgedOn === dueOn ? "DUE_TODAY" : "ON_TRACK";
}
