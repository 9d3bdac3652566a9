// What a decided transition writes, for every flow that moves a case (transitionCase, and the
// sweep that ends cases with their policy): the case row at its expected version with the
// milestones, the stage and the clocks it implies, the clocks beside it, the quota change and the
// event, in the caller's transaction. The decision is the rule's (decideTransition); this only writes it.
import type { Transaction } from "../db/client.js";
import type { CaseRow } from "../db/queries/case-rows.js";
import { adjustEntitlement, insertEvent, updateCaseAtVersion } from "../db/queries/case-writes.js";
import type { WorkingCalendar } from "../rules/calendar/calendar-data.js";
import { isClosed, type CaseAction } from "../rules/case-workflow/codes.js";
import type { CaseFacts, TransitionDecision } from "../rules/case-workflow/decide-transition.js";
import type { PolicyRow } from "../db/queries/policies.js";
import type { DocumentKind, ServiceCode } from "../rules/catalogue/codes.js";
import type { CaseStage, QuotaEffect } from "../rules/case-workflow/codes.js";
import type { PolicyStatus } from "../rules/policy/codes.js";
import type { SuspensionFacts } from "../rules/suspension/suspensions.js";
import { QUOTA_DELTA } from "../rules/quota/quota-change.js";
import { caseWrite, storeCaseClocks } from "./case-clocks.js";
import { milestoneWrites } from "./case-milestones.js";

/** What decideTransition is told of a case: its row, its documents, its policy and the suspensions in force. */
export function caseFactsOf(row: CaseRow, documents: readonly { readonly kind: string }[], policy: PolicyRow, suspensions: readonly SuspensionFacts[] = []): CaseFacts {
  return {
    service: row.serviceCode as ServiceCode,
    stage: row.stage as CaseStage,
    step: row.step,
    quotaEffect: row.quotaEffect as QuotaEffect,
    documents: documents.map((d) => d.kind as DocumentKind),
    accompanimentHours: Number(row.accompanimentHours),
    scheduledFor: row.scheduledFor,
    policy: { ...policy, status: policy.status as PolicyStatus },
    suspensions,
  };
}

export interface TransitionWrite {
  readonly action: CaseAction;
  readonly occurredAt: Date;
  readonly actor: string;
  readonly note: string | null;
  /** Columns the flow sets besides the decision's (Japan's accepting hospital). */
  readonly extra?: Partial<Pick<CaseRow, "hospitalId" | "hospitalName">>;
}

/** The updated case, or null when its version moved meanwhile (nothing written). */
export async function writeTransition(
  tx: Transaction,
  current: CaseRow,
  decision: Extract<TransitionDecision, { ok: true }>,
  write: TransitionWrite,
  today: string,
  calendar: WorkingCalendar,
): Promise<CaseRow | null> {
  const { occurredAt } = write;
  const values = caseWrite(
    current,
    {
      status: decision.status,
      stage: decision.stage,
      step: decision.step,
      quotaEffect: decision.quotaEffect,
      lastEventAt: occurredAt,
      ...milestoneWrites(current.milestones, decision.records, occurredAt),
      ...(isClosed(decision.status) ? { closedAt: occurredAt } : {}),
      ...(decision.scheduledFor ? { scheduledFor: decision.scheduledFor } : {}),
      ...(decision.accompanimentHours !== undefined ? { accompanimentHours: decision.accompanimentHours } : {}),
      ...(decision.panelDepartments ? { panelDepartments: [...decision.panelDepartments] } : {}),
      ...write.extra,
    },
    today,
    calendar,
  );
  const updated = await updateCaseAtVersion(tx, current.id, current.version, values.values);
  if (!updated) return null;
  await storeCaseClocks(tx, current.id, values.clocks);
  const delta = QUOTA_DELTA[decision.quotaChange];
  if (delta) await adjustEntitlement(tx, current.policyId, current.benefitCode, delta);
  await insertEvent(tx, {
    caseId: current.id,
    at: occurredAt,
    actor: write.actor,
    action: write.action,
    fromStatus: current.status,
    toStatus: decision.status,
    quotaEffect: decision.quotaEffect,
    version: updated.version,
    note: write.note,
  });
  return updated;
}
