import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../shared/page-info.type.js";
import { UserError } from "../shared/user-error.type.js";
import { Policy } from "./policy.type.js";

@ObjectType({ simpleResolvers: true })
export class PolicyPayload {
  @Field(() => Policy, { nullable: true })
  policy?: Policy | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class PolicyEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Policy)
  node!: Policy;
}

@ObjectType({ simpleResolvers: true })
export class PolicyConnection {
  @Field(() => [PolicyEdge])
  edges!: PolicyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** A promise when counted on demand (`Connection`): a resolved field, so every executor awaits it. */
  @Field(() => Int, { simple: false })
  totalCount!: number | Promise<number>;
}
