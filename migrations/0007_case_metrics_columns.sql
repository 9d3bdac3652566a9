ALTER TABLE "service_case" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "city_code" text;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "sla_due_on" date;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "sla_met_on" date;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "working_days_to_complete" integer;--> statement-breakpoint
CREATE INDEX "service_case_metrics_idx" ON "service_case" USING btree ("service_code","submitted_at");