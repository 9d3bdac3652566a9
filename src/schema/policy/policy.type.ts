import { Field, ID, ObjectType } from "type-graphql";
import { clauseExcerpt } from "../../rules/handbook/clauses.js";
import type { PolicyStatus } from "../../rules/policy/codes.js";
import { Node } from "../shared/node.interface.js";
import { FromColumn } from "../shared/reads.js";
import { DateScalar } from "../shared/scalars.js";
import { PolicyStatusEnum } from "./policy.enums.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A 卓越守护百万住院医疗保险 policy. 保单。" })
export class Policy extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String, { description: "保单号" })
  @FromColumn("policyNo")
  policyNo!: string;

  @Field(() => PolicyStatusEnum)
  @FromColumn("status")
  status!: PolicyStatus;

  @Field(() => DateScalar, { description: "保单生效日" })
  @FromColumn("effectiveFrom")
  effectiveFrom!: string;

  @Field(() => DateScalar, { description: "保单终止日（最后一天）" })
  @FromColumn("effectiveTo")
  effectiveTo!: string;

  @Field(() => DateScalar, { description: "等待期最后一天 The last day of the waiting period." })
  @FromColumn("waitingPeriodEndsOn")
  waitingPeriodEndsOn!: string;

  @Field(() => Boolean, { description: `${clauseExcerpt("ADVANCE.提示.4.1", "以有", "参保")} Insured with social insurance.` })
  @FromColumn("hasSocialInsurance")
  hasSocialInsurance!: boolean;

  /** Internal keys, not in the graph. */
  rowId!: string;
  insuredId!: string;
  policyholderId!: string;
}
