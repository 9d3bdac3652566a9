// Who may see or move which case: operations all; an insured its own policies' cases; a partner
// the cases of its contracted services (recorded on the key's partner).
import type { Principal } from "./roles.js";

export interface CaseScopeFacts {
  readonly policyNo: string;
  readonly serviceCode: string;
  readonly partnerServices?: readonly string[] | null;
}

export function canSeeCase(principal: Principal, facts: CaseScopeFacts): boolean {
  switch (principal.role) {
    case "ADMIN":
    case "OPERATOR":
      return true;
    case "INSURED":
      return principal.policyNos?.includes(facts.policyNo) ?? false;
    case "PARTNER":
      return facts.partnerServices?.includes(facts.serviceCode) ?? false;
    case "ANALYST":
      return false;
  }
}

/** Moving a case through its steps is for operations and contracted partners, not the insured. */
export function canMoveCase(principal: Principal, facts: CaseScopeFacts): boolean {
  return principal.role !== "INSURED" && canSeeCase(principal, facts);
}
