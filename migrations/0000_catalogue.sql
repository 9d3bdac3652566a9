CREATE TABLE "benefit" (
	"code" text PRIMARY KEY NOT NULL,
	"service_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"quota" integer,
	CONSTRAINT "benefit_quota_positive" CHECK ("benefit"."quota" is null or "benefit"."quota" > 0)
);
--> statement-breakpoint
CREATE TABLE "service" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit" ADD CONSTRAINT "benefit_service_code_service_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service"("code") ON DELETE no action ON UPDATE no action;