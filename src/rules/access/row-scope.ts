// The rows a caller may reach, at any depth of a query: the one scope every loader of rows takes.
// Operations see every row; an insured its own policies and their cases; a partner the cases of
// its contracted services that it submitted (or that were put in its hands) and, through them, a case view of the policy (no diagnoses, the
// people's surnames only, the entitlements of its services); an analyst and anonymous callers no rows.
import type { Principal } from "./roles.js";

/** How people on a policy are shown: masked ID number and phone, or the surname only. */
export type PersonDisclosure = "MASKED" | "SURNAME_ONLY";

export interface RowScope {
  /** False: no case, policy or person rows at all. */
  readonly rows: boolean;
  /** Cases (and policies' entitlements) limited to these services; null for no limit. */
  readonly services: readonly string[] | null;
  /** Cases limited to those in this partner's hands (partner_code); null for no limit. */
  readonly partnerCode: string | null;
  /** Cases and policies limited to these policy numbers; null for no limit. */
  readonly policyNos: readonly string[] | null;
  /** Whether a policy's diagnoses are shown. */
  readonly diagnoses: boolean;
  readonly persons: PersonDisclosure;
}

const NO_ROWS: RowScope = { rows: false, services: [], partnerCode: null, policyNos: [], diagnoses: false, persons: "SURNAME_ONLY" };
const EVERY_ROW: RowScope = { rows: true, services: null, partnerCode: null, policyNos: null, diagnoses: true, persons: "MASKED" };

export function rowScope(principal: Principal | null): RowScope {
  if (principal === null) return NO_ROWS;
  switch (principal.role) {
    case "ADMIN":
    case "OPERATOR":
      return EVERY_ROW;
    case "INSURED":
      return { ...EVERY_ROW, policyNos: principal.policyNos ?? [] };
    case "PARTNER":
      // A partner key always names its partner; one without would match no case.
      return { rows: true, services: principal.partnerServices ?? [], partnerCode: principal.partnerCode ?? "", policyNos: null, diagnoses: false, persons: "SURNAME_ONLY" };
    case "ANALYST":
      return NO_ROWS;
  }
}

export interface CaseRowFacts {
  readonly policyNo: string;
  readonly serviceCode: string;
  /** The partner the case is in the hands of (who submitted it, or to whom it was given); null for none. */
  readonly partnerCode: string | null;
}

export function caseInScope(scope: RowScope, facts: CaseRowFacts): boolean {
  return (
    scope.rows &&
    (scope.services === null || scope.services.includes(facts.serviceCode)) &&
    (scope.partnerCode === null || facts.partnerCode === scope.partnerCode) &&
    (scope.policyNos === null || scope.policyNos.includes(facts.policyNo))
  );
}

/** A service's entitlements on a policy the caller reached are shown when its cases would be. */
export function serviceInScope(scope: RowScope, serviceCode: string): boolean {
  return scope.rows && (scope.services === null || scope.services.includes(serviceCode));
}

/**
 * A policy by number at the root (policy, policies, node): only where the scope names policies
 * or has none; a partner reaches a policy only through one of its cases.
 */
export function policyInScope(scope: RowScope, policyNo: string): boolean {
  return scope.rows && scope.services === null && (scope.policyNos === null || scope.policyNos.includes(policyNo));
}

/**
 * Partners' webhook endpoints and deliveries: every partner's for ADMIN (null), a partner key's
 * own only, none for anyone else.
 */
export function webhookPartnerScope(principal: Principal | null): { readonly partnerCode: string | null } | "NONE" {
  if (principal?.role === "ADMIN") return { partnerCode: null };
  if (principal?.role === "PARTNER" && principal.partnerCode) return { partnerCode: principal.partnerCode };
  return "NONE";
}

/** 张三 → 张*: the surname, and one mark for each further character. */
export function surnameOnly(name: string): string {
  const characters = [...name.trim()];
  return characters.length <= 1 ? "*" : characters[0] + "*".repeat(characters.length - 1);
}
