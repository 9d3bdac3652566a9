// addCaseDocuments' decision: given the case as locked, its documents and the ones sent, either a
// refusal or exactly what to write — the documents, the case's stage and status, when its documents
// became complete, and the event. Pure: the facts and the instant in. The documents rule itself
// (complete or not, the stage it opens) is complete-documents.ts; the limits are list-bounds.ts.
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { MAX_DOCUMENTS_PER_CASE } from "../shared/list-bounds.js";
import type { Problem } from "../shared/problem.js";
import { caseProblem } from "./case-codes.js";
import { isClosed, type CaseStage, type CaseStatus } from "./codes.js";
import { decideDocuments } from "./complete-documents.js";
import type { CareKind } from "./submission-rules.js";
import type { Workflow } from "./workflow-definition.js";

export interface AddedDocumentsFacts {
  readonly case: {
    readonly benefit: BenefitCode;
    readonly stage: CaseStage;
    readonly status: CaseStatus;
    readonly version: number;
    readonly careKind: CareKind | null;
    readonly documentsCompletedAt: Date | null;
  };
  readonly workflow: Workflow;
  /** The version the caller last read; null: not checked. */
  readonly expectedVersion: number | null;
  readonly onCase: readonly { readonly kind: DocumentKind; readonly receivedAt: Date }[];
  readonly sent: readonly { readonly kind: DocumentKind; readonly reference: string; readonly receivedAt: Date | null }[];
  readonly hasMalignantTumor: boolean;
  readonly now: Date;
}

export type AddedDocumentsDecision =
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | {
      readonly ok: true;
      readonly documents: readonly { readonly kind: DocumentKind; readonly reference: string; readonly receivedAt: Date }[];
      readonly stage: CaseStage;
      readonly status: CaseStatus;
      readonly documentsCompletedAt: Date | null;
      readonly event: { readonly action: "ADD_DOCUMENTS" | "DOCUMENTS_COMPLETED"; readonly fromStatus: CaseStatus; readonly toStatus: CaseStatus; readonly note: string };
    };

export function decideAddedDocuments(facts: AddedDocumentsFacts): AddedDocumentsDecision {
  const { case: current, now } = facts;
  if (facts.expectedVersion !== null && facts.expectedVersion !== current.version) {
    return { ok: false, problems: [caseProblem("STALE_VERSION", ["input", "expectedVersion"], { current: current.version })] };
  }
  if (isClosed(current.status)) return { ok: false, problems: [caseProblem("CASE_CLOSED", ["input", "caseId"])] };
  if (facts.onCase.length + facts.sent.length > MAX_DOCUMENTS_PER_CASE) {
    return { ok: false, problems: [caseProblem("TOO_MANY_DOCUMENTS", ["input", "documents"], { limit: MAX_DOCUMENTS_PER_CASE, per: "case" })] };
  }
  const documents = facts.sent.map((d) => ({ kind: d.kind, reference: d.reference.trim(), receivedAt: d.receivedAt ?? now }));
  const decision = decideDocuments({
    benefit: benefitByCode(current.benefit).benefit,
    hasMalignantTumor: facts.hasMalignantTumor,
    careKind: current.careKind,
    documents: [...facts.onCase, ...documents],
    stage: current.stage,
    completedAt: current.documentsCompletedAt,
    now,
  });
  const toStatus = decision.stage === current.stage ? current.status : statusOf(facts.workflow, decision.stage);
  const missing = decision.missing.length ? `; missing: ${decision.missing.join(", ")}` : "";
  return {
    ok: true,
    documents,
    stage: decision.stage,
    status: toStatus,
    documentsCompletedAt: decision.completedAt,
    event: {
      action: decision.completesNow ? "DOCUMENTS_COMPLETED" : "ADD_DOCUMENTS",
      fromStatus: current.status,
      toStatus,
      note: `${facts.sent.map((d) => d.kind).join(", ")}${missing}`,
    },
  };
}

function statusOf(workflow: Workflow, stage: CaseStage): CaseStatus {
  const found = workflow.stages.find((s) => s.stage === stage);
  if (!found) throw new Error(`${workflow.service} has no stage ${stage}`);
  return found.status;
}
