-- ADVANCE.提示.4: whether the advance is for treatment outside the insured's social-insurance area,
-- and the share advanced (100 % for a malignant tumour settled directly through social insurance;
-- null where the liability determination sets it). MDT.介绍.1: the panel's departments (three or more).
ALTER TABLE "service_case" ADD COLUMN "out_of_area" boolean;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "advance_share_percent" smallint;--> statement-breakpoint
ALTER TABLE "service_case" ADD COLUMN "panel_departments" text[];--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_advance_share_range" CHECK ("service_case"."advance_share_percent" is null or ("service_case"."advance_share_percent" between 0 and 100));--> statement-breakpoint
-- MDT.提示.1.4 (疫情期间…暂不支持此代诊服务): a service feature an operator suspends for a period.
CREATE TABLE "service_suspension" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "service_suspension_feature_known" CHECK ("service_suspension"."feature" in ('MDT_PROXY_ATTENDANCE')),
	CONSTRAINT "service_suspension_dates_ordered" CHECK ("service_suspension"."starts_on" <= "service_suspension"."ends_on")
);--> statement-breakpoint
CREATE INDEX "service_suspension_feature_idx" ON "service_suspension" USING btree ("feature","ends_on");
