// Where caseMetrics counts from: today from a maintained summary ∪ the deltas not yet folded into
// it; a past day from the case event log. Both give the same columns, so one statement (in
// ../case-metrics.ts) groups either.
import { sql, type SQL } from "drizzle-orm";
import { CLOSED, type FactColumn, type Summary } from "./summaries.js";
import { planWindow } from "./window.js";

/** What the two sources share: the dimensions, the facts, and how a case counts (1, or a summary's n). */
export interface Source {
  readonly from: SQL;
  readonly where: SQL;
  readonly weight: SQL;
  readonly month: SQL;
  readonly status: SQL;
  /** The SLA_STATE key: the state of the case's first clock (or, grouped by CLOCK, of that clock). */
  readonly slaState: SQL;
  /** The state counted in slaMet / slaBreached: the key's, or each stored clock's (clockSource). */
  readonly countedState?: SQL;
  /** The CLOCK key (clockSource only). */
  readonly clock?: SQL;
  readonly workingDays: SQL;
  readonly column: (name: FactColumn) => SQL;
}

/**
 * Today, from a summary: the window's whole months from its monthly table, its other days from the
 * daily one (or a month read whole less its days outside the window), and every pending delta in
 * the window. A pending clock is judged against today.
 */
export function summarySource(summary: Summary, today: string, from: string | null, to: string | null): Source {
  const columns = sql.raw(summary.columns);
  const window = planWindow(from, to);
  const inWindow = (column: SQL) => sql.join([sql`true`, ...(from ? [sql`${column} >= ${from}::date`] : []), ...(to ? [sql`${column} <= ${to}::date`] : [])], sql` and `);
  const parts: SQL[] = [sql`select ${columns}, cases from case_metric_delta where ${inWindow(sql`submitted_on`)}`];
  if (window.months) {
    const { first, last } = window.months;
    const bounds = [sql`true`, ...(first ? [sql`submitted_month >= ${first}`] : []), ...(last ? [sql`submitted_month <= ${last}`] : [])];
    parts.push(sql`select ${columns}, cases from ${sql.raw(summary.monthly)} where ${sql.join(bounds, sql` and `)}`);
  }
  const dayRanges = (ranges: readonly [string, string][]) => sql.join(ranges.map(([start, end]) => sql`submitted_on between ${start}::date and ${end}::date`), sql` or `);
  if (window.days.length) parts.push(sql`select ${columns}, cases from ${sql.raw(summary.daily)} where ${dayRanges(window.days)}`);
  // Days of a month read whole that lie outside the window, taken away again.
  if (window.minusDays.length) parts.push(sql`select ${columns}, -cases from ${sql.raw(summary.daily)} where ${dayRanges(window.minusDays)}`);
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

/**
 * The end of a past day, from the event log: cases submitted by then, in the status their last
 * event by then gave them; a clock or milestone counts only if it had happened by then. The
 * stored dates are written in the transaction that appends the event, so "on or before the day"
 * is the same test on either.
 */
export function eventLogSource(asOf: string, endOfDay: Date, from: string | null, to: string | null): Source {
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

/**
 * Every stored clock of the cases (case_clock), one row per case and clock (a case with none gives
 * one row without a clock), today or as of a past day. Grouped by CLOCK it answers every measure,
 * each clock's cases counted in its group; otherwise caseMetrics takes only slaMet / slaBreached
 * from it, counting every clock of the cases in each group while SLA_STATE stays the first clock's.
 * A clock counts as started or met as of a past day only if that happened by then, as above.
 */
export function clockSource(today: string, asOf: { day: string; end: Date } | null, from: string | null, to: string | null, perClock: boolean): Source {
  const base: Source = asOf
    ? eventLogSource(asOf.day, asOf.end, from, to)
    : {
        from: sql`service_case c`,
        where: sql.join(
          [
            sql`true`,
            ...(from ? [sql`(c.submitted_at at time zone 'Asia/Shanghai')::date >= ${from}::date`] : []),
            ...(to ? [sql`(c.submitted_at at time zone 'Asia/Shanghai')::date <= ${to}::date`] : []),
          ],
          sql` and `,
        ),
        weight: sql`1`,
        month: sql`to_char(c.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
        status: sql`c.status`,
        slaState: sql`sla_state_on(c.sla_due_on, c.sla_met_on, coalesce((c.closed_at at time zone 'Asia/Shanghai')::date, ${today}::date))`,
        workingDays: sql`c.working_days_to_complete`,
        column: (name) => sql.raw(`c.${name}`),
      };
  const day = asOf ? sql`${asOf.day}::date` : sql`${today}::date`;
  const closedOn = asOf ? sql`case when s.to_status in ${CLOSED} then (s.at at time zone 'Asia/Shanghai')::date end` : sql`k.closed_on`;
  const dueOn = asOf ? sql`case when k.started_on <= ${day} then k.due_on end` : sql`k.due_on`;
  const metOn = asOf ? sql`case when k.met_on <= ${day} then k.met_on end` : sql`k.met_on`;
  const clockState = sql`case when k.clock is not null then sla_state_on(${dueOn}, ${metOn}, coalesce(${closedOn}, ${day})) end`;
  return {
    ...base,
    from: sql`${base.from} left join case_clock k on k.case_id = c.id`,
    slaState: perClock ? clockState : base.slaState,
    countedState: clockState,
    clock: sql`k.clock`,
  };
}
