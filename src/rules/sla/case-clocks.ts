// Every clock of a case, as it is stored (one row per clock, written with each change of the case)
// and as it reads on a later day. The clock itself is computed once, by computeSlaClocks; between
// two changes of a case only the day it is judged on moves, so a stored clock is brought to any
// later day without computing it again: its state is clockStateOn(due, met, closing day or that
// day), and an open pause (not the wait for documents, which counts no days) grows by the working
// days since it was stored. Handbook: each service's 服务时效 / 服务标准 (e.g. JAPAN.标准.3, the
// 40-working-day arrangement beside the review clocks), every one of them watched, not only the first.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { workingDaysBetween } from "../calendar/working-days.js";
import type { SlaDefinition, SlaPauseReason } from "../catalogue/service-definition.js";
import { clockStateOn, computeSlaClocks, type CaseTimeline, type SlaClock } from "./compute-sla-clocks.js";

/** One clock of a case as stored: its dates as of `computedOn`, the day the case last changed. */
export interface StoredClock {
  /** The clock's name (its SlaDefinition.milestone), e.g. ARRANGEMENT_COMPLETE. */
  readonly clock: string;
  /** Its place in the service's list (0 = the first clock). */
  readonly position: number;
  readonly workingDaysAllowed: number;
  readonly startedOn: string | null;
  readonly dueOn: string | null;
  readonly metOn: string | null;
  /** The day the case closed: a clock not met by then is judged on that day. */
  readonly closedOn: string | null;
  readonly pausedReason: SlaPauseReason | null;
  readonly pausedSince: string | null;
  readonly pausedWorkingDays: number;
  readonly provisional: boolean;
  readonly computedOn: string;
}

/** Every clock of a case on `today`, ready to store. */
export function caseClocks(slas: readonly SlaDefinition[], timeline: CaseTimeline, today: string, calendar: WorkingCalendar): StoredClock[] {
  return computeSlaClocks(slas, timeline, today, calendar).map((c, position) => ({
    clock: c.milestone,
    position,
    workingDaysAllowed: c.workingDaysAllowed,
    startedOn: c.startedOn,
    dueOn: c.dueOn,
    metOn: c.metOn,
    closedOn: timeline.CLOSED ?? null,
    pausedReason: c.pausedReason,
    pausedSince: c.pausedSince,
    pausedWorkingDays: c.pausedWorkingDays,
    provisional: c.provisional,
    computedOn: today,
  }));
}

/** A stored clock as it reads on `day` (on or after the day it was stored): what computeSlaClocks answers on `day`. */
export function clockOn(stored: StoredClock, day: string, calendar: WorkingCalendar): SlaClock {
  const paused = stored.pausedReason !== null;
  const growing = paused && stored.pausedReason !== "DOCUMENTS_INCOMPLETE" && day > stored.computedOn;
  return {
    milestone: stored.clock,
    workingDaysAllowed: stored.workingDaysAllowed,
    startedOn: stored.startedOn,
    dueOn: stored.dueOn,
    metOn: stored.metOn,
    state: paused ? "PAUSED" : clockStateOn(stored.dueOn, stored.metOn, stored.metOn ?? stored.closedOn ?? day),
    provisional: stored.provisional,
    pausedReason: stored.pausedReason,
    pausedSince: stored.pausedSince,
    pausedWorkingDays: stored.pausedWorkingDays + (growing ? workingDaysBetween(calendar, stored.computedOn, day).days : 0),
  };
}
