// addCaseDocuments: load (the case, locked; its documents and diagnoses) → decide
// (rules/case-workflow/decide-added-documents.ts: refused, or the documents, stage, status and event)
// → write them in one transaction.
import type { Context } from "../../context/context.js";
import { documentsByCaseIds } from "../../db/queries/cases-read.js";
import { insertDocuments, insertEvent, lockCase, updateCaseAtVersion } from "../../db/queries/case-writes.js";
import { DIAGNOSIS_ROWS, policiesById, rowsOfPolicy } from "../../db/queries/policies.js";
import { canSeeCase } from "../../rules/access/case-scope.js";
import type { BenefitCode, DocumentKind } from "../../rules/catalogue/codes.js";
import type { CaseStage, CaseStatus } from "../../rules/case-workflow/codes.js";
import { decideAddedDocuments } from "../../rules/case-workflow/decide-added-documents.js";
import { workflowOf } from "../../rules/case-workflow/decide-transition.js";
import type { CareKind } from "../../rules/case-workflow/submission-rules.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { caseProblem } from "../../rules/case-workflow/case-codes.js";
import type { AddCaseDocumentsInput, CasePayload } from "../../schema/case/case.inputs.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { documentProblems } from "../../rules/case-workflow/submission-input.js";
import { findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";
import { caseWrite, storeCaseClocks } from "../../services/case-clocks.js";

export async function addCaseDocuments(ctx: Context, input: AddCaseDocumentsInput): Promise<CasePayload> {
  const now = ctx.now;
  const shape = documentProblems(input.documents, now, "documents");
  if (input.documents.length === 0) {
    shape.push(caseProblem("NO_DOCUMENTS", ["input", "documents"]));
  }
  if (shape.length > 0) return { serviceCase: null, userErrors: toUserErrors(shape) };
  const outcome = await inTransaction(ctx.db, async (tx) => {
    // Load: the case, locked; its policy (scope); its documents and diagnoses.
    const found = await findCaseRow(tx, input.caseId);
    const current = found ? await lockCase(tx, found.id) : null;
    if (!current) return rollBack([unknownCase()]);
    const [policy] = await policiesById(tx, [current.policyId]);
    if (!canSeeCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: current.serviceCode, partnerCode: current.partnerCode })) {
      throw forbidden("you may not change this case");
    }
    const [onCase, diagnoses] = [await documentsByCaseIds(tx, [current.id]), (await rowsOfPolicy(tx, current.policyId, [DIAGNOSIS_ROWS] as const))[0]];
    // Decide.
    const decision = decideAddedDocuments({
      case: {
        benefit: current.benefitCode as BenefitCode,
        stage: current.stage as CaseStage,
        status: current.status as CaseStatus,
        version: current.version,
        careKind: current.careKind as CareKind | null,
        documentsCompletedAt: current.documentsCompletedAt,
      },
      workflow: workflowOf(current.serviceCode as ServiceCode),
      expectedVersion: input.expectedVersion ?? null,
      onCase: onCase.map((d) => ({ kind: d.kind as DocumentKind, receivedAt: d.receivedAt })),
      sent: input.documents.map((d) => ({ kind: d.kind, reference: d.reference, receivedAt: d.receivedAt ?? null })),
      hasMalignantTumor: diagnoses.some((d) => d.category === "MALIGNANT_TUMOR"),
      now,
    });
    if (!decision.ok) return rollBack(decision.problems);
    // Write: the documents, the case at its version with its clocks, the event.
    const actor = ctx.principal!.subject;
    await insertDocuments(tx, decision.documents.map((d) => ({ ...d, caseId: current.id, addedBy: actor })));
    const write = caseWrite(current, { status: decision.status, stage: decision.stage, lastEventAt: now, documentsCompletedAt: decision.documentsCompletedAt }, ctx.today, ctx.reference.calendar);
    const updated = await updateCaseAtVersion(tx, current.id, current.version, write.values);
    if (!updated) return rollBack([staleVersion(current.version + 1)]);
    await storeCaseClocks(tx, current.id, write.clocks);
    await insertEvent(tx, { caseId: current.id, at: now, actor, ...decision.event, quotaEffect: current.quotaEffect, version: updated.version });
    return commit(updated);
  });
  if ("rollBack" in outcome) return { serviceCase: null, userErrors: toUserErrors(outcome.rollBack) };
  const row = outcome.commit;
  ctx.loaders.caseByNo.clear(row.caseNo);
  ctx.loaders.documentsByCaseId.clear(row.id);
  return { serviceCase: presentCase(row), userErrors: [] };
}
