// Service-feature suspensions (MDT.提示.1.4): operators suspend and lift; anyone may read the
// current ones (a front end says that attendance by proxy is not offered now).
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { transaction } from "../../db/driver/database.js";
import { currentSuspensions, insertSuspension, liftSuspension, type SuspensionRow } from "../../db/queries/suspensions.js";
import { describeCodes, withCodes } from "../../rules/shared/outcome-codes.js";
import { SUSPENSION_CODES, SUSPENSION_MESSAGES, suspensionProblem, validateSuspension, type SuspendableFeature } from "../../rules/suspension/suspensions.js";
import { ServiceSuspension, ServiceSuspensionPayload, SuspendServiceFeatureInput } from "../../schema/catalogue/suspension.type.js";
import { toUserErrors } from "../shared/user-errors.js";

const present = (row: SuspensionRow): ServiceSuspension => ({
  id: row.id,
  feature: row.feature as SuspendableFeature,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  reason: row.reason,
  liftedAt: row.liftedAt,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => ServiceSuspension)
export class SuspensionResolver {
  @Query(() => [ServiceSuspension], { description: "Suspensions in force today or later, latest start first. Public." })
  async serviceSuspensions(@Ctx() ctx: Context): Promise<ServiceSuspension[]> {
    return (await currentSuspensions(ctx.db, ctx.today)).map(present);
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => ServiceSuspensionPayload, {
    description: withCodes("Suspend a service feature for a period (ADMIN, OPERATOR). 暂停服务项。", describeCodes(SUSPENSION_MESSAGES, SUSPENSION_CODES)),
  })
  async suspendServiceFeature(@Arg("input", () => SuspendServiceFeatureInput) input: SuspendServiceFeatureInput, @Ctx() ctx: Context): Promise<ServiceSuspensionPayload> {
    const problems = validateSuspension(input, ctx.today);
    if (problems.length > 0) return { suspension: null, userErrors: toUserErrors(problems) };
    const row = await transaction(ctx.db, (tx) =>
      insertSuspension(tx, { feature: input.feature, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason.trim(), createdBy: ctx.principal!.subject }),
    );
    return { suspension: present(row), userErrors: [] };
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => ServiceSuspensionPayload, { description: "Lift a suspension before its end (ADMIN, OPERATOR). 解除暂停。" })
  async liftServiceSuspension(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<ServiceSuspensionPayload> {
    const row = UUID.test(id) ? await transaction(ctx.db, (tx) => liftSuspension(tx, id, ctx.now)) : null;
    if (!row) return { suspension: null, userErrors: toUserErrors([suspensionProblem("UNKNOWN_SUSPENSION", ["id"])]) };
    return { suspension: present(row), userErrors: [] };
  }
}
