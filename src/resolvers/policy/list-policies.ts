// policies(first, after, filter): keyset pagination in policy-number order; one statement per page, and one more for totalCount.
import type { Context } from "../../context/context.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import { policyCount, policyPage } from "../../db/queries/policies.js";
import type { PolicyFilter } from "../../schema/policy/policy.inputs.js";
import type { PolicyConnection } from "../../schema/policy/policy.payloads.js";
import { decodeCursor, Edge, PageInfo, pageSize, withLazyTotal } from "../shared/pagination.js";
import { presentPolicy } from "./present-policy.js";

export async function listPolicies(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: PolicyFilter | null | undefined,
): Promise<PolicyConnection> {
  const limit = pageSize(first);
  const afterPolicyNo = decodeCursor("policy", after);
  const query = { statuses: filter?.status, policyNoPrefix: filter?.policyNoPrefix, policyNos: policyListScope(ctx.principal!) };
  const rows = await policyPage(ctx.db, { ...query, afterPolicyNo, limit: limit + 1 });
  const page = rows.slice(0, limit);
  for (const row of page) ctx.loaders.policyByNo.prime(row.policyNo, row);
  const edges = page.map((row) => new Edge("policy", row.policyNo, presentPolicy(row)));
  return withLazyTotal({ edges, pageInfo: new PageInfo(edges, rows.length > limit, afterPolicyNo !== null) }, () => policyCount(ctx.db, query));
}
