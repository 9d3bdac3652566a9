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
 * The webhook event a logged case event raises, as data: the first line that matches decides. The
 * opening, documents (also when they complete the case's documents), a change of status, or else a
 * step that keeps the status (accompaniment hours, say). The SLA events come from the clock sweep,
 * not from the log.
 */
export interface CaseEventWebhookLine {
  readonly actions?: readonly LoggedCaseAction[];
  readonly statusChanges?: true;
  readonly event: WebhookEvent;
}

export const CASE_EVENT_WEBHOOKS: readonly CaseEventWebhookLine[] = [
  { actions: ["SUBMIT"], event: "CASE_SUBMITTED" },
  { actions: ["ADD_DOCUMENTS", "DOCUMENTS_COMPLETED"], event: "CASE_DOCUMENTS_ADDED" },
  { statusChanges: true, event: "CASE_STATUS_CHANGED" },
  { event: "CASE_UPDATED" },
];

export function caseEventWebhook(event: LoggedCaseEvent): WebhookEvent {
  const line = CASE_EVENT_WEBHOOKS.find(
    (l) => (!l.actions || l.actions.includes(event.action)) && (!l.statusChanges || event.fromStatus !== event.toStatus),
  );
  return line!.event;
}

/**
 * The same rule as the SQL function the outbox trigger calls inside the writer's transaction
 * (`webhook_event_of_case_event`), generated from CASE_EVENT_WEBHOOKS: the migration that defines it
 * holds this text, and test/rules-in-sql.test.ts checks both that and the answers.
 */
export function caseEventWebhookSql(lines: readonly CaseEventWebhookLine[] = CASE_EVENT_WEBHOOKS): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const whens = lines.map((line) => {
    const tests = [
      ...(line.actions ? [line.actions.length === 1 ? `action = ${quote(line.actions[0]!)}` : `action IN (${line.actions.map(quote).join(", ")})`] : []),
      ...(line.statusChanges ? ["from_status IS DISTINCT FROM to_status"] : []),
    ];
    return tests.length > 0 ? `    WHEN ${tests.join(" AND ")} THEN ${quote(wireType(line.event))}` : `    ELSE ${quote(wireType(line.event))}`;
  });
  if (!whens[whens.length - 1]!.startsWith("    ELSE")) throw new Error("CASE_EVENT_WEBHOOKS must end with a line that matches every event");
  return [
    "CREATE OR REPLACE FUNCTION webhook_event_of_case_event(action text, from_status text, to_status text)",
    "RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$",
    "  SELECT CASE",
    ...whens.slice(0, -1),
    `${whens[whens.length - 1]!} END`,
    "$$;",
  ].join("\n");
}
