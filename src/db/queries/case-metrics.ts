// caseMetrics in one statement: GROUP BY the asked dimensions over service_case, with the SLA
// state derived from the stored first clock and `today`. Definitions: docs/metrics.md.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../rows.js";

export type MetricDimension = "SERVICE" | "BENEFIT" | "STATUS" | "PROVINCE" | "CITY" | "MONTH" | "PARTNER" | "SLA_STATE";

const CLOSED = sql`('COMPLETED', 'REJECTED', 'CANCELLED', 'NO_SHOW')`;

function slaState(today: string): SQL {
  const asOf = sql`coalesce((c.closed_at at time zone 'Asia/Shanghai')::date, ${today}::date)`;
  return sql`case
    when c.sla_due_on is null then 'NOT_STARTED'
    when c.sla_met_on is not null and c.sla_met_on <= c.sla_due_on then 'MET'
    when c.sla_met_on is not null then 'MISSED'
    when ${asOf} > c.sla_due_on then 'BREACHED'
    when ${asOf} = c.sla_due_on then 'DUE_TODAY'
    else 'ON_TRACK' end`;
}

const COLUMN: Record<Exclude<MetricDimension, "SLA_STATE">, SQL> = {
  SERVICE: sql`c.service_code`,
  BENEFIT: sql`c.benefit_code`,
  STATUS: sql`c.status`,
  PROVINCE: sql`c.province_code`,
  CITY: sql`c.city_code`,
  MONTH: sql`to_char(c.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  PARTNER: sql`c.partner_code`,
};

export interface MetricsQuery {
  readonly groupBy: readonly MetricDimension[];
  readonly today: string;
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
  const state = slaState(query.today);
  const dims = [...new Set(query.groupBy)];
  const keyExpr = (d: MetricDimension) => (d === "SLA_STATE" ? state : COLUMN[d]);
  const selectKeys = dims.map((d, i) => sql`${keyExpr(d)} as ${sql.raw(`k${i}`)}`);
  const where: SQL[] = [sql`true`];
  if (query.services?.length) where.push(sql`c.service_code in (${sql.join(query.services.map((s) => sql`${s}`), sql`, `)})`);
  if (query.provinceCodes?.length) where.push(sql`c.province_code in (${sql.join(query.provinceCodes.map((s) => sql`${s}`), sql`, `)})`);
  if (query.partnerCodes?.length) where.push(sql`c.partner_code in (${sql.join(query.partnerCodes.map((s) => sql`${s}`), sql`, `)})`);
  if (query.submittedFrom) where.push(sql`c.submitted_at >= ${query.submittedFrom.toISOString()}::timestamptz`);
  if (query.submittedBefore) where.push(sql`c.submitted_at < ${query.submittedBefore.toISOString()}::timestamptz`);
  const rows = await queryRows<Record<string, unknown>>(
    executor,
    sql`select ${sql.join([...selectKeys, sql`1 as one`], sql`, `)},
      count(*)::int as cases,
      count(*) filter (where c.status not in ${CLOSED})::int as open,
      count(*) filter (where c.status = 'COMPLETED')::int as completed,
      count(*) filter (where ${state} = 'MET')::int as sla_met,
      count(*) filter (where ${state} in ('MISSED', 'BREACHED'))::int as sla_breached,
      percentile_cont(0.5) within group (order by c.working_days_to_complete) filter (where c.status = 'COMPLETED') as median,
      percentile_cont(0.9) within group (order by c.working_days_to_complete) filter (where c.status = 'COMPLETED') as p90
    from service_case c
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
