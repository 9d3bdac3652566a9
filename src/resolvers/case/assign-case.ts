// assignCaseToPartner: lock the case → check its version → the partner must exist, be contracted
// for the case's service, and the case be open (rules/access/assign-case.ts) → write the partner at
// the expected version and an ASSIGN_PARTNER event, in one transaction. From then the partner reads
// and moves the case, and the one that held it before no longer does.
import type { Context } from "../../context/context.js";
import { partnerByCode } from "../../db/queries/api-keys.js";
import { insertEvent, lockCase, updateCaseAtVersion } from "../../db/queries/case-writes.js";
import { assignmentProblems } from "../../rules/access/assign-case.js";
import type { CaseStatus, QuotaEffect } from "../../rules/case-workflow/codes.js";
import type { AssignCaseInput, CasePayload } from "../../schema/case/case.inputs.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { caseNoFromId, findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";

export async function assignCaseToPartner(ctx: Context, input: AssignCaseInput): Promise<CasePayload> {
  if (!caseNoFromId(input.caseId)) return { serviceCase: null, userErrors: toUserErrors([unknownCase()]) };
  const partnerCode = input.partnerCode.trim();
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const found = await findCaseRow(tx, input.caseId);
    const current = found ? await lockCase(tx, found.id) : null;
    if (!current) return rollBack([unknownCase()]);
    if (current.version !== input.expectedVersion) return rollBack([staleVersion(current.version)]);
    const problems = assignmentProblems({ status: current.status as CaseStatus, serviceCode: current.serviceCode }, partnerCode, await partnerByCode(tx, partnerCode));
    if (problems.length > 0) return rollBack(problems);
    const updated = await updateCaseAtVersion(tx, current.id, current.version, { partnerCode, lastEventAt: ctx.now });
    if (!updated) return rollBack([staleVersion(current.version + 1)]);
    await insertEvent(tx, {
      caseId: current.id,
      at: ctx.now,
      actor: ctx.principal!.subject,
      action: "ASSIGN_PARTNER",
      fromStatus: current.status,
      toStatus: current.status,
      quotaEffect: current.quotaEffect as QuotaEffect,
      version: updated.version,
      note: `partner: ${current.partnerCode ?? "none"} → ${partnerCode}`,
    });
    return commit(updated);
  });
  if ("rollBack" in outcome) return { serviceCase: null, userErrors: toUserErrors(outcome.rollBack) };
  ctx.loaders.caseByNo.clear(outcome.commit.caseNo);
  return { serviceCase: presentCase(outcome.commit), userErrors: [] };
}
