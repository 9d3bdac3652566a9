-- Each service's own workflow (src/rules/case-workflow/workflows): a case's stage and 服务流程 row,
-- the milestones its SLA clocks read, the illness it is for, the green channel's visit details, and a
-- family member as the family doctor's applicant (被保险人及家人).
-- Existing cases: the stage is their status, the milestones come from the status timestamps, and the
-- row is the workflow's row for the status (a closed case: for the status it closed from).
ALTER TABLE "service_case" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "step" integer;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "milestones" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "diagnosis_id" uuid;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "care_kind" text;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "hospital_name" text;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "service_case" DROP CONSTRAINT "service_case_applicant_known";--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_applicant_known" CHECK ("service_case"."applicant" in ('INSURED','POLICYHOLDER','FAMILY_MEMBER'));--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_care_kind_known" CHECK ("service_case"."care_kind" is null or "service_case"."care_kind" in ('INPATIENT','SURGERY'));--> statement-breakpoint
UPDATE "service_case" SET "stage" = "status", "milestones" = jsonb_strip_nulls(jsonb_build_object(
  'REVIEW_STARTED', "review_started_at", 'INVESTIGATION_REQUESTED', "investigation_requested_at",
  'REVIEW_RESULT', "decided_at", 'APPROVED', "approved_at", 'ARRANGED', "scheduled_at",
  'STARTED', "started_at", 'COMPLETED', "completed_at"));--> statement-breakpoint
WITH "steps" ("service_code", "status", "step") AS (VALUES
  ('FAMILY_DOCTOR', 'AWAITING_DOCUMENTS', 1),
  ('FAMILY_DOCTOR', 'SUBMITTED', 1),
  ('FAMILY_DOCTOR', 'SCHEDULED', 1),
  ('FAMILY_DOCTOR', 'IN_PROGRESS', 2),
  ('FAMILY_DOCTOR', 'COMPLETED', 2),
  ('GREEN_CHANNEL', 'AWAITING_DOCUMENTS', 2),
  ('GREEN_CHANNEL', 'SUBMITTED', 2),
  ('GREEN_CHANNEL', 'UNDER_REVIEW', 2),
  ('GREEN_CHANNEL', 'APPROVED', 3),
  ('GREEN_CHANNEL', 'SCHEDULED', 4),
  ('GREEN_CHANNEL', 'IN_PROGRESS', 4),
  ('GREEN_CHANNEL', 'COMPLETED', 4),
  ('INPATIENT_ADVANCE', 'AWAITING_DOCUMENTS', 2),
  ('INPATIENT_ADVANCE', 'SUBMITTED', 2),
  ('INPATIENT_ADVANCE', 'UNDER_REVIEW', 3),
  ('INPATIENT_ADVANCE', 'INVESTIGATING', 4),
  ('INPATIENT_ADVANCE', 'APPROVED', 4),
  ('INPATIENT_ADVANCE', 'SCHEDULED', 5),
  ('INPATIENT_ADVANCE', 'IN_PROGRESS', 6),
  ('INPATIENT_ADVANCE', 'COMPLETED', 6),
  ('SECOND_OPINION', 'AWAITING_DOCUMENTS', 2),
  ('SECOND_OPINION', 'SUBMITTED', 2),
  ('SECOND_OPINION', 'UNDER_REVIEW', 3),
  ('SECOND_OPINION', 'APPROVED', 4),
  ('SECOND_OPINION', 'SCHEDULED', 5),
  ('SECOND_OPINION', 'IN_PROGRESS', 5),
  ('SECOND_OPINION', 'COMPLETED', 5),
  ('MDT', 'AWAITING_DOCUMENTS', 2),
  ('MDT', 'SUBMITTED', 2),
  ('MDT', 'UNDER_REVIEW', 3),
  ('MDT', 'APPROVED', 4),
  ('MDT', 'SCHEDULED', 4),
  ('MDT', 'IN_PROGRESS', 5),
  ('MDT', 'COMPLETED', 5),
  ('GENE_TEST', 'AWAITING_DOCUMENTS', 3),
  ('GENE_TEST', 'SUBMITTED', 3),
  ('GENE_TEST', 'UNDER_REVIEW', 2),
  ('GENE_TEST', 'APPROVED', 3),
  ('GENE_TEST', 'SCHEDULED', 4),
  ('GENE_TEST', 'IN_PROGRESS', 6),
  ('GENE_TEST', 'COMPLETED', 6),
  ('JAPAN_CARE', 'AWAITING_DOCUMENTS', 3),
  ('JAPAN_CARE', 'SUBMITTED', 3),
  ('JAPAN_CARE', 'UNDER_REVIEW', 3),
  ('JAPAN_CARE', 'APPROVED', 4),
  ('JAPAN_CARE', 'SCHEDULED', 9),
  ('JAPAN_CARE', 'IN_PROGRESS', 10),
  ('JAPAN_CARE', 'COMPLETED', 12)
), "positions" AS (
  SELECT c."id", c."service_code",
    CASE WHEN c."status" IN ('REJECTED', 'CANCELLED', 'NO_SHOW')
      THEN (SELECT e."from_status" FROM "case_event" e WHERE e."case_id" = c."id" ORDER BY e."id" DESC LIMIT 1)
      ELSE c."status" END AS "at_status"
  FROM "service_case" c
)
UPDATE "service_case" c SET "step" = coalesce(
  (SELECT s."step" FROM "steps" s WHERE s."service_code" = p."service_code" AND s."status" = p."at_status"), 1)
FROM "positions" p WHERE p."id" = c."id";--> statement-breakpoint
ALTER TABLE "service_case" ALTER COLUMN "stage" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "service_case" ALTER COLUMN "step" SET NOT NULL;
