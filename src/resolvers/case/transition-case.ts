// transitionCase: lock the case → check version, time and scope → decide with the service's workflow →
// write what it decided (src/services/case-transition.ts: the case at its version, clocks, quota, event) in one transaction.
import type { Context } from "../../context/context.js";
import { transaction } from "../../db/driver/database.js";
import { shanghaiDate } from "../../context/clock.js";
import type { Transaction } from "../../db/client.js";
import { documentsByCaseIds, type CaseRow } from "../../db/queries/cases-read.js";
import { lockCase } from "../../db/queries/case-writes.js";
import { policiesById, type PolicyRow } from "../../db/queries/policies.js";
import { suspensionsOn } from "../../db/queries/suspensions.js";
import { canMoveCase } from "../../rules/access/case-scope.js";
import { decideTransition } from "../../rules/case-workflow/decide-transition.js";
import { caseProblem } from "../../rules/case-workflow/case-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import type { CasePayload, TransitionCaseInput } from "../../schema/case/case.inputs.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { caseNoFromId, findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";
import { caseFactsOf, writeTransition } from "../../services/case-transition.js";
import { acceptingHospital } from "./accepting-hospital.js";

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
    const policy = await authorise(ctx, tx, current);
    if (current.version !== input.expectedVersion) return rollBack([staleVersion(current.version)]);
    if (occurredAt.getTime() < current.lastEventAt.getTime()) {
      return rollBack([caseProblem("OCCURRED_BEFORE_PREVIOUS_EVENT", ["input", "occurredAt"], { previous: current.lastEventAt.toISOString() })]);
    }
    const documents = await documentsByCaseIds(tx, [current.id]);
    // Read only where a suspension can refuse the action: attendance by proxy.
    const suspensions = input.byProxy ? await suspensionsOn(tx, shanghaiDate(occurredAt)) : [];
    const decision = decideTransition(caseFactsOf(current, documents, policy, suspensions), {
      action: input.action,
      occurredOn: shanghaiDate(occurredAt),
      scheduledFor: input.scheduledFor ?? null,
      accompanimentHours: input.accompanimentHours ?? null,
      byProxy: input.byProxy ?? false,
      departments: input.departments ?? null,
    });
    if (!decision.ok) return rollBack(decision.problems);
    const hospital = await acceptingHospital(tx, current, input);
    if ("problems" in hospital) return rollBack(hospital.problems);

    const updated = await writeTransition(
      tx,
      current,
      decision,
      {
        action: input.action,
        occurredAt,
        actor: ctx.principal!.subject,
        note: input.accompanimentHours ? `${input.note ?? ""}${input.note ? " " : ""}(+${input.accompanimentHours} h)` : (input.note ?? null),
        extra: hospital,
      },
      ctx.today,
      ctx.reference.calendar,
    );
    if (!updated) return rollBack([staleVersion(current.version + 1)]);
    return commit(updated);
  });
  if ("rollBack" in outcome) return refused(outcome.rollBack);
  ctx.loaders.caseByNo.clear(outcome.commit.caseNo);
  return { serviceCase: presentCase(outcome.commit), userErrors: [] };
}

async function authorise(ctx: Context, tx: Transaction, row: CaseRow): Promise<PolicyRow> {
  const [policy] = await policiesById(tx, [row.policyId]);
  if (!canMoveCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: row.serviceCode, partnerCode: row.partnerCode })) {
    throw forbidden("you may not move this case");
  }
  return policy!;
}

function refused(problems: readonly Problem[]): CasePayload {
  return { serviceCase: null, userErrors: toUserErrors(problems) };
}
