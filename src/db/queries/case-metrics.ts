// caseMetrics, computed in one place (definitions: docs/metrics.md). Today's cases are read from
// the smallest maintained summary that holds the dimensions asked for (∪ the deltas not yet folded
// in); a past day's are recomputed from the case event log. slaMet and slaBreached count every
// stored clock of those cases (case_clock), grouped alike in the same statement; a CLOCK grouping
// reads every measure from the clocks. The statement answers rows per group with their turnaround
// histogram, and fold.ts sums them and takes the percentiles.
//   case-metrics/summaries.ts   the summaries, the choice among them, the SQL lists
//   case-metrics/sources.ts     the sources (summary ∪ deltas, event log, stored clocks)
//   case-metrics/window.ts      submission windows as whole months and edge days
//   case-metrics/fold.ts        groups summed, percentiles
//   case-metrics/compaction.ts  deltas folded into the summaries
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../driver/rows.js";
import { fold } from "./case-metrics/fold.js";
import { clockSource, eventLogSource, summarySource, type Source } from "./case-metrics/sources.js";
import { CLOSED, summaryFor, type PlaceColumn } from "./case-metrics/summaries.js";
import type { MetricDimension, MetricsQuery, MetricsRow } from "./case-metrics/types.js";

export type { MetricDimension, MetricsQuery, MetricsRow } from "./case-metrics/types.js";
export { splitWindow } from "./case-metrics/window.js";
export { compactCaseMetrics } from "./case-metrics/compaction.js";

const inList = (expr: SQL, values: readonly string[]) => sql`${expr} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

export async function caseMetrics(executor: Executor, query: MetricsQuery): Promise<MetricsRow[]> {
  const from = query.submittedFrom ?? null;
  const to = query.submittedTo ?? null;
  const dims = [...new Set(query.groupBy)];
  const filtersBy: PlaceColumn[] = [...(query.provinceCodes?.length ? ["province_code" as const] : []), ...(query.partnerCodes?.length ? ["partner_code" as const] : [])];
  const asOf = query.asOf ?? null;
  // Grouped by clock, every measure comes from the stored clocks; otherwise the cases from the
  // smallest summary (or the event log) and slaMet / slaBreached from every stored clock of them.
  if (dims.includes("CLOCK")) return fold(dims, await queryRows<Record<string, unknown>>(executor, counts(query, dims, clockSource(query.today, asOf, from, to, true))));
  const cases = query.asOf ? eventLogSource(query.asOf.day, query.asOf.end, from, to) : summarySource(summaryFor(dims, filtersBy), query.today, from, to);
  // One statement (one snapshot): the cases' measures from their source, the SLA measures from the clocks.
  const keys = dims.map((_, i) => sql.raw(`k${i}, `));
  return fold(
    dims,
    await queryRows<Record<string, unknown>>(
      executor,
      sql`select ${sql.join(keys, sql``)} cases, open, completed, 0 as sla_met, 0 as sla_breached, turnaround from (${counts(query, dims, cases)}) c
        union all
        select ${sql.join(keys, sql``)} 0, 0, 0, sla_met, sla_breached, null from (${counts(query, dims, clockSource(query.today, asOf, from, to, false))}) k`,
    ),
  );
}

/** Counts per group and turnaround day of one source, as a statement. */
function counts(query: MetricsQuery, dims: readonly MetricDimension[], s: Source): SQL {
  const keyExpr: Record<MetricDimension, SQL> = {
    SERVICE: s.column("service_code"),
    BENEFIT: s.column("benefit_code"),
    STATUS: s.status,
    PROVINCE: s.column("province_code"),
    CITY: s.column("city_code"),
    MONTH: s.month,
    PARTNER: s.column("partner_code"),
    SLA_STATE: s.slaState,
    CLOCK: s.clock ?? sql`null::text`,
  };
  const counted = s.countedState ?? s.slaState;
  const where: SQL[] = [s.where];
  if (query.services?.length) where.push(inList(s.column("service_code"), query.services));
  if (query.provinceCodes?.length) where.push(inList(s.column("province_code"), query.provinceCodes));
  if (query.partnerCodes?.length) where.push(inList(s.column("partner_code"), query.partnerCodes));
  const selected = [...dims.map((d, i) => sql`${keyExpr[d]} as ${sql.raw(`k${i}`)}`), sql`${s.workingDays} as wd`];
  const groups = sql.join(selected.map((_, i) => sql.raw(String(i + 1))), sql`, `);
  const keys = dims.map((_, i) => sql.raw(`k${i}`));
  const w = s.weight;
  // Counts per group and turnaround day, then one row per group with its turnaround histogram as
  // text ("days:cases,…"): the application reads as many rows as there are groups.
  return sql`select ${sql.join([...keys, sql``], sql`, `)}
      sum(cases)::int as cases, sum(open)::int as open, sum(completed)::int as completed, sum(sla_met)::int as sla_met, sum(sla_breached)::int as sla_breached,
      string_agg(wd::text || ':' || completed::text, ',') filter (where wd is not null and completed <> 0) as turnaround
    from (
      select ${sql.join(selected, sql`, `)},
        sum(${w}) as cases,
        coalesce(sum(${w}) filter (where ${s.status} not in ${CLOSED}), 0) as open,
        coalesce(sum(${w}) filter (where ${s.status} = 'COMPLETED'), 0) as completed,
        coalesce(sum(${w}) filter (where ${counted} = 'MET'), 0) as sla_met,
        coalesce(sum(${w}) filter (where ${counted} in ('MISSED', 'BREACHED')), 0) as sla_breached
      from ${s.from}
      where ${sql.join(where, sql` and `)}
      group by ${groups}) g
    ${keys.length ? sql`group by ${sql.join(keys, sql`, `)}` : sql``}`;
}
