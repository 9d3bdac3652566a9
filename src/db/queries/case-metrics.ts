// caseMetrics, computed in one place (definitions: docs/metrics.md). Today's metrics read the
// maintained rollup (case_metric_rollup ∪ the deltas not yet folded in); a past day's are
// recomputed from the case event log. Both answer counts per group and turnaround day, and the
// measures are summed here, percentiles from the turnaround histogram.
import { sql, type SQL } from "drizzle-orm";
import { percentileOfHistogram } from "../../rules/metrics/percentile.js";
import { addDays } from "../../rules/shared/dates.js";
import type { Executor } from "../client.js";
import { queryRows } from "../driver/rows.js";

export type MetricDimension = "SERVICE" | "BENEFIT" | "STATUS" | "PROVINCE" | "CITY" | "MONTH" | "PARTNER" | "SLA_STATE";

const CLOSED = sql`('COMPLETED', 'REJECTED', 'CANCELLED', 'NO_SHOW')`;
const FACT_COLUMNS = "submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete";
const KEY_COLUMNS = sql.raw(`submitted_on, ${FACT_COLUMNS}`);
const MONTH_COLUMNS = sql.raw(FACT_COLUMNS);

export interface MetricsQuery {
  readonly groupBy: readonly MetricDimension[];
  readonly today: string;
  /** A past Shanghai day and the instant it ended: recompute from the event log as of then. */
  readonly asOf?: { readonly day: string; readonly end: Date } | null;
  readonly services?: readonly string[] | null;
  /** Shanghai dates of submission, both inclusive. */
  readonly submittedFrom?: string | null;
  readonly submittedTo?: string | null;
  readonly provinceCodes?: readonly string[] | null;
  readonly partnerCodes?: readonly string[] | null;
}

export interface MetricsRow {
  keys: Partial<Record<MetricDimension, string | null>>;
  cases: number;
  open: number;
  completed: number;
  sla_met: number;
  sla_breached: number;
  median: number | null;
  p90: number | null;
}

/** What the two sources share: the dimensions, the facts, and how a case counts (1, or a rollup's n). */
interface Source {
  readonly from: SQL;
  readonly where: SQL;
  readonly weight: SQL;
  readonly month: SQL;
  readonly status: SQL;
  readonly slaState: SQL;
  readonly workingDays: SQL;
  readonly column: (name: "service_code" | "benefit_code" | "province_code" | "city_code" | "partner_code") => SQL;
}

/**
 * Today, from the summaries: the window's whole months from the monthly rollup, its other days
 * from the daily one, and every pending delta in the window. A pending clock is judged against today.
 */
function rollupSource(today: string, from: string | null, to: string | null): Source {
  const window = splitWindow(from, to);
  const inWindow = (column: SQL) => sql.join([sql`true`, ...(from ? [sql`${column} >= ${from}::date`] : []), ...(to ? [sql`${column} <= ${to}::date`] : [])], sql` and `);
  const parts: SQL[] = [sql`select ${MONTH_COLUMNS}, cases from case_metric_delta where ${inWindow(sql`submitted_on`)}`];
  if (window.months) {
    const { first, last } = window.months;
    const bounds = [sql`true`, ...(first ? [sql`submitted_month >= ${first}`] : []), ...(last ? [sql`submitted_month <= ${last}`] : [])];
    parts.push(sql`select ${MONTH_COLUMNS}, cases from case_metric_monthly where ${sql.join(bounds, sql` and `)}`);
  }
  for (const [start, end] of window.days) {
    parts.push(sql`select ${MONTH_COLUMNS}, cases from case_metric_rollup where submitted_on between ${start}::date and ${end}::date`);
  }
  return {
    from: sql`(${sql.join(parts, sql` union all `)}) r`,
    where: sql`true`,
    weight: sql`r.cases`,
    month: sql`r.submitted_month`,
    status: sql`r.status`,
    slaState: sql`coalesce(r.sla_outcome, sla_state_on(r.sla_due_on, null, ${today}::date))`,
    workingDays: sql`r.working_days_to_complete`,
    column: (name) => sql.raw(`r.${name}`),
  };
}

const monthOf = (date: string) => date.slice(0, 7);
const firstOfMonth = (month: string) => `${month}-01`;
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
const lastOfMonth = (month: string) => addDays(firstOfMonth(nextMonth(month)), -1);

/**
 * A submission window (inclusive Shanghai dates, either open) as the whole months inside it (null
 * bounds: unbounded) and the day ranges left at its edges.
 */
export function splitWindow(from: string | null, to: string | null): { months: { first: string | null; last: string | null } | null; days: [string, string][] } {
  const first = from === null ? null : from === firstOfMonth(monthOf(from)) ? monthOf(from) : nextMonth(monthOf(from));
  const last = to === null ? null : to === lastOfMonth(monthOf(to)) ? monthOf(to) : monthOf(addDays(firstOfMonth(monthOf(to)), -1));
  if (first !== null && last !== null && first > last) return { months: null, days: from && to && from <= to ? [[from, to]] : [] };
  const days: [string, string][] = [];
  if (from !== null && first !== monthOf(from)) days.push([from, lastOfMonth(monthOf(from))]);
  if (to !== null && last !== monthOf(to)) days.push([firstOfMonth(monthOf(to)), to]);
  return { months: { first, last }, days };
}

/**
 * The end of a past day, from the event log: cases submitted by then, in the status their last
 * event by then gave them; a clock or milestone counts only if it had happened by then. The
 * stored dates are written in the transaction that appends the event, so "on or before the day"
 * is the same test on either.
 */
function eventLogSource(asOf: string, endOfDay: Date, from: string | null, to: string | null): Source {
  const end = sql`${endOfDay.toISOString()}::timestamptz`;
  const day = sql`${asOf}::date`;
  const started = sql`coalesce(c.sla_started_on, (c.documents_completed_at at time zone 'Asia/Shanghai')::date)`;
  const dueOn = sql`case when ${started} <= ${day} then c.sla_due_on end`;
  const metOn = sql`case when c.sla_met_on <= ${day} then c.sla_met_on end`;
  const closedOn = sql`case when s.to_status in ${CLOSED} then (s.at at time zone 'Asia/Shanghai')::date end`;
  const judgedOn = sql`coalesce(${closedOn}, ${day})`;
  return {
    from: sql`service_case c cross join lateral (
      select e.to_status, e.at from case_event e where e.case_id = c.id and e.at < ${end} order by e.id desc limit 1) s`,
    where: sql.join(
      [
        sql`c.submitted_at < ${end}`,
        ...(from ? [sql`(c.submitted_at at time zone 'Asia/Shanghai')::date >= ${from}::date`] : []),
        ...(to ? [sql`(c.submitted_at at time zone 'Asia/Shanghai')::date <= ${to}::date`] : []),
      ],
      sql` and `,
    ),
    weight: sql`1`,
    month: sql`to_char(c.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
    status: sql`s.to_status`,
    slaState: sql`sla_state_on(${dueOn}, ${metOn}, ${judgedOn})`,
    workingDays: sql`case when s.to_status = 'COMPLETED' then c.working_days_to_complete end`,
    column: (name) => sql.raw(`c.${name}`),
  };
}

const inList = (expr: SQL, values: readonly string[]) => sql`${expr} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

export async function caseMetrics(executor: Executor, query: MetricsQuery): Promise<MetricsRow[]> {
  const from = query.submittedFrom ?? null;
  const to = query.submittedTo ?? null;
  const s = query.asOf ? eventLogSource(query.asOf.day, query.asOf.end, from, to) : rollupSource(query.today, from, to);
  const dims = [...new Set(query.groupBy)];
  const keyExpr: Record<MetricDimension, SQL> = {
    SERVICE: s.column("service_code"),
    BENEFIT: s.column("benefit_code"),
    STATUS: s.status,
    PROVINCE: s.column("province_code"),
    CITY: s.column("city_code"),
    MONTH: s.month,
    PARTNER: s.column("partner_code"),
    SLA_STATE: s.slaState,
  };
  const where: SQL[] = [s.where];
  if (query.services?.length) where.push(inList(s.column("service_code"), query.services));
  if (query.provinceCodes?.length) where.push(inList(s.column("province_code"), query.provinceCodes));
  if (query.partnerCodes?.length) where.push(inList(s.column("partner_code"), query.partnerCodes));
  const selected = [...dims.map((d, i) => sql`${keyExpr[d]} as ${sql.raw(`k${i}`)}`), sql`${s.workingDays} as wd`];
  const groups = sql.join(selected.map((_, i) => sql.raw(String(i + 1))), sql`, `);
  const w = s.weight;
  const rows = await queryRows<Record<string, unknown>>(
    executor,
    sql`select ${sql.join(selected, sql`, `)},
      sum(${w})::int as cases,
      coalesce(sum(${w}) filter (where ${s.status} not in ${CLOSED}), 0)::int as open,
      coalesce(sum(${w}) filter (where ${s.status} = 'COMPLETED'), 0)::int as completed,
      coalesce(sum(${w}) filter (where ${s.slaState} = 'MET'), 0)::int as sla_met,
      coalesce(sum(${w}) filter (where ${s.slaState} in ('MISSED', 'BREACHED')), 0)::int as sla_breached
    from ${s.from}
    where ${sql.join(where, sql` and `)}
    group by ${groups}`,
  );
  return fold(dims, rows);
}

/** Sums the per-turnaround rows of each group and takes the percentiles of its completed cases. */
function fold(dims: readonly MetricDimension[], rows: readonly Record<string, unknown>[]): MetricsRow[] {
  const groups = new Map<string, { row: MetricsRow; turnaround: Map<number, number> }>();
  for (const r of rows) {
    const keys = dims.map((_, i) => (r[`k${i}`] as string | null) ?? null);
    const id = JSON.stringify(keys);
    let group = groups.get(id);
    if (!group) {
      const row: MetricsRow = { keys: Object.fromEntries(dims.map((d, i) => [d, keys[i]])), cases: 0, open: 0, completed: 0, sla_met: 0, sla_breached: 0, median: null, p90: null };
      group = { row, turnaround: new Map() };
      groups.set(id, group);
    }
    group.row.cases += Number(r.cases);
    group.row.open += Number(r.open);
    group.row.completed += Number(r.completed);
    group.row.sla_met += Number(r.sla_met);
    group.row.sla_breached += Number(r.sla_breached);
    if (r.wd !== null && r.wd !== undefined) {
      const wd = Number(r.wd);
      group.turnaround.set(wd, (group.turnaround.get(wd) ?? 0) + Number(r.completed));
    }
  }
  const result: MetricsRow[] = [];
  for (const { row, turnaround } of groups.values()) {
    if (row.cases === 0) continue;
    row.median = percentileOfHistogram(turnaround, 0.5);
    row.p90 = percentileOfHistogram(turnaround, 0.9);
    result.push(row);
  }
  const compare = (a: string | null | undefined, b: string | null | undefined) => (a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? -1 : 1);
  return result.sort((a, b) => {
    for (const d of dims) {
      const c = compare(a.keys[d], b.keys[d]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/**
 * Folds the pending deltas into both rollups and drops groups counted down to zero. One process
 * at a time (an advisory lock); readers see summaries ∪ deltas in one snapshot, so before and
 * after give the same answer. Returns how many deltas were folded.
 */
const VACUUM_AFTER = 5000;

export async function compactCaseMetrics(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ folded: number | null }>(
    executor,
    sql`with lock as (select pg_try_advisory_xact_lock(hashtext('case_metric_compaction')) as got),
      folded as (
        delete from case_metric_delta where (select got from lock) returning ${KEY_COLUMNS}, cases),
      daily as (
        insert into case_metric_rollup (${KEY_COLUMNS}, cases)
        select ${KEY_COLUMNS}, sum(cases)::int from folded group by ${KEY_COLUMNS}
        on conflict on constraint case_metric_rollup_key do update set cases = case_metric_rollup.cases + excluded.cases
        returning 1),
      monthly as (
        insert into case_metric_monthly (${MONTH_COLUMNS}, cases)
        select ${MONTH_COLUMNS}, sum(cases)::int from folded group by ${MONTH_COLUMNS}
        on conflict on constraint case_metric_monthly_key do update set cases = case_metric_monthly.cases + excluded.cases
        returning 1)
    select (select count(*) from folded)::int as folded, (select count(*) from daily) + (select count(*) from monthly) as written`,
  );
  await executor.execute(sql`delete from case_metric_rollup where cases = 0`);
  await executor.execute(sql`delete from case_metric_monthly where cases = 0`);
  const folded = row?.folded ?? 0;
  // Readers scan the delta table: after a large fold, do not wait for autovacuum (which may be off).
  if (folded >= VACUUM_AFTER) await executor.execute(sql`vacuum case_metric_delta`);
  return folded;
}
