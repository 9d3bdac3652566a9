// When a case's documents are complete, and what that does to it — the one rule submitCase and
// addCaseDocuments both follow. GREEN_CHANNEL.标准.2.6: the time limits count from the complete documents.
// A case opens AWAITING_DOCUMENTS until nothing is missing, then waits for review
// (SUBMITTED); the clocks count from the day the last needed document was received.
import type { BenefitDefinition } from "../catalogue/service-definition.js";
import type { DocumentKind } from "../catalogue/codes.js";
import type { CaseStage } from "./codes.js";
import { missingDocuments } from "./missing-documents.js";
import type { CareKind } from "./submission-rules.js";

export interface DocumentsFacts {
  readonly benefit: Pick<BenefitDefinition, "code" | "requiredDocuments">;
  readonly hasMalignantTumor: boolean;
  readonly careKind: CareKind | null;
  /** Every document on the case, with the instant it was received. */
  readonly documents: readonly { readonly kind: DocumentKind; readonly receivedAt: Date }[];
  /** Null for a case being opened. */
  readonly stage: CaseStage | null;
  readonly completedAt: Date | null;
  readonly now: Date;
}

export interface DocumentsDecision {
  readonly missing: readonly DocumentKind[];
  readonly stage: CaseStage;
  readonly completedAt: Date | null;
  /** The documents became complete with this change. */
  readonly completesNow: boolean;
}

export function decideDocuments(facts: DocumentsFacts): DocumentsDecision {
  const missing = missingDocuments({ benefit: facts.benefit, hasMalignantTumor: facts.hasMalignantTumor, careKind: facts.careKind, received: facts.documents.map((d) => d.kind) });
  const opening = facts.stage ?? "AWAITING_DOCUMENTS";
  if (facts.completedAt !== null || missing.length > 0) {
    return { missing, stage: opening, completedAt: facts.completedAt, completesNow: false };
  }
  const lastReceived = Math.max(0, ...facts.documents.map((d) => d.receivedAt.getTime()));
  const completedAt = new Date(lastReceived > 0 ? Math.min(lastReceived, facts.now.getTime()) : facts.now.getTime());
  return { missing, stage: opening === "AWAITING_DOCUMENTS" ? "SUBMITTED" : opening, completedAt, completesNow: true };
}
