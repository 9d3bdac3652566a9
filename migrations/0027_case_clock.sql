-- Every SLA clock of a case, one row per clock (decision 0085). Written in the transaction that
-- changes the case, from the one rule (src/rules/sla/case-clocks.ts); read by the API, the SLA
-- sweep and caseMetrics. Working days are counted in the application, so the rows of cases written
-- before this migration are filled at start by an idempotent backfill (src/db/case-clock-backfill.ts).
CREATE TABLE "case_clock" (
	"case_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"position" smallint NOT NULL,
	"working_days_allowed" smallint NOT NULL,
	"started_on" date,
	"due_on" date,
	"met_on" date,
	"closed_on" date,
	"paused_reason" text,
	"paused_since" date,
	"paused_working_days" integer NOT NULL,
	"provisional" boolean NOT NULL,
	"computed_on" date NOT NULL,
	CONSTRAINT "case_clock_pk" PRIMARY KEY("case_id","clock")
);
--> statement-breakpoint
ALTER TABLE "case_clock" ADD CONSTRAINT "case_clock_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "case_clock_running_idx" ON "case_clock" USING btree ("due_on") WHERE "case_clock"."met_on" is null and "case_clock"."closed_on" is null and "case_clock"."due_on" is not null;
--> statement-breakpoint
-- The sweep announces each clock once per due date: the payload names the clock. Events written
-- before this migration name none (they were the first clock's).
DROP INDEX "outbox_event_sla_once";
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_event_sla_once" ON "outbox_event" USING btree ("case_id","type",("payload" ->> 'clock'),"sla_due_on") WHERE "outbox_event"."sla_due_on" is not null;
