import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../shared/page-info.type.js";
import { UserError } from "../shared/user-error.type.js";
import { Policy } from "./policy.type.js";

@ObjectType()
export class PolicyPayload {
  @Field(() => Policy, { nullable: true })
  policy?: Policy | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class PolicyEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Policy)
  node!: Policy;
}

@ObjectType()
export class PolicyConnection {
  @Field(() => [PolicyEdge])
  edges!: PolicyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
