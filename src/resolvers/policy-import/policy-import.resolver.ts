import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { PolicyImport } from "../../schema/policy-import/policy-import.type.js";
import { listRuns } from "./list-runs.js";

@Resolver()
export class PolicyImportResolver {
  @Authorized("ADMIN", "OPERATOR")
  @Query(() => [PolicyImport], { description: "Runs of the policy feed, newest first (first ≤ 100, default 20). 保单批量导入记录。" })
  policyImports(@Arg("first", () => Int, { nullable: true }) first: number | null, @Ctx() ctx: Context): Promise<PolicyImport[]> {
    return listRuns(ctx, first);
  }
}
