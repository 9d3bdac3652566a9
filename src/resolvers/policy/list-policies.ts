// policies(first, after, filter): keyset pagination in policy-number order. The page is read in one
// statement together with what the operation selects of each policy's entitlements, diagnoses and
// cases, which prime the loaders the fields read (docs/decisions/0053-planned-policy-page.md); a
// second statement counts only when totalCount is selected.
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context/context.js";
import { policyCount, policyPage, type PolicyChildRows, type PolicyKeys } from "../../db/queries/policies.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import type { PolicyFilter } from "../../schema/policy/policy.inputs.js";
import type { PolicyConnection } from "../../schema/policy/policy.payloads.js";
import { Connection, decodeCursor, Edge, PageInfo, pageSize } from "../shared/pagination.js";
import { planPolicyChildren } from "./plan-policy-children.js";
import { presentPolicy, presentPolicyKeys } from "./present-policy.js";
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
  /** The page's edges, each presented once its children have primed the loaders, and whether more follow. */
  const page = <P extends PolicyKeys>(rows: readonly { policy: P; children: PolicyChildRows }[], present: (policy: P) => Policy) => ({
    edges: rows.slice(0, limit).map(({ policy, children }) => {
      plan.prime(policy.id, children);
      return new Edge("policy", policy.policyNo, present(policy));
    }),
    more: rows.length > limit,
  });
  // Whole rows when the connection's own edges are resolved from them; otherwise (its edges
  // answered in SQL, or not asked) only the policies' keys, for the answers' loader and the
  // cursors (docs/decisions/0099-answers-as-joined-text.md).
  const { edges, more } = selectedFieldsAt(info, []).some((field) => field.name === "edges")
    ? page(await policyPage(ctx.db, pageQuery, plan.children), (policy) => {
        ctx.loaders.policyByNo.prime(policy.policyNo, policy);
        return presentPolicy(policy);
      })
    : page(await policyPage(ctx.db, pageQuery, plan.children, "keys"), presentPolicyKeys);
  return new Connection(edges, new PageInfo(edges, more, afterPolicyNo !== null), () => policyCount(ctx.db, query));
}
