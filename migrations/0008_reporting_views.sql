-- The reporting schema for BI tools that speak SQL: case facts without personal data (no names,
-- ID numbers, phones, diagnoses or policy numbers), and a daily roll-up. Definitions: docs/metrics.md.
CREATE SCHEMA IF NOT EXISTS reporting;
--> statement-breakpoint
CREATE VIEW reporting.case_facts AS
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
  c.working_days_to_complete
FROM public.service_case c;
--> statement-breakpoint
CREATE VIEW reporting.case_daily AS
SELECT
  submitted_on AS day,
  service_code,
  count(*)::int AS submitted,
  count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
  count(*) FILTER (WHERE status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'NO_SHOW'))::int AS open,
  count(*) FILTER (WHERE sla_met_on IS NOT NULL AND sla_met_on <= sla_due_on)::int AS sla_met
FROM reporting.case_facts
GROUP BY submitted_on, service_code;
