// Reading a policy's children with the policy (docs/decisions/0053-planned-policy-page.md): from
// what an operation selects of a Policy, which of its lists the policy's own statement can read
// too, and, once read, the loaders primed so the fields answer from them as if they had loaded.
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context/context.js";
import type { PolicyCasesPage } from "../../context/loaders.js";
import { NO_CHILDREN, type PolicyChildren, type PolicyChildRows } from "../../db/queries/policies.js";
import { caseColumnsRead } from "../case/list-cases.js";
import { selectedFieldsAt } from "../shared/look-ahead.js";
import { BENEFIT_CODES, type BenefitCode } from "../../rules/catalogue/codes.js";
import { countsEarlierAdvances } from "../../rules/eligibility/check-eligibility.js";
import { decodeCursor, pageSize } from "../shared/pagination.js";

/**
 * At most this many distinct case pages are read with the policy. Each number of pages is a
 * statement of its own, prepared on every connection, so the count a query can make must not be
 * the client's to raise.
 */
export const MAX_PLANNED_CASE_PAGES = 3;

export interface PolicyChildPlan {
  readonly children: PolicyChildren;
  /** Primes the loaders with one policy's children, read as `children` asked. */
  prime(policyId: string, rows: PolicyChildRows): void;
}

/**
 * The plan for the Policy selected at `path` below the resolving field ([] for `policy`,
 * ["edges", "node"] for `policies`):
 * - `entitlements` or `entitlement` → the entitlements;
 * - `diagnoses`, or `eligibility` below either entitlement field → the diagnoses; and for
 *   eligibility, the illnesses earlier advances were made for (`ADVANCE_BENEFITS`);
 * - each distinct `cases(first, after, status)` → that page of cases, with the columns its
 *   selection reads (`caseColumnsRead`), up to
 *   `MAX_PLANNED_CASE_PAGES`. One whose arguments the field would refuse is left to the field,
 *   which reports it at its own path.
 */
export function planPolicyChildren(ctx: Context, info: GraphQLResolveInfo, path: readonly string[]): PolicyChildPlan {
  if (!ctx.readAhead) return NOTHING_AHEAD;
  const selected = selectedFieldsAt(info, path);
  const names = new Set(selected.map((field) => field.name));
  const entitlementFields = ["entitlements", "entitlement"].filter((name) => names.has(name));
  const eligibility = entitlementFields.some((name) => selectedFieldsAt(info, [...path, name]).some((field) => field.name === "eligibility"));
  const pages: PolicyCasesPage[] = [];
  for (const field of selected) {
    // A page past the limit loads through its loader as before: the statements stay few in kind.
    if (field.name !== "cases" || pages.length === MAX_PLANNED_CASE_PAGES) continue;
    try {
      const page = policyCasesPage(ctx, info, field.nodes, field.args);
      // `cases(first: 20)` and `cases` are one page: the loader's key says so too.
      if (!pages.some((other) => JSON.stringify(other) === JSON.stringify(page))) pages.push(page);
    } catch {
      // The field itself throws the same error, at its own path.
    }
  }
  const { loaders } = ctx;
  return {
    children: {
      entitlements: entitlementFields.length > 0,
      diagnoses: names.has("diagnoses") || eligibility,
      casePages: pages.map((page) => ({ ...page, services: loaders.scope.services, partnerCode: loaders.scope.partnerCode })),
      admittedFor: eligibility ? ADVANCE_BENEFITS : [],
    },
    prime(policyId, rows) {
      if (rows.entitlements) loaders.primeEntitlements(policyId, rows.entitlements);
      if (rows.diagnoses) loaders.diagnosesByPolicyId.prime(policyId, rows.diagnoses);
      if (rows.admitted) for (const benefit of ADVANCE_BENEFITS) loaders.admittedIllnesses.prime({ policyId, benefit }, rows.admitted.filter((r) => r.benefitCode === benefit));
      pages.forEach((page, i) => loaders.casesByPolicy.prime({ policyId, ...page }, rows.casePages[i]!));
    },
  };
}

/**
 * The page `Policy.cases(first, after, status)` reads for a selection (its field nodes under one
 * response key): the field and the read-ahead make its loader key this one way, so a page read
 * ahead primes the key the field asks with. Throws what the field reports for refused arguments.
 */
export function policyCasesPage(
  ctx: Pick<Context, "readAhead" | "loaders">,
  info: Pick<GraphQLResolveInfo, "schema" | "fragments" | "variableValues">,
  nodes: readonly FieldNode[],
  args: { readonly first?: unknown; readonly after?: unknown; readonly status?: unknown },
): PolicyCasesPage {
  return {
    limit: pageSize(args.first as number | null | undefined) + 1,
    beforeCaseNo: decodeCursor("case", args.after as string | null | undefined),
    statuses: (args.status as readonly string[] | null | undefined) ?? null,
    columns: caseColumnsRead(ctx, info, nodes),
  };
}

/** The benefits whose earlier uses for the same illness eligibility counts (check-eligibility.ts). */
const ADVANCE_BENEFITS: readonly BenefitCode[] = BENEFIT_CODES.filter(countsEarlierAdvances);

/** The plan of the reference executor: nothing read ahead, each field reads through its loader. */
const NOTHING_AHEAD: PolicyChildPlan = { children: NO_CHILDREN, prime: () => {} };

/** Whether a plan reads anything besides the policy. */
export function readsChildren(plan: PolicyChildPlan): boolean {
  return plan.children.entitlements || plan.children.diagnoses || plan.children.casePages.length > 0 || plan.children.admittedFor.length > 0;
}
