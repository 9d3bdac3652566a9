// The stored clocks of cases (case_clock): written with each change of a case, read by the case
// page, the SLA sweep and caseMetrics. The rows are computed by rules/sla/case-clocks.ts.
import { and, asc, eq, gt, inArray, notExists, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseClocks, serviceCases } from "../schema/index.js";
import type { SlaPauseReason } from "../../rules/catalogue/service-definition.js";
import type { StoredClock } from "../../rules/sla/case-clocks.js";

/** Writes every clock of a case as it now stands (a clock's row is replaced, never appended). */
export async function storeCaseClocks(executor: Executor, caseId: string, clocks: readonly StoredClock[]): Promise<void> {
  await storeClocksOfCases(executor, [{ caseId, clocks }]);
}

/** The same for many cases in one statement (the backfill). */
export async function storeClocksOfCases(executor: Executor, cases: readonly { caseId: string; clocks: readonly StoredClock[] }[]): Promise<void> {
  const values = cases.flatMap(({ caseId, clocks }) => clocks.map((c) => ({ caseId, ...c })));
  if (values.length === 0) return;
  await executor
    .insert(caseClocks)
    .values(values)
    .onConflictDoUpdate({
      target: [caseClocks.caseId, caseClocks.clock],
      set: {
        position: sql`excluded.position`,
        workingDaysAllowed: sql`excluded.working_days_allowed`,
        startedOn: sql`excluded.started_on`,
        dueOn: sql`excluded.due_on`,
        metOn: sql`excluded.met_on`,
        closedOn: sql`excluded.closed_on`,
        pausedReason: sql`excluded.paused_reason`,
        pausedSince: sql`excluded.paused_since`,
        pausedWorkingDays: sql`excluded.paused_working_days`,
        provisional: sql`excluded.provisional`,
        computedOn: sql`excluded.computed_on`,
      },
    });
}

/** The stored clocks of each case, in the service's order. */
export async function clocksByCaseIds(executor: Executor, caseIds: readonly string[]): Promise<Map<string, StoredClock[]>> {
  const byCase = new Map<string, StoredClock[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const rows = await executor
    .select()
    .from(caseClocks)
    .where(inArray(caseClocks.caseId, [...caseIds]))
    .orderBy(asc(caseClocks.caseId), asc(caseClocks.position));
  for (const { caseId, ...clock } of rows) byCase.get(caseId)?.push({ ...clock, pausedReason: clock.pausedReason as SlaPauseReason | null });
  return byCase;
}

/**
 * Up to `limit` cases of the given benefits with no stored clock (written before clocks were
 * stored), in id order after `after`: the caller walks the table once.
 */
export async function caseIdsWithoutClocks(executor: Executor, benefits: readonly string[], after: string | null, limit: number): Promise<string[]> {
  if (benefits.length === 0) return [];
  const rows = await executor
    .select({ id: serviceCases.id })
    .from(serviceCases)
    .where(
      and(
        after === null ? undefined : gt(serviceCases.id, after),
        inArray(serviceCases.benefitCode, [...benefits]),
        notExists(executor.select({ one: sql`1` }).from(caseClocks).where(eq(caseClocks.caseId, serviceCases.id))),
      ),
    )
    .orderBy(asc(serviceCases.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
