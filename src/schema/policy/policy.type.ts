import { Field, ID, ObjectType } from "type-graphql";
import { clauseExcerpt } from "../../rules/handbook/clauses.js";
import type { PolicyStatus } from "../../rules/policy/codes.js";
import { Node } from "../shared/node.interface.js";
import { DateScalar } from "../shared/scalars.js";
import { PolicyStatusEnum } from "./policy.enums.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A 卓越守护百万住院医疗保险 policy. 保单。" })
export class Policy extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String, { description: "保单号" })
  policyNo!: string;

  @Field(() => PolicyStatusEnum)
  status!: PolicyStatus;

  @Field(() => DateScalar, { description: "保单生效日" })
  effectiveFrom!: string;

  @Field(() => DateScalar, { description: "保单终止日（最后一天）" })
  effectiveTo!: string;

  @Field(() => DateScalar, { description: "等待期最后一天 The last day of the waiting period." })
  waitingPeriodEndsOn!: string;

  @Field(() => Boolean, { description: `${clauseExcerpt("ADVANCE.提示.4.1", "以有", "参保")} Insured with social insurance.` })
  hasSocialInsurance!: boolean;

  /** Internal keys, not in the graph. */
  rowId!: string;
  insuredId!: string;
  policyholderId!: string;
}
