// addCaseDocuments: lock the case → attach documents → decide with the documents rule (complete now?
// the stage it moves to) → write the case and the event in one transaction.
import type { Context } from "../../context/context.js";
import { documentsByCaseIds } from "../../db/queries/cases-read.js";
import { insertDocuments, insertEvent, lockCase, updateCaseAtVersion } from "../../db/queries/case-writes.js";
import { diagnosesByPolicyIds, policiesById } from "../../db/queries/policies.js";
import { canSeeCase } from "../../rules/access/case-scope.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode, DocumentKind } from "../../rules/catalogue/codes.js";
import { isClosed, type CaseStage, type CaseStatus } from "../../rules/case-workflow/codes.js";
import { decideDocuments } from "../../rules/case-workflow/complete-documents.js";
import { stageOf, workflowOf } from "../../rules/case-workflow/decide-transition.js";
import type { CareKind } from "../../rules/case-workflow/submission-rules.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { caseProblem, type CaseCode } from "../../rules/case-workflow/case-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import { MAX_DOCUMENTS_PER_CASE } from "../../rules/shared/list-bounds.js";
import type { AddCaseDocumentsInput, CasePayload } from "../../schema/case/case.inputs.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { staleVersion, unknownCase } from "./case-problems.js";
import { documentProblems } from "../../rules/case-workflow/submission-input.js";
import { findCaseRow } from "./load-case.js";
import { presentCase } from "./present-case.js";
import { caseWrite, storeCaseClocks } from "../../services/case-clocks.js";

/** The bound's problem among the case codes (its wording is in rules/shared/list-bounds.ts). */

export async function addCaseDocuments(ctx: Context, input: AddCaseDocumentsInput): Promise<CasePayload> {
  const now = ctx.now;
  const shape = documentProblems(input.documents, now, "documents");
  if (input.documents.length === 0) {
    shape.push(caseProblem("NO_DOCUMENTS", ["input", "documents"]));
  }
  if (shape.length > 0) return { serviceCase: null, userErrors: toUserErrors(shape) };
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const found = await findCaseRow(tx, input.caseId);
    const current = found ? await lockCase(tx, found.id) : null;
    if (!current) return rollBack([unknownCase()]);
    const [policy] = await policiesById(tx, [current.policyId]);
    if (!canSeeCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: current.serviceCode, partnerCode: current.partnerCode })) {
      throw forbidden("you may not change this case");
    }
    if (input.expectedVersion != null && input.expectedVersion !== current.version) return rollBack([staleVersion(current.version)]);
    if (isClosed(current.status as CaseStatus)) return rollBack([caseProblem("CASE_CLOSED", ["input", "caseId"])]);
    await insertDocuments(
      tx,
      input.documents.map((d) => ({ caseId: current.id, kind: d.kind, reference: d.reference.trim(), receivedAt: d.receivedAt ?? now, addedBy: ctx.principal!.subject })),
    );
    const documents = await documentsByCaseIds(tx, [current.id]);
    if (documents.length > MAX_DOCUMENTS_PER_CASE) return rollBack([caseProblem("TOO_MANY_DOCUMENTS", ["input", "documents"], { limit: MAX_DOCUMENTS_PER_CASE, per: "case" })]);
    const diagnoses = await diagnosesByPolicyIds(tx, [current.policyId]);
    const decision = decideDocuments({
      benefit: benefitByCode(current.benefitCode as BenefitCode).benefit,
      hasMalignantTumor: diagnoses.some((d) => d.category === "MALIGNANT_TUMOR"),
      careKind: current.careKind as CareKind | null,
      documents: documents.map((d) => ({ kind: d.kind as DocumentKind, receivedAt: d.receivedAt })),
      stage: current.stage as CaseStage,
      completedAt: current.documentsCompletedAt,
      now,
    });
    const { missing, completesNow } = decision;
    const toStatus = decision.stage === current.stage ? current.status : stageOf(workflowOf(current.serviceCode as ServiceCode), decision.stage).status;
    const write = caseWrite(current, { status: toStatus, stage: decision.stage, lastEventAt: now, documentsCompletedAt: decision.completedAt }, ctx.today, ctx.reference.calendar);
    const updated = await updateCaseAtVersion(tx, current.id, current.version, write.values);
    if (!updated) return rollBack([staleVersion(current.version + 1)]);
    await storeCaseClocks(tx, current.id, write.clocks);
    await insertEvent(tx, {
      caseId: current.id,
      at: now,
      actor: ctx.principal!.subject,
      action: completesNow ? "DOCUMENTS_COMPLETED" : "ADD_DOCUMENTS",
      fromStatus: current.status,
      toStatus,
      quotaEffect: current.quotaEffect,
      version: updated.version,
      note: `${input.documents.map((d) => d.kind).join(", ")}${missing.length ? `; missing: ${missing.join(", ")}` : ""}`,
    });
    return commit(updated);
  });
  if ("rollBack" in outcome) return { serviceCase: null, userErrors: toUserErrors(outcome.rollBack) };
  const row = outcome.commit;
  ctx.loaders.caseByNo.clear(row.caseNo);
  ctx.loaders.documentsByCaseId.clear(row.id);
  return { serviceCase: presentCase(row), userErrors: [] };
}
