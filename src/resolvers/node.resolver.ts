// node(id): refetch any object by its global ID, under the same access rules as its own query.
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context/context.js";
import { Node } from "../schema/shared/node.interface.js";
import { fromGlobalId } from "../schema/shared/global-id.js";
import { presentHospital } from "./network/present-network.js";
import { findPolicy } from "./policy/find-policy.js";
import { findCase } from "./shared/find-case.js";
import { GraphQLError } from "graphql";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID (null when there is none)." })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const global = fromGlobalId(id);
    if (!global) return null;
    switch (global.type) {
      case "Hospital": {
        const row = await ctx.loaders.hospitalById.load(global.key);
        return row ? presentHospital(row) : null;
      }
      case "Policy":
      case "ServiceCase": {
        if (!ctx.principal) throw new GraphQLError("Authentication required", { extensions: { code: "UNAUTHENTICATED" } });
        return global.type === "Policy" ? findPolicy(ctx, global.key) : findCase(ctx, global.key);
      }
      default:
        return null;
    }
  }
}
