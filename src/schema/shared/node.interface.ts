import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType({ description: "An object with a global ID, refetchable with node(id). 可按全局 ID 取回的对象。" })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
