// The shape of a submission before any fact is loaded: the fields each benefit takes, the lengths
// a field may have, documents that say where they are and did not arrive in the future, and what
// makes two submissions "the same request" for an idempotency key. Pure: the input and the instant in.
import { createHash } from "node:crypto";
import { benefitByCode } from "../catalogue/catalogue.js";
import { handbookService } from "../services/index.js";
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import type { Problem } from "../shared/problem.js";
import { MAX_DOCUMENTS_PER_CALL } from "../shared/list-bounds.js";
import { caseProblem, type CaseCode } from "./case-codes.js";
import type { Applicant } from "./codes.js";
import { BENEFIT_FIELDS, type CareKind } from "./submission-rules.js";

export interface DocumentInputShape {
  readonly kind: DocumentKind;
  readonly reference: string;
  readonly receivedAt?: Date | null;
}

export interface SubmissionInputShape {
  readonly idempotencyKey: string;
  readonly policyNo: string;
  readonly benefit: BenefitCode;
  readonly applicant: Applicant;
  readonly place?: string | null;
  readonly hospitalId?: string | null;
  readonly plannedAdmissionDate?: string | null;
  readonly usesSocialInsuranceSettlement?: boolean | null;
  readonly outOfArea?: boolean | null;
  readonly diagnosisId?: string | null;
  readonly careKind?: CareKind | null;
  readonly hospitalName?: string | null;
  readonly department?: string | null;
  readonly documents?: readonly DocumentInputShape[] | null;
}

/** Problems with the request itself, found before anything is read (every one, not just the first). */
export function submissionInputProblems(input: SubmissionInputShape, now: Date): Problem<CaseCode>[] {
  const problems: Problem<CaseCode>[] = [];
  const key = input.idempotencyKey.trim();
  if (key.length === 0 || key.length > 200) problems.push(caseProblem("INVALID_IDEMPOTENCY_KEY", ["input", "idempotencyKey"]));
  if ((input.place?.length ?? 0) > 100) problems.push(caseProblem("INVALID_PLACE", ["input", "place"]));
  const rules = handbookService(benefitByCode(input.benefit).service.code).submission;
  // Only a service whose definition says so serves the insured's family too (FAMILY_DOCTOR.介绍.1).
  if (input.applicant === "FAMILY_MEMBER" && !rules?.familyMayApply) problems.push(caseProblem("APPLICANT_NOT_FOR_BENEFIT", ["input", "applicant"]));
  for (const name of BENEFIT_FIELDS) {
    const value = input[name];
    if (value == null || (name === "careKind" && !value)) continue;
    const takenBy = rules?.fields?.[name];
    if (!takenBy || (takenBy !== "ALL_BENEFITS" && !takenBy.includes(input.benefit))) {
      problems.push(caseProblem("FIELD_NOT_FOR_BENEFIT", ["input", name], { field: name }));
    } else if (typeof value === "string" && (name === "hospitalName" || name === "department") && (value.trim().length === 0 || value.length > 100)) {
      problems.push(caseProblem("INVALID_TEXT", ["input", name], { field: name }));
    }
  }
  return [...problems, ...documentProblems(input.documents ?? [], now, "documents")];
}

/** At most MAX_DOCUMENTS_PER_CALL documents; each says where it is and did not arrive in the future (a minute's clock skew allowed). */
export function documentProblems(documents: readonly DocumentInputShape[], now: Date, path: string): Problem<CaseCode>[] {
  const problems: Problem<CaseCode>[] = [];
  if (documents.length > MAX_DOCUMENTS_PER_CALL) problems.push(caseProblem("TOO_MANY_DOCUMENTS", ["input", path], { limit: MAX_DOCUMENTS_PER_CALL, per: "call" }));
  documents.forEach((doc, i) => {
    const at = ["input", path, String(i)];
    if (doc.reference.trim().length === 0 || doc.reference.length > 500) problems.push(caseProblem("INVALID_DOCUMENT_REFERENCE", [...at, "reference"]));
    if (doc.receivedAt && doc.receivedAt.getTime() > now.getTime() + 60_000) problems.push(caseProblem("RECEIVED_IN_FUTURE", [...at, "receivedAt"]));
  });
  return problems;
}

/** What makes two submissions "the same request" for an idempotency key. A field added later counts only when given, so older keys keep their hash. */
export function submissionRequestHash(input: SubmissionInputShape): string {
  const canonical = {
    policyNo: input.policyNo,
    benefit: input.benefit,
    applicant: input.applicant,
    place: input.place ?? null,
    hospitalId: input.hospitalId ?? null,
    plannedAdmissionDate: input.plannedAdmissionDate ?? null,
    usesSocialInsuranceSettlement: input.usesSocialInsuranceSettlement ?? null,
    ...(input.outOfArea != null ? { outOfArea: input.outOfArea } : {}),
    diagnosisId: input.diagnosisId ?? null,
    careKind: input.careKind ?? null,
    hospitalName: input.hospitalName ?? null,
    department: input.department ?? null,
    documents: (input.documents ?? []).map((d) => [d.kind, d.reference, d.receivedAt?.toISOString() ?? null]),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}
