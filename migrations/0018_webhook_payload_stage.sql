-- Webhook payloads name where the case stands in its service's own workflow: the stage and the
-- handbook's step after the change (the action is the step's own name already). The body of 0015's
-- trigger function, with the two fields added.
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
    'stage', c.stage,
    'step', c.step,
    'version', NEW.version), NULL);
  RETURN NULL;
END;
$$;
