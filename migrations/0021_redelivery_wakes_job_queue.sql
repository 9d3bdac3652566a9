-- A delivery made outside the outbox trigger (redeliverWebhook) wakes the job queue the same way
-- the trigger does, in the same transaction. Without it a redelivery made after the queue had
-- drained waited for the next unrelated event (docs/webhooks.md).
CREATE OR REPLACE FUNCTION webhook_queue_wake() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('webhooks:deliver', '{}'::json, max_attempts := 1);
  END IF;
END;
$$;
