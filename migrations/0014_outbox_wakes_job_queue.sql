-- Deliveries wake graphile-worker's queue when it is installed (docs/webhooks.md).
CREATE OR REPLACE FUNCTION outbox_record(case_row service_case, event_type text, occurred timestamptz, body jsonb, clock_due date)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  outbox_row outbox_event;
  deliveries integer;
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
  GET DIAGNOSTICS deliveries = ROW_COUNT;
  -- On PostgreSQL with the job queue installed, wake it in this same transaction (a plain insert:
  -- no shared row for concurrent writers to wait on). The embedded database polls instead.
  IF deliveries > 0 AND to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('webhooks:deliver', '{}'::json, max_attempts := 1);
  END IF;
END;
$$;
