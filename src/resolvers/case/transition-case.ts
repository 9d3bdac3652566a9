// transitionCase: lock the case → check version, time and scope → decide with the state machine →
// write the case (WHERE version = expected), the quota change and the event in one transaction.
import type { Context } from "../../context/context.js";
import { shanghaiDate } from "../../context/clock.js";
import type { Transaction } from "../../db/client.js";
import { adjustEntitlement, documentsByCaseIds, insertEvent, lockCase, updateCaseAtVersion, type CaseRow } from "../../db/queries/cases.js";
import { policiesById } from "../../db/queries/policies.js";
import { canMoveCase } from "../../rules/access/case-scope.js";
import type { BenefitCode, DocumentKind, ServiceCode } from "../../rules/catalogue/codes.js";
import { isClosed, type CaseStatus, type QuotaEffect } from "../../rules/case-workflow/codes.js";
import { decideTransition, type QuotaChange } from "../../rules/case-workflow/decide-transition.js";
import { problem, type Problem } from "../../rules/shared/problem.js";
import type { CasePayload, TransitionCaseInput } from "../../schema/case/case.inputs.js";
import { forbidden } from "../shared/forbidden.js";
import { Abort } from "../shared/abort.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { caseNoFromId, findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";
import { refreshCaseMetrics } from "./refresh-case-metrics.js";

const QUOTA_DELTA: Record<QuotaChange, { reserved: number; used: number } | null> = {
  NONE: null,
  CONSUME: { reserved: -1, used: 1 },
  RELEASE: { reserved: -1, used: 0 },
};

export async function transitionCase(ctx: Context, input: TransitionCaseInput): Promise<CasePayload> {
  const occurredAt = input.occurredAt ?? ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime()) {
    return refused([problem("OCCURRED_IN_FUTURE", ["input", "occurredAt"], "发生时间不能晚于现在。", "occurredAt cannot be in the future.")]);
  }
  if (!caseNoFromId(input.caseId)) return refused([unknownCase()]);
  if ((input.note?.length ?? 0) > 1000) return refused([problem("NOTE_TOO_LONG", ["input", "note"], "备注不超过1000个字符。", "A note is at most 1000 characters.")]);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const found = await findCaseRow(tx, input.caseId);
      const current = found ? await lockCase(tx, found.id) : null;
      if (!current) throw new Abort<readonly Problem[]>([unknownCase()]);
      await authorise(ctx, tx, current);
      if (current.version !== input.expectedVersion) throw new Abort<readonly Problem[]>([staleVersion(current.version)]);
      if (occurredAt.getTime() < current.lastEventAt.getTime()) {
        throw new Abort<readonly Problem[]>([
          problem(
            "OCCURRED_BEFORE_PREVIOUS_EVENT",
            ["input", "occurredAt"],
            "发生时间不能早于案件上一次变更。",
            `occurredAt cannot be before the case's previous change (${current.lastEventAt.toISOString()}).`,
          ),
        ]);
      }
      const documents = await documentsByCaseIds(tx, [current.id]);
      const decision = decideTransition(
        {
          service: current.serviceCode as ServiceCode,
          benefit: current.benefitCode as BenefitCode,
          status: current.status as CaseStatus,
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
      if (!decision.ok) throw new Abort<readonly Problem[]>(decision.problems);

      const updated = await updateCaseAtVersion(tx, current.id, input.expectedVersion, {
        status: decision.to,
        quotaEffect: decision.quotaEffect,
        lastEventAt: occurredAt,
        ...milestoneTimestamps(input.action, decision.to, occurredAt, current),
        ...(decision.scheduledFor ? { scheduledFor: decision.scheduledFor } : {}),
        ...(decision.accompanimentHours !== undefined ? { accompanimentHours: decision.accompanimentHours } : {}),
      });
      if (!updated) throw new Abort<readonly Problem[]>([staleVersion(current.version + 1)]);
      await refreshCaseMetrics(tx, updated, ctx.today);
      const delta = QUOTA_DELTA[decision.quotaChange];
      if (delta) await adjustEntitlement(tx, current.policyId, current.benefitCode, delta);
      await insertEvent(tx, {
        caseId: current.id,
        at: occurredAt,
        actor: ctx.principal!.subject,
        action: input.action,
        fromStatus: current.status,
        toStatus: decision.to,
        quotaEffect: decision.quotaEffect,
        version: updated.version,
        note: input.accompanimentHours ? `${input.note ?? ""}${input.note ? " " : ""}(+${input.accompanimentHours} h)` : (input.note ?? null),
      });
      return updated;
    });
    ctx.loaders.caseByNo.clear(row.caseNo);
    return { serviceCase: presentCase(row), userErrors: [] };
  } catch (error) {
    if (error instanceof Abort) return refused(error.payload as readonly Problem[]);
    throw error;
  }
}

async function authorise(ctx: Context, tx: Transaction, row: CaseRow): Promise<void> {
  const [policy] = await policiesById(tx, [row.policyId]);
  if (!canMoveCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: row.serviceCode })) {
    throw forbidden("you may not move this case");
  }
}

function milestoneTimestamps(action: TransitionCaseInput["action"], to: CaseStatus, at: Date, current: CaseRow) {
  const closed = isClosed(to) ? { closedAt: at } : {};
  switch (action) {
    case "START_REVIEW":
      return { reviewStartedAt: at };
    case "REQUEST_INVESTIGATION":
      return { investigationRequestedAt: at };
    case "APPROVE":
      return { approvedAt: at, decidedAt: at };
    case "REJECT":
      return { decidedAt: at, ...closed };
    case "SCHEDULE":
      return { scheduledAt: at };
    case "START":
      return { startedAt: current.startedAt ?? at };
    case "COMPLETE":
      return { completedAt: at, ...closed };
    case "RECORD_NO_SHOW":
    case "CANCEL":
      return closed;
    case "RECORD_ACCOMPANIMENT":
      return {};
  }
}

function refused(problems: readonly Problem[]): CasePayload {
  return { serviceCase: null, userErrors: toUserErrors(problems) };
}
