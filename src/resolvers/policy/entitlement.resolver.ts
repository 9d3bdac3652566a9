import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context/context.js";
import { Eligibility } from "../../schema/entitlement/eligibility.type.js";
import { Entitlement } from "../../schema/entitlement/entitlement.type.js";
import { decideEligibility } from "./present-entitlement.js";

@Resolver(() => Entitlement)
export class EntitlementResolver {
  // The diagnoses are read only for a query that asks for eligibility: a console page listing
  // entitlements makes one statement fewer.
  @FieldResolver(() => Eligibility)
  async eligibility(@Root() entitlement: Entitlement, @Ctx() ctx: Context): Promise<Eligibility> {
    return decideEligibility(entitlement, await ctx.loaders.diagnosesByPolicyId.load(entitlement.basis.policy.rowId));
  }
}
