CREATE TABLE "case_metric_region_daily" (
	"submitted_on" date NOT NULL,
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"province_code" text,
	"partner_code" text,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_region_daily_key" UNIQUE NULLS NOT DISTINCT("submitted_on","submitted_month","service_code","benefit_code","status","province_code","partner_code","sla_outcome","sla_due_on","working_days_to_complete")
);
--> statement-breakpoint
CREATE TABLE "case_metric_region_monthly" (
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"province_code" text,
	"partner_code" text,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_region_monthly_key" UNIQUE NULLS NOT DISTINCT("submitted_month","service_code","benefit_code","status","province_code","partner_code","sla_outcome","sla_due_on","working_days_to_complete")
);
--> statement-breakpoint
CREATE TABLE "case_metric_service_daily" (
	"submitted_on" date NOT NULL,
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_service_daily_key" UNIQUE NULLS NOT DISTINCT("submitted_on","submitted_month","service_code","benefit_code","status","sla_outcome","sla_due_on","working_days_to_complete")
);
--> statement-breakpoint
CREATE TABLE "case_metric_service_monthly" (
	"submitted_month" text NOT NULL,
	"service_code" text NOT NULL,
	"benefit_code" text NOT NULL,
	"status" text NOT NULL,
	"sla_outcome" text,
	"sla_due_on" date,
	"working_days_to_complete" smallint,
	"cases" integer NOT NULL,
	CONSTRAINT "case_metric_service_monthly_key" UNIQUE NULLS NOT DISTINCT("submitted_month","service_code","benefit_code","status","sla_outcome","sla_due_on","working_days_to_complete")
);
