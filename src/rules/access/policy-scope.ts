// Who may read which policy: operations all of them, an insured only those on its key or token.
import type { Principal } from "./roles.js";

export function canSeePolicy(principal: Principal, policyNo: string): boolean {
  switch (principal.role) {
    case "ADMIN":
    case "OPERATOR":
      return true;
    case "INSURED":
      return principal.policyNos?.includes(policyNo) ?? false;
    case "PARTNER":
    case "ANALYST":
      return false;
  }
}

/** The policy numbers a listing is limited to; null for no limit. */
export function policyListScope(principal: Principal): readonly string[] | null {
  return principal.role === "INSURED" ? (principal.policyNos ?? []) : null;
}
