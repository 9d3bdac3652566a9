// Folds the pending case-metric deltas into every summary (../case-metrics/summaries.ts) in one
// statement, then drops the groups counted down to zero on the days and months it touched.
import { sql } from "drizzle-orm";
import type { Executor } from "../../client.js";
import { queryRows } from "../../driver/rows.js";
import { SUMMARIES } from "./summaries.js";

/** A delta's whole key: the submission day and the place summary's columns. */
const DELTA_KEY = `submitted_on, ${SUMMARIES[SUMMARIES.length - 1]!.columns}`;

/** After a fold this large, vacuum the delta table now: readers scan it, and autovacuum may be off. */
const VACUUM_AFTER = 5000;

/**
 * One process at a time (an advisory lock); readers see summaries ∪ deltas in one snapshot, so
 * before and after give the same answer. Returns how many deltas were folded.
 */
export async function compactCaseMetrics(executor: Executor): Promise<number> {
  const upserts = SUMMARIES.flatMap((s, i) => {
    const day = `submitted_on, ${s.columns}`;
    return [
      sql.raw(`d${i} as (
        insert into ${s.daily} (${day}, cases) select ${day}, sum(cases)::int from folded group by ${day}
        on conflict on constraint ${s.dailyKey} do update set cases = ${s.daily}.cases + excluded.cases returning 1)`),
      sql.raw(`m${i} as (
        insert into ${s.monthly} (${s.columns}, cases) select ${s.columns}, sum(cases)::int from folded group by ${s.columns}
        on conflict on constraint ${s.monthlyKey} do update set cases = ${s.monthly}.cases + excluded.cases returning 1)`),
    ];
  });
  const [row] = await queryRows<{ folded: number; days: string | null; months: string | null }>(
    executor,
    sql`with lock as (select pg_try_advisory_xact_lock(hashtext('case_metric_compaction')) as got),
      folded as (delete from case_metric_delta where (select got from lock) returning ${sql.raw(DELTA_KEY)}, cases),
      ${sql.join(upserts, sql`, `)}
    select count(*)::int as folded, string_agg(distinct submitted_on::text, ',') as days, string_agg(distinct submitted_month, ',') as months from folded`,
  );
  const folded = row?.folded ?? 0;
  if (folded === 0 || !row?.days || !row.months) return folded;
  for (const s of SUMMARIES) {
    await executor.execute(sql`delete from ${sql.raw(s.daily)} where cases = 0 and submitted_on = any(string_to_array(${row.days}, ',')::date[])`);
    await executor.execute(sql`delete from ${sql.raw(s.monthly)} where cases = 0 and submitted_month = any(string_to_array(${row.months}, ','))`);
  }
  if (folded >= VACUUM_AFTER) await executor.execute(sql`vacuum case_metric_delta`);
  return folded;
}
