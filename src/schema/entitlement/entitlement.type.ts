import { Field, Int, ObjectType } from "type-graphql";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { BenefitCodeEnum } from "../catalogue/catalogue.enums.js";
import { Service } from "../catalogue/service.type.js";
import type { Policy } from "../policy/policy.type.js";
import { FromColumn } from "../shared/reads.js";
import { Eligibility } from "./eligibility.type.js";

@ObjectType({ simpleResolvers: true, description: "A policy's right to one benefit: quota and whether it may be used now. 服务权益余量与资格。" })
export class Entitlement {
  @Field(() => BenefitCodeEnum)
  @FromColumn("benefitCode")
  benefit!: BenefitCode;

  @Field(() => Service)
  service!: Service;

  @Field(() => Boolean)
  unlimited!: boolean;

  @Field(() => Int, { nullable: true, description: "Times per policy; null when unlimited (0 when the policy does not list it)." })
  @FromColumn("quotaTotal")
  quotaTotal?: number | null;

  @Field(() => Int, { description: "Consumed: arranged, no-shows and late cancellations. 已使用" })
  @FromColumn("used")
  used!: number;

  @Field(() => Int, { description: "Held by open cases. 处理中占用" })
  @FromColumn("reserved")
  reserved!: number;

  @Field(() => Int, { nullable: true, description: "quotaTotal − used − reserved; null when unlimited. 剩余" })
  remaining?: number | null;

  /** Resolved by EntitlementResolver from `basis` and the policy's diagnoses. */
  @Field(() => Eligibility)
  eligibility?: Eligibility;

  /** What eligibility is decided from; not in the schema. */
  basis!: EntitlementBasis;
}

export interface EntitlementBasis {
  readonly policy: Policy;
  /** The stored quota; null when the policy does not list the benefit. */
  readonly row: { readonly quotaTotal: number | null; readonly used: number; readonly reserved: number } | null;
  /** The day eligibility is decided for. */
  readonly on: string;
}
