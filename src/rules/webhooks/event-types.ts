// What a partner can subscribe to, and which event each change of a case raises (docs/webhooks.md,
// Events). The GraphQL enum names the wire types.
import type { CaseStatus, LoggedCaseAction } from "../case-workflow/codes.js";

export const WEBHOOK_EVENTS = ["CASE_SUBMITTED", "CASE_STATUS_CHANGED", "CASE_DOCUMENTS_ADDED", "CASE_UPDATED", "CASE_SLA_DUE_SOON", "CASE_SLA_BREACHED"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** CASE_SLA_DUE_SOON ↔ "case.sla_due_soon": the type as it travels in payloads and headers. */
export const wireType = (event: WebhookEvent): string => event.toLowerCase().replace(/^case_/, "case.");
export const eventOfWireType = (type: string): WebhookEvent | null => WEBHOOK_EVENTS.find((e) => wireType(e) === type) ?? null;

export interface LoggedCaseEvent {
  readonly action: LoggedCaseAction;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
}

/**
 * The webhook event a logged case event raises: the opening, documents (also when they complete
 * the case's documents), a change of status, or else a step that keeps the status (accompaniment
 * hours, say). The SLA events come from the clock sweep, not from the log.
 *
 * The outbox trigger applies this same rule in SQL (migration 0015, `webhook_event_of_case_event`)
 * so that the event is written in the transaction of the change; test/rules-in-sql.test.ts
 * holds the two equal.
 */
export function caseEventWebhook(event: LoggedCaseEvent): WebhookEvent {
  if (event.action === "SUBMIT") return "CASE_SUBMITTED";
  if (event.action === "ADD_DOCUMENTS" || event.action === "DOCUMENTS_COMPLETED") return "CASE_DOCUMENTS_ADDED";
  return event.fromStatus !== event.toStatus ? "CASE_STATUS_CHANGED" : "CASE_UPDATED";
}
