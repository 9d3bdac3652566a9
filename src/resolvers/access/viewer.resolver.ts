import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { partnerByCode } from "../../db/queries/api-keys.js";
import { Viewer } from "../../schema/access/viewer.type.js";
import { presentPartner } from "./present-partner.js";

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer, { description: "Who is calling: role, and the partner for a partner key. 当前调用方。" })
  async viewer(@Ctx() { principal, db }: Context): Promise<Viewer> {
    const partner = principal!.partnerCode ? await partnerByCode(db, principal!.partnerCode) : null;
    return { role: principal!.role, partner: partner ? presentPartner(partner) : null };
  }
}
