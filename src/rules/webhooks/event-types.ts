// What a partner can subscribe to (docs/webhooks.md). The GraphQL enum names the wire types.
export const WEBHOOK_EVENTS = ["CASE_SUBMITTED", "CASE_STATUS_CHANGED", "CASE_DOCUMENTS_ADDED", "CASE_UPDATED", "CASE_SLA_DUE_SOON", "CASE_SLA_BREACHED"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** CASE_SLA_DUE_SOON ↔ "case.sla_due_soon": the type as it travels in payloads and headers. */
export const wireType = (event: WebhookEvent): string => event.toLowerCase().replace(/^case_/, "case.");
export const eventOfWireType = (type: string): WebhookEvent | null => WEBHOOK_EVENTS.find((e) => wireType(e) === type) ?? null;
