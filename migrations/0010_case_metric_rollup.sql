CREATE TABLE "case_metric_delta" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"province_code" text,
	"city_code" text,
	"partner_code" text,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_delta_unit" CHECK ("case_metric_delta"."cases" in (-1, 1))
);
--> statement-breakpoint
CREATE TABLE "case_metric_monthly" (
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"province_code" text,
	"city_code" text,
	"partner_code" text,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_monthly_key" UNIQUE NULLS NOT DISTINCT("submitted_month","service_code","benefit_code","status","province_code","city_code","partner_code","sla_outcome","sla_due_on","working_days_to_complete")
);
--> statement-breakpoint
CREATE TABLE "case_metric_rollup" (
	"submitted_on" date NOT NULL,
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"province_code" text,
	"city_code" text,
	"partner_code" text,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_rollup_key" UNIQUE NULLS NOT DISTINCT("submitted_on","submitted_month","service_code","benefit_code","status","province_code","city_code","partner_code","sla_outcome","sla_due_on","working_days_to_complete")
);

--> statement-breakpoint
-- A case's place in the rollup. The first clock's state is fixed once it was met, once the case
-- closed (judged on its closing day) or while no clock runs; otherwise it waits on the day asked,
-- and the due date is kept to compare with. Definitions: docs/metrics.md.
CREATE FUNCTION case_metric_key(c service_case) RETURNS case_metric_delta LANGUAGE sql STABLE AS $$
  SELECT NULL::bigint,
    (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date,
    to_char(c.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
    c.service_code, c.benefit_code, c.status, c.province_code, c.city_code, c.partner_code,
    CASE
      WHEN c.sla_due_on IS NULL THEN 'NOT_STARTED'
      WHEN c.sla_met_on IS NOT NULL THEN CASE WHEN c.sla_met_on <= c.sla_due_on THEN 'MET' ELSE 'MISSED' END
      WHEN c.closed_at IS NOT NULL THEN CASE
        WHEN (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date > c.sla_due_on THEN 'BREACHED'
        WHEN (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date = c.sla_due_on THEN 'DUE_TODAY'
        ELSE 'ON_TRACK' END
    END,
    CASE WHEN c.sla_due_on IS NOT NULL AND c.sla_met_on IS NULL AND c.closed_at IS NULL THEN c.sla_due_on END,
    c.working_days_to_complete::smallint,
    0
$$;
--> statement-breakpoint
-- Appends −1 for the case's old place and +1 for its new one, in the writer's transaction. Only
-- inserts: writers never wait on one another for the summary.
CREATE FUNCTION case_metric_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key case_metric_delta;
  new_key case_metric_delta;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_key := case_metric_key(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_key := case_metric_key(NEW); END IF;
  IF TG_OP = 'UPDATE' AND old_key IS NOT DISTINCT FROM new_key THEN RETURN NULL; END IF; -- (a composite IS NULL only when every field is)
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO case_metric_delta (submitted_on, submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
    VALUES (old_key.submitted_on, old_key.submitted_month, old_key.service_code, old_key.benefit_code, old_key.status, old_key.province_code, old_key.city_code, old_key.partner_code, old_key.sla_outcome, old_key.sla_due_on, old_key.working_days_to_complete, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO case_metric_delta (submitted_on, submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
    VALUES (new_key.submitted_on, new_key.submitted_month, new_key.service_code, new_key.benefit_code, new_key.status, new_key.province_code, new_key.city_code, new_key.partner_code, new_key.sla_outcome, new_key.sla_due_on, new_key.working_days_to_complete, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_case_metric_track
  AFTER INSERT OR UPDATE OR DELETE ON service_case
  FOR EACH ROW EXECUTE FUNCTION case_metric_track();
--> statement-breakpoint
-- Cases written before this migration.
INSERT INTO case_metric_rollup (submitted_on, submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT k.submitted_on, k.submitted_month, k.service_code, k.benefit_code, k.status, k.province_code, k.city_code, k.partner_code, k.sla_outcome, k.sla_due_on, k.working_days_to_complete, count(*)::int
FROM service_case c, LATERAL case_metric_key(c) k
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
--> statement-breakpoint
INSERT INTO case_metric_monthly (submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, sum(cases)::int
FROM case_metric_rollup
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
--> statement-breakpoint
ANALYZE case_metric_rollup;
--> statement-breakpoint
ANALYZE case_metric_monthly;
