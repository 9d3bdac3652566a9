// Whether an application may open a case: the benefit's eligibility (check-eligibility.ts), the
// request's own rules (check-submission.ts), the named illness (illness-of.ts) and the network's
// answer, as one decision; a reason the request's own rules give with its field replaces eligibility's
// reason of the same code. A date that would
// change the answer is kept only while nothing but time stands in the way.
import type { EligibilityDecision } from "../eligibility/check-eligibility.js";
import type { EligibilityReason } from "../eligibility/reason-codes.js";
import type { FieldReason, SubmissionDecision } from "./submission-rules.js";

/** A reason, with the input field it is about when the request's own rules know it. */
export type ApplicationReason = EligibilityReason & { readonly field?: readonly string[] };

export interface ApplicationDecision {
  readonly eligible: boolean;
  readonly reasons: readonly ApplicationReason[];
  readonly warnings: readonly ApplicationReason[];
  readonly eligibleFrom: string | null;
}

export function decideApplication(eligibility: EligibilityDecision, submission: SubmissionDecision, network: readonly FieldReason[]): ApplicationDecision {
  const specific = [...submission.reasons, ...network];
  const named = new Set(specific.map((r) => r.code));
  const reasons = [...eligibility.reasons.filter((r) => !named.has(r.code)), ...specific];
  return {
    eligible: reasons.length === 0,
    reasons,
    warnings: [...submission.warnings, ...eligibility.warnings],
    eligibleFrom: submission.reasons.length === 0 && network.length === 0 ? eligibility.eligibleFrom : null,
  };
}
