-- The W3C traceparent of the transaction that wrote an outbox event (set by the driver with
-- set_config('hsg.traceparent', ..., true) when that transaction is traced), so that the webhook
-- delivery continues the trace of the event that caused it. Null when tracing is off. The default
-- fills it for the trigger's insert without changing the trigger.
ALTER TABLE "outbox_event" ADD COLUMN "traceparent" text DEFAULT nullif(current_setting('hsg.traceparent', true), '');
