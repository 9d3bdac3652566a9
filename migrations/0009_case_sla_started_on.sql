-- The day the first SLA clock started, so metrics can be recomputed as of any past day (a clock
-- that had not started by then is NOT_STARTED). Rows written earlier get it at their next change;
-- until then the as-of query falls back to the day the documents were complete.
ALTER TABLE "service_case" ADD COLUMN "sla_started_on" date;
--> statement-breakpoint
CREATE OR REPLACE VIEW reporting.case_facts AS
SELECT
  c.case_no,
  c.service_code,
  c.benefit_code,
  c.status,
  c.quota_effect,
  c.province_code,
  c.city_code,
  c.partner_code,
  c.submitted_at,
  (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS submitted_on,
  c.documents_completed_at,
  c.closed_at,
  (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date AS closed_on,
  c.sla_due_on,
  c.sla_met_on,
  c.working_days_to_complete,
  c.sla_started_on
FROM public.service_case c;
