// transitionCase: lock the case → check version, time and scope → decide with the service's workflow →
// write the case (WHERE version = expected), its milestones, the quota change and the event in one transaction.
import type { Context } from "../../context/context.js";
import { transaction } from "../../db/driver/database.js";
import { shanghaiDate } from "../../context/clock.js";
import type { Transaction } from "../../db/client.js";
import { documentsByCaseIds, type CaseRow } from "../../db/queries/cases-read.js";
import { adjustEntitlement, insertEvent, lockCase, updateCaseAtVersion } from "../../db/queries/case-writes.js";
import { policiesById } from "../../db/queries/policies.js";
import { canMoveCase } from "../../rules/access/case-scope.js";
import type { DocumentKind, ServiceCode } from "../../rules/catalogue/codes.js";
import { isClosed, type CaseStage, type QuotaEffect } from "../../rules/case-workflow/codes.js";
import { decideTransition } from "../../rules/case-workflow/decide-transition.js";
import { QUOTA_DELTA } from "../../rules/quota/quota-change.js";
import { caseProblem } from "../../rules/case-workflow/case-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import type { CasePayload, TransitionCaseInput } from "../../schema/case/case.inputs.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { caseNoFromId, findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";
import { refreshCaseMetrics } from "./refresh-case-metrics.js";
import { milestoneWrites } from "./case-milestones.js";

export async function transitionCase(ctx: Context, input: TransitionCaseInput): Promise<CasePayload> {
  const occurredAt = input.occurredAt ?? ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime()) {
    return refused([caseProblem("OCCURRED_IN_FUTURE", ["input", "occurredAt"])]);
  }
  if (!caseNoFromId(input.caseId)) return refused([unknownCase()]);
  if ((input.note?.length ?? 0) > 1000) return refused([caseProblem("NOTE_TOO_LONG", ["input", "note"])]);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const found = await findCaseRow(tx, input.caseId);
    const current = found ? await lockCase(tx, found.id) : null;
    if (!current) return rollBack([unknownCase()]);
    await authorise(ctx, tx, current);
    if (current.version !== input.expectedVersion) return rollBack([staleVersion(current.version)]);
    if (occurredAt.getTime() < current.lastEventAt.getTime()) {
      return rollBack([caseProblem("OCCURRED_BEFORE_PREVIOUS_EVENT", ["input", "occurredAt"], { previous: current.lastEventAt.toISOString() })]);
    }
    const documents = await documentsByCaseIds(tx, [current.id]);
    const decision = decideTransition(
      {
        service: current.serviceCode as ServiceCode,
        stage: current.stage as CaseStage,
        step: current.step,
        quotaEffect: current.quotaEffect as QuotaEffect,
        documents: documents.map((d) => d.kind as DocumentKind),
        accompanimentHours: Number(current.accompanimentHours),
      },
      {
        action: input.action,
        occurredOn: shanghaiDate(occurredAt),
        scheduledFor: input.scheduledFor ?? null,
        accompanimentHours: input.accompanimentHours ?? null,
        byProxy: input.byProxy ?? false,
      },
    );
    if (!decision.ok) return rollBack(decision.problems);

    const updated = await updateCaseAtVersion(tx, current.id, input.expectedVersion, {
      status: decision.status,
      stage: decision.stage,
      step: decision.step,
      quotaEffect: decision.quotaEffect,
      lastEventAt: occurredAt,
      ...milestoneWrites(current.milestones, decision.records, occurredAt),
      ...(isClosed(decision.status) ? { closedAt: occurredAt } : {}),
      ...(decision.scheduledFor ? { scheduledFor: decision.scheduledFor } : {}),
      ...(decision.accompanimentHours !== undefined ? { accompanimentHours: decision.accompanimentHours } : {}),
    });
    if (!updated) return rollBack([staleVersion(current.version + 1)]);
    await refreshCaseMetrics(tx, updated, ctx.today, ctx.reference.calendar);
    const delta = QUOTA_DELTA[decision.quotaChange];
    if (delta) await adjustEntitlement(tx, current.policyId, current.benefitCode, delta);
    await insertEvent(tx, {
      caseId: current.id,
      at: occurredAt,
      actor: ctx.principal!.subject,
      action: input.action,
      fromStatus: current.status,
      toStatus: decision.status,
      quotaEffect: decision.quotaEffect,
      version: updated.version,
      note: input.accompanimentHours ? `${input.note ?? ""}${input.note ? " " : ""}(+${input.accompanimentHours} h)` : (input.note ?? null),
    });
    return commit(updated);
  });
  if ("rollBack" in outcome) return refused(outcome.rollBack);
  ctx.loaders.caseByNo.clear(outcome.commit.caseNo);
  return { serviceCase: presentCase(outcome.commit), userErrors: [] };
}

async function authorise(ctx: Context, tx: Transaction, row: CaseRow): Promise<void> {
  const [policy] = await policiesById(tx, [row.policyId]);
  if (!canMoveCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: row.serviceCode, partnerCode: row.partnerCode })) {
    throw forbidden("you may not move this case");
  }
}

function refused(problems: readonly Problem[]): CasePayload {
  return { serviceCase: null, userErrors: toUserErrors(problems) };
}
