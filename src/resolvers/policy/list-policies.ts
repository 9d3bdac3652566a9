// policies(first, after, filter): keyset pagination in policy-number order. The page is read in one
// statement together with what the operation selects of each policy's entitlements and cases, and
// those answers prime the loaders the fields read (docs/decisions/0053-planned-policy-page.md); a
// second statement counts only when totalCount is selected.
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context/context.js";
import { policyCasesKey } from "../../context/loaders.js";
import type { PolicyCasePage } from "../../db/queries/case-paging.js";
import { policyCount, policyPage, type PolicyPageChildren } from "../../db/queries/policies.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import type { PolicyFilter } from "../../schema/policy/policy.inputs.js";
import type { PolicyConnection } from "../../schema/policy/policy.payloads.js";
import { selectedFieldsAt } from "../shared/look-ahead.js";
import { decodeCursor, Edge, PageInfo, pageSize, withLazyTotal } from "../shared/pagination.js";
import { presentPolicy } from "./present-policy.js";

export async function listPolicies(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: PolicyFilter | null | undefined,
  info: GraphQLResolveInfo,
): Promise<PolicyConnection> {
  const limit = pageSize(first);
  const afterPolicyNo = decodeCursor("policy", after);
  const query = { statuses: filter?.status, policyNoPrefix: filter?.policyNoPrefix, policyNos: policyListScope(ctx.principal!) };
  const plan = planChildren(ctx, info);
  const rows = await policyPage(ctx.db, { ...query, afterPolicyNo, limit: limit + 1 }, plan.children);
  const page = rows.slice(0, limit);
  for (const { policy, entitlements, casePages } of page) {
    ctx.loaders.policyByNo.prime(policy.policyNo, policy);
    if (entitlements) ctx.loaders.primeEntitlements(policy.id, entitlements);
    plan.caseKeys.forEach((key, i) => ctx.loaders.casesByPolicy.prime(policyCasesKey(policy.id, key.limit, key.beforeCaseNo, key.statuses), casePages[i]!));
  }
  const edges = page.map(({ policy }) => new Edge("policy", policy.policyNo, presentPolicy(policy)));
  return withLazyTotal({ edges, pageInfo: new PageInfo(edges, rows.length > limit, afterPolicyNo !== null) }, () => policyCount(ctx.db, query));
}

interface CaseKeyArguments {
  readonly limit: number;
  readonly beforeCaseNo: string | null;
  readonly statuses: readonly string[] | null;
}

/**
 * What the operation selects of each policy on the page that the page's statement can read too:
 * entitlements (for `entitlements` or `entitlement`) and each distinct page of `cases`. A `cases`
 * whose arguments the field would refuse is left to the field, which reports it where it stands.
 */
function planChildren(ctx: Context, info: GraphQLResolveInfo): { children: PolicyPageChildren; caseKeys: CaseKeyArguments[] } {
  const selected = selectedFieldsAt(info, ["edges", "node"]);
  const caseKeys: CaseKeyArguments[] = [];
  for (const field of selected) {
    if (field.name !== "cases") continue;
    try {
      const statuses = (field.args.status as readonly string[] | null | undefined) ?? null;
      caseKeys.push({ limit: pageSize(field.args.first as number | null | undefined) + 1, beforeCaseNo: decodeCursor("case", field.args.after as string | null | undefined), statuses });
    } catch {
      // The field itself throws the same error, at its own path.
    }
  }
  const casePages: PolicyCasePage[] = caseKeys.map((key) => ({ ...key, services: ctx.loaders.scope.services }));
  return { children: { entitlements: selected.some((f) => f.name === "entitlements" || f.name === "entitlement"), casePages }, caseKeys };
}
