import type { Context } from "../../context/context.js";
import { canSeePolicy } from "../../rules/access/policy-scope.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { forbidden } from "../shared/forbidden.js";
import { presentPolicy } from "./present-policy.js";

/** A policy the caller may see, or null when there is none by that number. */
export async function findPolicy(ctx: Context, policyNo: string): Promise<Policy | null> {
  if (!canSeePolicy(ctx.principal!, policyNo)) throw forbidden("this policy is outside your scope");
  const row = await ctx.loaders.policyByNo.load(policyNo);
  return row ? presentPolicy(row) : null;
}
