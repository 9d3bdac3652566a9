// policies(first, after, filter): keyset pagination in policy-number order. The page is read in one
// statement together with what the operation selects of each policy's entitlements, diagnoses and
// cases, which prime the loaders the fields read (docs/decisions/0053-planned-policy-page.md); a
// second statement counts only when totalCount is selected.
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context/context.js";
import { policyCount, policyPage } from "../../db/queries/policies.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import type { PolicyFilter } from "../../schema/policy/policy.inputs.js";
import type { PolicyConnection } from "../../schema/policy/policy.payloads.js";
import { decodeCursor, Edge, PageInfo, pageSize, withLazyTotal } from "../shared/pagination.js";
import { planPolicyChildren } from "./plan-policy-children.js";
import { presentPolicy, presentPolicyKeys } from "./present-policy.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { selectedFieldsAt } from "../shared/look-ahead.js";

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
  const plan = planPolicyChildren(ctx, info, ["edges", "node"]);
  const pageQuery = { ...query, afterPolicyNo, limit: limit + 1 };
  let edges: Edge<Policy>[];
  let more: boolean;
  if (selectedFieldsAt(info, []).some((field) => field.name === "edges")) {
    const rows = await policyPage(ctx.db, pageQuery, plan.children);
    const page = rows.slice(0, limit);
    for (const { policy, children } of page) {
      ctx.loaders.policyByNo.prime(policy.policyNo, policy);
      plan.prime(policy.id, children);
    }
    edges = page.map(({ policy }) => new Edge("policy", policy.policyNo, presentPolicy(policy)));
    more = rows.length > limit;
  } else {
    // No edge is resolved from the rows (the edges are answered in SQL, or not asked): only the
    // policies' keys are read, for the answers' loaders and the cursors (record 0099).
    const rows = await policyPage(ctx.db, pageQuery, plan.children, "keys");
    const page = rows.slice(0, limit);
    for (const { policy, children } of page) plan.prime(policy.id, children);
    edges = page.map(({ policy }) => new Edge("policy", policy.policyNo, presentPolicyKeys(policy)));
    more = rows.length > limit;
  }
  return withLazyTotal({ edges, pageInfo: new PageInfo(edges, more, afterPolicyNo !== null) }, () => policyCount(ctx.db, query));
}
