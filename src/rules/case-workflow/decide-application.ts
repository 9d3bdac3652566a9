// Whether an application may open a case: the benefit's eligibility (check-eligibility.ts), the
// request's own rules (check-submission.ts) and the network's answer, as one decision. The
// submission's first-advance warning (ADVANCE.提示.2.2) replaces the entitlement's, which knows no
// illness; a date that would change the answer is kept only while nothing but time stands in the way.
import type { EligibilityDecision } from "../eligibility/check-eligibility.js";
import type { EligibilityReason } from "../eligibility/reason-codes.js";
import type { FieldReason, SubmissionDecision } from "./check-submission.js";

/** A reason, with the input field it is about when the request's own rules know it. */
export type ApplicationReason = EligibilityReason & { readonly field?: readonly string[] };

export interface ApplicationDecision {
  readonly eligible: boolean;
  readonly reasons: readonly ApplicationReason[];
  readonly warnings: readonly ApplicationReason[];
  readonly eligibleFrom: string | null;
}

export function decideApplication(eligibility: EligibilityDecision, submission: SubmissionDecision, network: readonly FieldReason[]): ApplicationDecision {
  const reasons = [...eligibility.reasons, ...submission.reasons, ...network];
  return {
    eligible: reasons.length === 0,
    reasons,
    warnings: [...eligibility.warnings.filter((w) => w.code !== "FIRST_ADVANCE_MAY_NEED_REVIEW"), ...submission.warnings],
    eligibleFrom: submission.reasons.length === 0 && network.length === 0 ? eligibility.eligibleFrom : null,
  };
}
