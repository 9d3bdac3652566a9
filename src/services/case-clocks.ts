// A case's clocks, computed once per write: every clock as stored (case_clock) and the first
// clock's dates with the turnaround, which the case row keeps for the metric summaries' key. The
// case flows call caseWrite with the values they are about to write, so the case row is written
// once and its clocks beside it, in the same transaction. docs/decisions/0085-every-clock-stored.md.
import { shanghaiDate } from "../context/clock.js";
import type { Database } from "../db/client.js";
import { caseIdsWithoutClocks, storeCaseClocks, storeClocksOfCases } from "../db/queries/case-clocks.js";
import type { CaseRow } from "../db/queries/case-rows.js";
import type { WorkingCalendar } from "../rules/calendar/calendar-data.js";
import { workingDaysBetween } from "../rules/calendar/working-days.js";
import { slasForBenefit } from "../rules/catalogue/catalogue.js";
import { BENEFIT_CODES, type BenefitCode } from "../rules/catalogue/codes.js";
import { CASE_MILESTONES, type CaseMilestone } from "../rules/case-workflow/codes.js";
import { caseClocks, type StoredClock } from "../rules/sla/case-clocks.js";
import type { CaseTimeline } from "../rules/sla/compute-sla-clocks.js";
import { casesById } from "../db/queries/cases-read.js";

export type TimelineFields = Pick<CaseRow, "milestones" | "documentsCompletedAt" | "closedAt">;
type ClockFields = TimelineFields & Pick<CaseRow, "benefitCode" | "submittedAt" | "completedAt" | "workingDaysToComplete">;

/** The case's milestones as Shanghai dates, for the SLA rules. */
export function caseTimeline(row: TimelineFields): CaseTimeline {
  const timeline: Partial<Record<CaseMilestone, string>> = {};
  for (const m of CASE_MILESTONES) {
    const at = row.milestones[m];
    if (at) timeline[m] = shanghaiDate(new Date(at));
  }
  if (row.documentsCompletedAt) timeline.DOCUMENTS_COMPLETE = shanghaiDate(row.documentsCompletedAt);
  if (row.closedAt) timeline.CLOSED = shanghaiDate(row.closedAt);
  return timeline;
}

export interface CaseClockColumns {
  readonly slaStartedOn: string | null;
  readonly slaDueOn: string | null;
  readonly slaMetOn: string | null;
  readonly workingDaysToComplete: number | null;
}

/** Every clock of a case as it will stand once `row` is written, and the case row's copy of the first. */
export function caseClockWrite(row: ClockFields, today: string, calendar: WorkingCalendar): { columns: CaseClockColumns; clocks: StoredClock[] } {
  const clocks = caseClocks(slasForBenefit(row.benefitCode as BenefitCode), caseTimeline(row), today, calendar);
  const [first] = clocks;
  const turnaround =
    row.completedAt && row.workingDaysToComplete === null
      ? workingDaysBetween(calendar, shanghaiDate(row.submittedAt), shanghaiDate(row.completedAt)).days
      : row.workingDaysToComplete;
  return { columns: { slaStartedOn: first?.startedOn ?? null, slaDueOn: first?.dueOn ?? null, slaMetOn: first?.metOn ?? null, workingDaysToComplete: turnaround }, clocks };
}

/** The values a case flow writes, with the clock columns they imply, and the clocks to store beside them. */
export function caseWrite<V extends Partial<ClockFields>>(current: CaseRow, values: V, today: string, calendar: WorkingCalendar): { values: V & CaseClockColumns; clocks: StoredClock[] } {
  const { columns, clocks } = caseClockWrite({ ...current, ...values }, today, calendar);
  return { values: { ...values, ...columns }, clocks };
}

export { storeCaseClocks };

/**
 * Cases written before clocks were stored (migration 0027) get theirs, computed as of `today`.
 * Idempotent: only cases with clocks to store and none stored are read, in batches.
 */
export async function backfillCaseClocks(db: Database, today: string, calendar: WorkingCalendar, batch = 500): Promise<number> {
  const benefits = BENEFIT_CODES.filter((b) => slasForBenefit(b).length > 0);
  let written = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await caseIdsWithoutClocks(db, benefits, after, batch);
    if (ids.length === 0) return written;
    after = ids.at(-1)!;
    const rows = await casesById(db, ids);
    await storeClocksOfCases(db, rows.map((row) => ({ caseId: row.id, clocks: caseClockWrite(row, today, calendar).clocks })));
    written += rows.length;
  }
}
