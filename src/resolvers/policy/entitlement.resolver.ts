import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context/context.js";
import { Eligibility } from "../../schema/entitlement/eligibility.type.js";
import { Entitlement } from "../../schema/entitlement/entitlement.type.js";
import { decideEligibility } from "./present-entitlement.js";
import { countsEarlierAdvances } from "../../rules/eligibility/check-eligibility.js";
import { ReadsPolicyLists } from "./plan-policy-children.js";
import { ADVANCES_ADMITTED } from "../../context/loaders.js";
import { DIAGNOSIS_ROWS } from "../../db/queries/policies.js";

@Resolver(() => Entitlement)
export class EntitlementResolver {
  // The diagnoses are read only for a query that asks for eligibility: a console page listing
  // entitlements makes one statement fewer.
  @FieldResolver(() => Eligibility)
  @ReadsPolicyLists(() => ({ lists: [DIAGNOSIS_ROWS, ADVANCES_ADMITTED] }))
  async eligibility(@Root() entitlement: Entitlement, @Ctx() ctx: Context): Promise<Eligibility> {
    const { policy, row } = entitlement.basis;
    const diagnoses = await ctx.loaders.diagnosesByPolicyId.load(policy.rowId);
    // Advances made are looked up only where one could have been made: none used or reserved, none made.
    const mayHaveAdvances = countsEarlierAdvances(entitlement.benefit) && row !== null && row.used + row.reserved > 0;
    const admitted = mayHaveAdvances ? (await ctx.loaders.admittedAdvancesByPolicyId.load(policy.rowId)).filter((r) => r.benefitCode === entitlement.benefit) : [];
    return decideEligibility(entitlement, diagnoses, admitted);
  }
}
