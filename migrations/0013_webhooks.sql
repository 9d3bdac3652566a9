CREATE TABLE "outbox_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"case_id" uuid NOT NULL,
	"service_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"sla_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_event_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_attempt" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" bigint NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_delivery_status_known" CHECK ("webhook_delivery"."status" in ('PENDING', 'DELIVERED', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoint" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_code" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret_cipher" text NOT NULL,
	"secret_hint" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox_event" ADD CONSTRAINT "outbox_event_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_webhook_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_delivery"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_outbox_id_outbox_event_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_webhook_endpoint_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_partner_code_partner_code_fk" FOREIGN KEY ("partner_code") REFERENCES "public"."partner"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_event_case_idx" ON "outbox_event" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_event_sla_once" ON "outbox_event" USING btree ("case_id","type","sla_due_on") WHERE "outbox_event"."sla_due_on" is not null;--> statement-breakpoint
CREATE INDEX "webhook_attempt_delivery_idx" ON "webhook_attempt" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" USING btree ("next_attempt_at") WHERE "webhook_delivery"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "webhook_delivery_stream_idx" ON "webhook_delivery" USING btree ("endpoint_id","case_id","id");--> statement-breakpoint
-- Every case event of a service some partner serves becomes an outbox row in the transaction that
-- appends it (no event without its change, no change without its event), with one delivery per
-- enabled endpoint of such a partner that takes the type. The payload carries no personal data.
CREATE FUNCTION outbox_record(case_row service_case, event_type text, occurred timestamptz, body jsonb, clock_due date)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  outbox_row outbox_event;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM partner p WHERE case_row.service_code = ANY (p.services)) THEN RETURN; END IF;
  INSERT INTO outbox_event (type, occurred_at, case_id, service_code, payload, sla_due_on)
  VALUES (event_type, occurred, case_row.id, case_row.service_code, body, clock_due)
  ON CONFLICT DO NOTHING
  RETURNING * INTO outbox_row;
  IF outbox_row.id IS NULL THEN RETURN; END IF;
  INSERT INTO webhook_delivery (outbox_id, endpoint_id, case_id, next_attempt_at)
  SELECT outbox_row.id, w.id, case_row.id, now()
  FROM webhook_endpoint w JOIN partner p ON p.code = w.partner_code
  WHERE w.enabled AND case_row.service_code = ANY (p.services) AND event_type = ANY (w.events);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION outbox_from_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c service_case;
  event_type text;
BEGIN
  SELECT * INTO c FROM service_case WHERE id = NEW.case_id;
  event_type := CASE
    WHEN NEW.action = 'SUBMIT' THEN 'case.submitted'
    WHEN NEW.action IN ('ADD_DOCUMENTS', 'DOCUMENTS_COMPLETED') THEN 'case.documents_added'
    WHEN NEW.from_status IS DISTINCT FROM NEW.to_status THEN 'case.status_changed'
    ELSE 'case.updated' END;
  PERFORM outbox_record(c, event_type, NEW.at, jsonb_build_object(
    'type', event_type,
    'occurredAt', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'caseNo', c.case_no,
    'service', c.service_code,
    'benefit', c.benefit_code,
    'action', NEW.action,
    'statusFrom', NEW.from_status,
    'statusTo', NEW.to_status,
    'version', NEW.version), NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_event_outbox AFTER INSERT ON case_event FOR EACH ROW EXECUTE FUNCTION outbox_from_case_event();
--> statement-breakpoint
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.05);
