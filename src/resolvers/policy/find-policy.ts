import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context/context.js";
import { canSeePolicy } from "../../rules/access/policy-scope.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { forbidden } from "../shared/forbidden.js";
import { planPolicyChildren } from "./plan-policy-children.js";
import { presentPolicy } from "./present-policy.js";

/**
 * A policy the caller may see, or null when there is none by that number. With `info`, the policy
 * is read in one statement with what the operation selects of its entitlements, diagnoses and
 * cases (docs/decisions/0053-planned-policy-page.md).
 */
export async function findPolicy(ctx: Context, policyNo: string, info?: GraphQLResolveInfo): Promise<Policy | null> {
  if (!canSeePolicy(ctx.principal!, policyNo)) throw forbidden("this policy is outside your scope");
  const plan = info && planPolicyChildren(ctx, info, []);
  if (!plan || plan.children.length === 0) {
    const row = await ctx.loaders.policyByNo.load(policyNo);
    return row ? presentPolicy(row) : null;
  }
  const read = await ctx.loaders.policyWithChildrenByNo(plan.children).load(policyNo);
  if (!read) return null;
  plan.prime(read.policy.id, read.children);
  return presentPolicy(read.policy);
}
