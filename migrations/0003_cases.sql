CREATE SEQUENCE "public"."service_case_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"added_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"quota_effect" text NOT NULL,
	"version" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "service_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"applicant" text NOT NULL,
	"partner_code" text,
	"place_query" text,
	"place_code" text,
	"hospital_id" text,
	"planned_admission_date" date,
	"uses_social_insurance_settlement" boolean,
	"scheduled_for" date,
	"accompaniment_hours" numeric(5, 2) DEFAULT 0 NOT NULL,
	"quota_effect" text NOT NULL,
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"documents_completed_at" timestamp with time zone,
	"review_started_at" timestamp with time zone,
	"investigation_requested_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_case_case_no_unique" UNIQUE("case_no"),
	CONSTRAINT "service_case_status_known" CHECK ("service_case"."status" in ('SUBMITTED','AWAITING_DOCUMENTS','UNDER_REVIEW','INVESTIGATING','APPROVED','SCHEDULED','IN_PROGRESS','COMPLETED','REJECTED','CANCELLED','NO_SHOW')),
	CONSTRAINT "service_case_quota_effect_known" CHECK ("service_case"."quota_effect" in ('NONE','RESERVED','CONSUMED','RELEASED')),
	CONSTRAINT "service_case_applicant_known" CHECK ("service_case"."applicant" in ('INSURED','POLICYHOLDER')),
	CONSTRAINT "service_case_accompaniment_cap" CHECK ("service_case"."accompaniment_hours" >= 0 and "service_case"."accompaniment_hours" <= 40)
);
--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_policy_id_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_service_code_service_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_benefit_code_benefit_code_fk" FOREIGN KEY ("benefit_code") REFERENCES "public"."benefit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_document_case_idx" ON "case_document" USING btree ("case_id","received_at");--> statement-breakpoint
CREATE INDEX "case_event_case_idx" ON "case_event" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_case_idempotency_idx" ON "service_case" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "service_case_policy_idx" ON "service_case" USING btree ("policy_id","submitted_at");--> statement-breakpoint
CREATE INDEX "service_case_status_idx" ON "service_case" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_case_submitted_idx" ON "service_case" USING btree ("submitted_at");