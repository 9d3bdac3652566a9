// caseMetrics in one statement: GROUP BY the asked dimensions over service_case, with the SLA
// state derived from the stored first clock and `today`. Definitions: docs/metrics.md.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../rows.js";

export type MetricDimension = "SERVICE" | "BENEFIT" | "STATUS" | "PROVINCE" | "CITY" | "MONTH" | "PARTNER" | "SLA_STATE";

const CLOSED = sql`('COMPLETED', 'REJECTED', 'CANCELLED', 'NO_SHOW')`;

/** What a case looked like on the day the metrics are taken: now, or the end of a past day. */
interface CaseView {
  readonly from: SQL;
  readonly where: SQL;
  readonly status: SQL;
  readonly closedOn: SQL;
  readonly dueOn: SQL;
  readonly metOn: SQL;
  readonly day: SQL;
}

/** Today: the columns as they stand. */
function currentView(today: string): CaseView {
  return {
    from: sql`service_case c`,
    where: sql`true`,
    status: sql`c.status`,
    closedOn: sql`(c.closed_at at time zone 'Asia/Shanghai')::date`,
    dueOn: sql`c.sla_due_on`,
    metOn: sql`c.sla_met_on`,
    day: sql`${today}::date`,
  };
}

/**
 * The end of a past day, from the event log: cases submitted by then, in the status their last
 * event by then gave them; a clock or milestone counts only if it had happened by then. The
 * stored dates are written in the transaction that appends the event, so "on or before the day"
 * is the same test on either.
 */
function pastView(asOf: string, endOfDay: Date): CaseView {
  const end = sql`${endOfDay.toISOString()}::timestamptz`;
  const day = sql`${asOf}::date`;
  const started = sql`coalesce(c.sla_started_on, (c.documents_completed_at at time zone 'Asia/Shanghai')::date)`;
  return {
    from: sql`service_case c cross join lateral (
      select e.to_status, e.at from case_event e where e.case_id = c.id and e.at < ${end} order by e.id desc limit 1) s`,
    where: sql`c.submitted_at < ${end}`,
    status: sql`s.to_status`,
    closedOn: sql`case when s.to_status in ${CLOSED} then (s.at at time zone 'Asia/Shanghai')::date end`,
    dueOn: sql`case when ${started} <= ${day} then c.sla_due_on end`,
    metOn: sql`case when c.sla_met_on <= ${day} then c.sla_met_on end`,
    day,
  };
}

/** The first clock's state (docs/metrics.md); a closed case is judged on its closing day. */
function slaState(v: CaseView): SQL {
  const asOf = sql`coalesce(${v.closedOn}, ${v.day})`;
  return sql`case
    when ${v.dueOn} is null then 'NOT_STARTED'
    when ${v.metOn} is not null and ${v.metOn} <= ${v.dueOn} then 'MET'
    when ${v.metOn} is not null then 'MISSED'
    when ${asOf} > ${v.dueOn} then 'BREACHED'
    when ${asOf} = ${v.dueOn} then 'DUE_TODAY'
    else 'ON_TRACK' end`;
}

const COLUMN: Record<Exclude<MetricDimension, "SLA_STATE" | "STATUS">, SQL> = {
  SERVICE: sql`c.service_code`,
  BENEFIT: sql`c.benefit_code`,
  PROVINCE: sql`c.province_code`,
  CITY: sql`c.city_code`,
  MONTH: sql`to_char(c.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  PARTNER: sql`c.partner_code`,
};

export interface MetricsQuery {
  readonly groupBy: readonly MetricDimension[];
  readonly today: string;
  /** A past Shanghai day and the instant it ended: recompute from the event log as of then. */
  readonly asOf?: { readonly day: string; readonly end: Date } | null;
  readonly services?: readonly string[] | null;
  readonly submittedFrom?: Date | null;
  readonly submittedBefore?: Date | null;
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

export async function caseMetrics(executor: Executor, query: MetricsQuery): Promise<MetricsRow[]> {
  const view = query.asOf ? pastView(query.asOf.day, query.asOf.end) : currentView(query.today);
  const state = slaState(view);
  const status = view.status;
  const dims = [...new Set(query.groupBy)];
  const keyExpr = (d: MetricDimension) => (d === "SLA_STATE" ? state : d === "STATUS" ? status : COLUMN[d]);
  const selectKeys = dims.map((d, i) => sql`${keyExpr(d)} as ${sql.raw(`k${i}`)}`);
  const where: SQL[] = [view.where];
  if (query.services?.length) where.push(sql`c.service_code in (${sql.join(query.services.map((s) => sql`${s}`), sql`, `)})`);
  if (query.provinceCodes?.length) where.push(sql`c.province_code in (${sql.join(query.provinceCodes.map((s) => sql`${s}`), sql`, `)})`);
  if (query.partnerCodes?.length) where.push(sql`c.partner_code in (${sql.join(query.partnerCodes.map((s) => sql`${s}`), sql`, `)})`);
  if (query.submittedFrom) where.push(sql`c.submitted_at >= ${query.submittedFrom.toISOString()}::timestamptz`);
  if (query.submittedBefore) where.push(sql`c.submitted_at < ${query.submittedBefore.toISOString()}::timestamptz`);
  const rows = await queryRows<Record<string, unknown>>(
    executor,
    sql`select ${sql.join([...selectKeys, sql`1 as one`], sql`, `)},
      count(*)::int as cases,
      count(*) filter (where ${status} not in ${CLOSED})::int as open,
      count(*) filter (where ${status} = 'COMPLETED')::int as completed,
      count(*) filter (where ${state} = 'MET')::int as sla_met,
      count(*) filter (where ${state} in ('MISSED', 'BREACHED'))::int as sla_breached,
      percentile_cont(0.5) within group (order by c.working_days_to_complete) filter (where ${status} = 'COMPLETED') as median,
      percentile_cont(0.9) within group (order by c.working_days_to_complete) filter (where ${status} = 'COMPLETED') as p90
    from ${view.from}
    where ${sql.join(where, sql` and `)}
    ${dims.length ? sql`group by ${sql.join(dims.map((_, i) => sql.raw(String(i + 1))), sql`, `)} order by ${sql.join(dims.map((_, i) => sql.raw(String(i + 1))), sql`, `)}` : sql``}`,
  );
  return rows
    .filter((r) => dims.length > 0 || Number(r.cases) > 0)
    .map((r) => ({
      keys: Object.fromEntries(dims.map((d, i) => [d, (r[`k${i}`] as string | null) ?? null])),
      cases: Number(r.cases),
      open: Number(r.open),
      completed: Number(r.completed),
      sla_met: Number(r.sla_met),
      sla_breached: Number(r.sla_breached),
      median: r.median === null ? null : Number(r.median),
      p90: r.p90 === null ? null : Number(r.p90),
    }));
}
