// Who may see or move which case: operations all; an insured its own policies' cases; a partner
// the cases of its contracted services that are in its own hands (the partner recorded on the
// case). The row scope decides.
import { caseInScope, rowScope, type CaseRowFacts } from "./row-scope.js";
import type { Principal } from "./roles.js";

export type CaseScopeFacts = CaseRowFacts;

export function canSeeCase(principal: Principal, facts: CaseScopeFacts): boolean {
  return caseInScope(rowScope(principal), facts);
}

/** The services a listing of cases is limited to; null for no limit. */
export function caseServiceScope(principal: Principal): readonly string[] | null {
  return rowScope(principal).services;
}

/**
 * Submitting a case is allowed exactly where seeing it is: operations for any policy, an insured
 * for its own policies, a partner for its contracted services, an analyst never.
 */
export function canSubmitCase(principal: Principal, facts: Omit<CaseScopeFacts, "partnerCode">): boolean {
  // the case a partner submits is in its own hands
  return canSeeCase(principal, { ...facts, partnerCode: principal.partnerCode ?? null });
}

/** The partner whose cases a listing is limited to; null for no limit. */
export function casePartnerScope(principal: Principal): string | null {
  return rowScope(principal).partnerCode;
}

/** Moving a case through its steps is for operations and contracted partners, not the insured. */
export function canMoveCase(principal: Principal, facts: CaseScopeFacts): boolean {
  return principal.role !== "INSURED" && canSeeCase(principal, facts);
}
