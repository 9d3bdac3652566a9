// Who may read which policy by number: operations all of them, an insured only those on its key
// or token; a partner only through its cases (row-scope.ts).
import { policyInScope, rowScope } from "./row-scope.js";
import type { Principal } from "./roles.js";

export function canSeePolicy(principal: Principal, policyNo: string): boolean {
  return policyInScope(rowScope(principal), policyNo);
}

/** The policy numbers a listing is limited to; null for no limit. */
export function policyListScope(principal: Principal): readonly string[] | null {
  return rowScope(principal).policyNos;
}
