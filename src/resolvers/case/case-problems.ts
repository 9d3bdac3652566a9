// The userErrors the case flows share (their wording is in rules/case-workflow/case-codes.ts).
import type { EligibilityReason, EligibilityReasonCode } from "../../rules/eligibility/reason-codes.js";
import { reasonMessage } from "../../rules/eligibility/reason-codes.js";
import { caseProblem, type CaseCode } from "../../rules/case-workflow/case-codes.js";
import type { Problem } from "../../rules/shared/problem.js";

const REASON_FIELD: Partial<Record<EligibilityReasonCode, string>> = {
  BENEFIT_NOT_ON_POLICY: "benefit",
  QUOTA_EXHAUSTED: "benefit",
  NOT_MALIGNANT_TUMOR: "benefit",
  PLACE_NOT_COVERED: "place",
  HOSPITAL_NOT_IN_NETWORK: "hospitalId",
};

/** An eligibility reason as a userError: its code, the input field it is about, its text. */
export function reasonProblem(reason: EligibilityReason & { field?: readonly string[] }): Problem {
  return { code: reason.code, field: reason.field ?? ["input", REASON_FIELD[reason.code] ?? "policyNo"], message: reasonMessage(reason) };
}

export function unknownCase(): Problem<CaseCode> {
  return caseProblem("UNKNOWN_CASE", ["input", "caseId"]);
}

export function staleVersion(current: number): Problem<CaseCode> {
  return caseProblem("STALE_VERSION", ["input", "expectedVersion"], { current });
}
