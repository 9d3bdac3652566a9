// A case's milestones as stored: the `milestones` map (instants, the first time each was reached),
// the documents' and closing columns, and the status timestamps the reporting views read (0008),
// written from the same map so the two never disagree.
import type { CaseRow } from "../db/queries/case-rows.js";
import type { RecordedMilestone } from "../rules/case-workflow/codes.js";

const REPORTING_COLUMN = {
  REVIEW_STARTED: "reviewStartedAt",
  INVESTIGATION_REQUESTED: "investigationRequestedAt",
  REVIEW_RESULT: "decidedAt",
  APPROVED: "approvedAt",
  ARRANGED: "scheduledAt",
  STARTED: "startedAt",
  COMPLETED: "completedAt",
} as const satisfies Partial<Record<RecordedMilestone, keyof CaseRow>>;

type ReportingColumns = { -readonly [K in (typeof REPORTING_COLUMN)[keyof typeof REPORTING_COLUMN]]?: Date };

/** The columns to write when an action records `records` at `at` (a milestone keeps its first instant). */
export function milestoneWrites(
  current: Readonly<Partial<Record<string, string>>>,
  records: readonly RecordedMilestone[],
  at: Date,
): { milestones: Partial<Record<string, string>> } & ReportingColumns {
  const fresh = records.filter((m) => current[m] === undefined);
  const milestones = { ...current, ...Object.fromEntries(fresh.map((m) => [m, at.toISOString()])) };
  const reporting: ReportingColumns = {};
  for (const m of fresh) {
    const column = (REPORTING_COLUMN as Partial<Record<RecordedMilestone, keyof ReportingColumns>>)[m];
    if (column) reporting[column] = at;
  }
  return { milestones, ...reporting };
}

// The timeline the SLA rules read lives with the clocks it feeds.
export { caseTimeline, type TimelineFields } from "./case-clocks.js";
