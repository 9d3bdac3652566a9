import type { Context } from "../../context/context.js";
import { canSeeCase } from "../../rules/access/case-scope.js";
import type { ServiceCase } from "../../schema/case/service-case.type.js";
import { presentCase } from "../case/present-case.js";
import { forbidden } from "./forbidden.js";

/** A case the caller may see, or null when there is none by that number (as `serviceCase(caseNo)` answers). */
export async function findCase(ctx: Context, caseNo: string): Promise<ServiceCase | null> {
  const row = await ctx.loaders.caseByNo.load(caseNo);
  if (!row) return null;
  const policy = await ctx.loaders.policyById.load(row.policyId);
  if (!canSeeCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: row.serviceCode, partnerCode: row.partnerCode })) throw forbidden("this case is outside your scope");
  return presentCase(row);
}
