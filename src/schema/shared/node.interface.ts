import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({
  description: "An object with a global ID, refetchable with node(id). 可按全局 ID 取回的对象。",
  // Plain objects come back from the resolvers: tell the types apart by a field only each has.
  resolveType: (value: object) => ("caseNo" in value ? "ServiceCase" : "policyNo" in value ? "Policy" : "country" in value ? "Hospital" : undefined),
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
