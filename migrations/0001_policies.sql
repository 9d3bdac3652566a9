CREATE TABLE "diagnosis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"category" text NOT NULL,
	"first_diagnosed_on" date NOT NULL,
	"icd10" text,
	"description" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnosis_category_known" CHECK ("diagnosis"."category" in ('CRITICAL_ILLNESS', 'MALIGNANT_TUMOR'))
);
--> statement-breakpoint
CREATE TABLE "entitlement" (
	"policy_id" uuid NOT NULL,
	"benefit_code" text NOT NULL,
	"quota_total" integer,
	"used" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "entitlement_policy_id_benefit_code_pk" PRIMARY KEY("policy_id","benefit_code"),
	CONSTRAINT "entitlement_counts_non_negative" CHECK ("entitlement"."used" >= 0 and "entitlement"."reserved" >= 0),
	CONSTRAINT "entitlement_quota_positive" CHECK ("entitlement"."quota_total" is null or "entitlement"."quota_total" > 0),
	CONSTRAINT "entitlement_never_overspent" CHECK ("entitlement"."quota_total" is null or "entitlement"."used" + "entitlement"."reserved" <= "entitlement"."quota_total")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_number_cipher" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_masked" text,
	"birth_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_no" text NOT NULL,
	"status" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date NOT NULL,
	"waiting_period_ends_on" date NOT NULL,
	"insured_id" uuid NOT NULL,
	"policyholder_id" uuid NOT NULL,
	"has_social_insurance" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_policy_no_unique" UNIQUE("policy_no"),
	CONSTRAINT "policy_status_known" CHECK ("policy"."status" in ('ACTIVE', 'LAPSED', 'CANCELLED', 'EXPIRED')),
	CONSTRAINT "policy_dates_ordered" CHECK ("policy"."effective_from" <= "policy"."effective_to"),
	CONSTRAINT "policy_waiting_period_inside" CHECK ("policy"."waiting_period_ends_on" >= "policy"."effective_from" - 1 and "policy"."waiting_period_ends_on" <= "policy"."effective_to")
);
--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_policy_id_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_policy_id_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_benefit_code_benefit_code_fk" FOREIGN KEY ("benefit_code") REFERENCES "public"."benefit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy" ADD CONSTRAINT "policy_insured_id_person_id_fk" FOREIGN KEY ("insured_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy" ADD CONSTRAINT "policy_policyholder_id_person_id_fk" FOREIGN KEY ("policyholder_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnosis_policy_idx" ON "diagnosis" USING btree ("policy_id","first_diagnosed_on");--> statement-breakpoint
CREATE INDEX "person_id_number_hash_idx" ON "person" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "policy_status_idx" ON "policy" USING btree ("status");