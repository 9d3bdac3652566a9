import { Field, ID, InterfaceType } from "type-graphql";

/** Plain objects come back from the resolvers: tell the types apart by a field only each has. */
export function nodeTypeName(value: object): string | undefined {
  return "caseNo" in value ? "ServiceCase" : "policyNo" in value ? "Policy" : "country" in value ? "Hospital" : undefined;
}

@InterfaceType({
  description: "An object with a global ID, refetchable with node(id). 可按全局 ID 取回的对象。",
  resolveType: nodeTypeName,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
