CREATE TABLE "policy_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"digest" text,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"committed_line" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "policy_import_status_known" CHECK ("policy_import"."status" in ('RUNNING', 'SUCCEEDED', 'FAILED')),
	CONSTRAINT "policy_import_format_known" CHECK ("policy_import"."format" in ('JSONL', 'CSV'))
);
--> statement-breakpoint
CREATE INDEX "policy_import_started_idx" ON "policy_import" USING btree ("started_at");
--> statement-breakpoint
CREATE INDEX "policy_import_digest_idx" ON "policy_import" USING btree ("digest") WHERE "policy_import"."status" = 'RUNNING';
