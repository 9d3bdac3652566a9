-- Which webhook event a case event raises: the rule caseEventWebhook in
-- src/rules/webhooks/event-types.ts, written here once for the outbox trigger, which applies it
-- inside the writer's transaction. test/rules-in-sql.test.ts holds the two equal for every
-- action the event log records.
CREATE FUNCTION webhook_event_of_case_event(action text, from_status text, to_status text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN action = 'SUBMIT' THEN 'case.submitted'
    WHEN action IN ('ADD_DOCUMENTS', 'DOCUMENTS_COMPLETED') THEN 'case.documents_added'
    WHEN from_status IS DISTINCT FROM to_status THEN 'case.status_changed'
    ELSE 'case.updated' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION outbox_from_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c service_case;
  event_type text;
BEGIN
  SELECT * INTO c FROM service_case WHERE id = NEW.case_id;
  event_type := webhook_event_of_case_event(NEW.action, NEW.from_status, NEW.to_status);
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
