// GENE_TEST.提示.1 (no sample: the service ends with the policy): a case waiting for a sample
// ends when its policy does. The stages that end so are the workflows' own (an action with
// onlyOncePolicyEnded); each case is ended by that action, decided by decideTransition and written
// as any transition is (case-transition.ts), by the system rather than a partner. The SLA sweep calls it.
import type { Transaction } from "../db/client.js";
import { documentsByCaseIds } from "../db/queries/cases-read.js";
import { lockCasesOfEndedPolicies } from "../db/queries/case-writes.js";
import type { WorkingCalendar } from "../rules/calendar/calendar-data.js";
import { decideTransition, workflowOf } from "../rules/case-workflow/decide-transition.js";
import { SERVICE_CODES } from "../rules/catalogue/codes.js";
import { caseFactsOf, writeTransition } from "./case-transition.js";

/** Who the event log names for an ending the system records. */
export const POLICY_END_ACTOR = "system:policy-end";

const ENDINGS = SERVICE_CODES.flatMap((service) =>
  workflowOf(service)
    .actions.filter((a) => a.onlyOncePolicyEnded && !a.refusal)
    .flatMap((a) => a.from.map((stage) => ({ service, stage, action: a.action }))),
);

/** Ends the cases whose policy has ended, at most `limit` per call; returns how many. */
export async function endCasesWithPolicy(tx: Transaction, today: string, now: Date, calendar: WorkingCalendar, limit = 200): Promise<number> {
  const found = await lockCasesOfEndedPolicies(tx, ENDINGS, today, limit);
  let ended = 0;
  // One read for the documents of every case found, not one per case.
  const documentsOf = found.length > 0 ? await documentsByCaseIds(tx, found.map((f) => f.row.id)) : [];
  for (const { row, policy } of found) {
    const ending = ENDINGS.find((e) => e.service === row.serviceCode && e.stage === row.stage)!;
    const documents = documentsOf.filter((d) => d.caseId === row.id);
    const decision = decideTransition(caseFactsOf(row, documents, policy), { action: ending.action, occurredOn: today, scheduledFor: null, accompanimentHours: null });
    if (!decision.ok) continue;
    // Never before the case's last event: the ending is recorded now, or at that event if the clock lags it.
    const occurredAt = new Date(Math.max(now.getTime(), row.lastEventAt.getTime()));
    const updated = await writeTransition(tx, row, decision, { action: ending.action, occurredAt, actor: POLICY_END_ACTOR, note: "policy ended" }, today, calendar);
    if (updated) ended++;
  }
  return ended;
}
