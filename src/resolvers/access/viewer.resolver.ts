import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { Viewer } from "../../schema/access/viewer.type.js";

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer, { description: "Who is calling: role, and the partner for a partner key. 当前调用方。" })
  viewer(@Ctx() { principal }: Context): Viewer {
    return { role: principal!.role, partner: null };
  }
}
