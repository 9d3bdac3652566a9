// SLA clocks of a case (handbook 服务时效 / 服务标准 of each service). Each clock names the milestone
// that starts it, the milestones that meet it and the conditions that pause it; it never starts
// before the documents are complete (GREEN_CHANNEL.标准.2.6: the time limits count from complete documents),
// and a paused span never counts against it (GREEN_CHANNEL.标准.2.7: a delay in the documents delays the arrangement). dueOn = addWorkingDays(start, n + paused working days),
// n the upper bound of a range.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { addWorkingDays, workingDaysBetween } from "../calendar/working-days.js";
import type { SlaDefinition, SlaPauseReason } from "../catalogue/service-definition.js";
import type { CaseMilestone } from "../case-workflow/codes.js";

export const SLA_STATES = ["NOT_STARTED", "PAUSED", "ON_TRACK", "DUE_TODAY", "BREACHED", "MET", "MISSED"] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The Shanghai date each milestone was first reached; absent until it happens. */
export type CaseTimeline = Partial<Record<CaseMilestone, string>>;

export interface SlaClock {
  readonly milestone: string;
  readonly workingDaysAllowed: number;
  readonly startedOn: string | null;
  /** Null while the clock has not started or is paused (the due date moves with the pause). */
  readonly dueOn: string | null;
  readonly metOn: string | null;
  readonly state: SlaState;
  readonly provisional: boolean;
  /** While PAUSED: why, and since when. */
  readonly pausedReason: SlaPauseReason | null;
  readonly pausedSince: string | null;
  /** Working days the clock has spent paused so far (they extend its due date). */
  readonly pausedWorkingDays: number;
}

export function computeSlaClocks(slas: readonly SlaDefinition[], timeline: CaseTimeline, today: string, calendar: WorkingCalendar): SlaClock[] {
  return slas.map((sla) => computeClock(sla, timeline, today, calendar));
}

const earliest = (dates: readonly (string | undefined)[]): string | null =>
  dates.reduce<string | null>((min, d) => (d !== undefined && (min === null || d < min) ? d : min), null);

function computeClock(sla: SlaDefinition, t: CaseTimeline, today: string, calendar: WorkingCalendar): SlaClock {
  const allowed = sla.upToWorkingDays ?? sla.workingDays;
  const idle = { milestone: sla.milestone, workingDaysAllowed: allowed, startedOn: null, dueOn: null, metOn: null, provisional: false, pausedWorkingDays: 0 };
  const event = t[sla.startsAt];
  if ((sla.appliesWhen && t[sla.appliesWhen] === undefined) || event === undefined) {
    return { ...idle, state: "NOT_STARTED", pausedReason: null, pausedSince: null };
  }
  const documents = t.DOCUMENTS_COMPLETE;
  if (documents === undefined) return { ...idle, state: "PAUSED", pausedReason: "DOCUMENTS_INCOMPLETE", pausedSince: event };

  const startedOn = event > documents ? event : documents;
  const metOn = earliest(sla.metBy.map((m) => t[m]).filter((d) => d === undefined || d >= startedOn));
  const judgedOn = metOn ?? t.CLOSED ?? today;
  const spans = pauseSpans(sla, t, startedOn, judgedOn);
  const open = metOn === null && t.CLOSED === undefined ? spans.find((s) => s.open) : undefined;
  const pausedWorkingDays = spans.reduce((sum, s) => sum + workingDaysBetween(calendar, s.from, s.until).days, 0);
  if (open) {
    return { ...idle, startedOn, pausedWorkingDays, state: "PAUSED", pausedReason: open.reason, pausedSince: open.from };
  }
  const due = addWorkingDays(calendar, startedOn, allowed + pausedWorkingDays);
  return {
    ...idle,
    startedOn,
    dueOn: due.date,
    metOn,
    state: clockStateOn(due.date, metOn, judgedOn),
    provisional: due.provisional,
    pausedReason: null,
    pausedSince: null,
    pausedWorkingDays,
  };
}

interface Span {
  readonly reason: SlaPauseReason;
  readonly from: string;
  readonly until: string;
  /** Still paused on `judgedOn`. */
  readonly open: boolean;
}

/** The clock's paused spans within [startedOn, judgedOn], overlapping ones merged (a day is paused once). */
function pauseSpans(sla: SlaDefinition, t: CaseTimeline, startedOn: string, judgedOn: string): Span[] {
  const spans = (sla.pausedWhile ?? [])
    .flatMap((pause) => {
      const from = t[pause.from];
      if (from === undefined) return [];
      const resumed = earliest(pause.until.map((m) => t[m]).filter((d) => d === undefined || d >= from));
      const begin = from > startedOn ? from : startedOn;
      const end = resumed === null || resumed > judgedOn ? judgedOn : resumed;
      return end > begin || (resumed === null && end >= begin) ? [{ reason: pause.reason, from: begin, until: end, open: resumed === null }] : [];
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.until) {
      merged[merged.length - 1] = { ...last, until: span.until > last.until ? span.until : last.until, open: last.open || span.open, reason: span.open ? span.reason : last.reason };
    } else merged.push(span);
  }
  return merged;
}

/**
 * A clock's state from its dates: not started without a due date; once met, met on time or
 * missed; otherwise breached, due or on track as of `judgedOn`, the day a closed case closed or
 * else the day asked. (A paused clock has no due date: computeSlaClocks calls it PAUSED, the
 * metrics count it as NOT_STARTED.)
 *
 * The case metrics apply this same rule in SQL (migration 0016, `sla_state_on`) to a million cases
 * in one statement; test/rules-in-sql.test.ts holds the two equal.
 */
export function clockStateOn(dueOn: string | null, metOn: string | null, judgedOn: string): SlaState {
  if (dueOn === null) return "NOT_STARTED";
  if (metOn !== null) return metOn <= dueOn ? "MET" : "MISSED";
  return judgedOn > dueOn ? "BREACHED" : judgedOn === dueOn ? "DUE_TODAY" : "ON_TRACK";
}
