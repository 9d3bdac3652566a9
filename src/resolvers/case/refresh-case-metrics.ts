// Keeps the columns metrics read in step with the case: its first SLA clock (start / due / met dates) and,
// once completed, its turnaround in working days. Runs in the transaction that changed the case.
import { shanghaiDate } from "../../context/clock.js";
import type { Transaction } from "../../db/client.js";
import type { CaseRow } from "../../db/queries/case-rows.js";
import { setCaseMetrics } from "../../db/queries/case-writes.js";
import type { WorkingCalendar } from "../../rules/calendar/calendar-data.js";
import { slasForBenefit } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { workingDaysBetween } from "../../rules/calendar/working-days.js";
import { computeSlaClocks } from "../../rules/sla/compute-sla-clocks.js";
import { caseTimeline, type TimelineFields } from "./case-milestones.js";

export async function refreshCaseMetrics(tx: Transaction, row: CaseRow, today: string, calendar: WorkingCalendar): Promise<void> {
  await setCaseMetrics(tx, row.id, caseMetricColumns(row, today, calendar));
}

/** The metric columns for a case as it stands (also written with a new case, saving an update). */
export function caseMetricColumns(
  row: TimelineFields & Pick<CaseRow, "benefitCode" | "submittedAt" | "completedAt" | "workingDaysToComplete">,
  today: string,
  calendar: WorkingCalendar,
): { slaStartedOn: string | null; slaDueOn: string | null; slaMetOn: string | null; workingDaysToComplete: number | null } {
  const [primary] = computeSlaClocks(slasForBenefit(row.benefitCode as BenefitCode), caseTimeline(row), today, calendar);
  const turnaround =
    row.completedAt && row.workingDaysToComplete === null
      ? workingDaysBetween(calendar, shanghaiDate(row.submittedAt), shanghaiDate(row.completedAt)).days
      : row.workingDaysToComplete;
  return { slaStartedOn: primary?.startedOn ?? null, slaDueOn: primary?.dueOn ?? null, slaMetOn: primary?.metOn ?? null, workingDaysToComplete: turnaround };
}
