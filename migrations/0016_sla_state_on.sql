-- A clock's state from its dates: the rule clockStateOn in src/rules/sla/compute-sla-clocks.ts,
-- written here once for the case metrics (the rollup's key and both metric sources), which apply it
-- to every case in one statement. A one-expression SQL function: the planner inlines it.
-- test/rules-in-sql.test.ts holds it equal to the TypeScript rule.
CREATE FUNCTION sla_state_on(due_on date, met_on date, judged_on date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN due_on IS NULL THEN 'NOT_STARTED'
    WHEN met_on IS NOT NULL THEN CASE WHEN met_on <= due_on THEN 'MET' ELSE 'MISSED' END
    WHEN judged_on > due_on THEN 'BREACHED'
    WHEN judged_on = due_on THEN 'DUE_TODAY'
    ELSE 'ON_TRACK' END
$$;
--> statement-breakpoint
-- A case's place in the rollup, as migration 0010 defined it: the state is fixed once the clock was
-- met, once the case closed (judged on its closing day) or while no clock runs; otherwise it waits on
-- the day asked, and the due date is kept to compare with.
CREATE OR REPLACE FUNCTION case_metric_key(c service_case) RETURNS case_metric_delta LANGUAGE sql STABLE AS $$
  SELECT NULL::bigint,
    (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date,
    to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
    c.service_code, c.benefit_code, c.status, c.province_code, c.city_code, c.partner_code,
    CASE WHEN c.sla_due_on IS NULL OR c.sla_met_on IS NOT NULL OR c.closed_at IS NOT NULL
      THEN sla_state_on(c.sla_due_on, c.sla_met_on, (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date) END,
    CASE WHEN c.sla_due_on IS NOT NULL AND c.sla_met_on IS NULL AND c.closed_at IS NULL THEN c.sla_due_on END,
    c.working_days_to_complete::smallint,
    0
$$;
