-- Which webhook event a case event raises, generated from the rule (CASE_EVENT_WEBHOOKS and
-- caseEventWebhookSql in src/rules/webhooks/event-types.ts): the outbox trigger applies it inside the
-- writer's transaction. test/rules-in-sql.test.ts checks that this text is the rule's and that the
-- answers agree. Replaces 0015's hand-written copy.
CREATE OR REPLACE FUNCTION webhook_event_of_case_event(action text, from_status text, to_status text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN action = 'SUBMIT' THEN 'case.submitted'
    WHEN action IN ('ADD_DOCUMENTS', 'DOCUMENTS_COMPLETED') THEN 'case.documents_added'
    WHEN from_status IS DISTINCT FROM to_status THEN 'case.status_changed'
    ELSE 'case.updated' END
$$;
