import { Field, ID, InputType, ObjectType } from "type-graphql";
import { SUSPENDABLE_FEATURES, type SuspendableFeature } from "../../rules/suspension/suspensions.js";
import { enumFromCodes } from "../shared/enums.js";
import { DateScalar, DateTimeScalar } from "../shared/scalars.js";
import { UserError } from "../shared/user-error.type.js";

export const SuspendableFeatureEnum = enumFromCodes(SUSPENDABLE_FEATURES, "SuspendableFeature", "A service feature an operator can suspend for a period. 可暂停的服务项。", {
  MDT_PROXY_ATTENDANCE: { description: "MDT attendance by the vendor's staff for the insured (温馨提示 1 ② 疫情期间…暂不支持此代诊服务)" },
});

@ObjectType({ simpleResolvers: true, description: "A feature suspended for a period (both days included). 服务暂停。" })
export class ServiceSuspension {
  @Field(() => ID)
  id!: string;

  @Field(() => SuspendableFeatureEnum)
  feature!: SuspendableFeature;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When an operator lifted it before its end." })
  liftedAt?: Date | null;
}

@InputType({ description: "Suspend a service feature for a period." })
export class SuspendServiceFeatureInput {
  @Field(() => SuspendableFeatureEnum)
  feature!: SuspendableFeature;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: "The last day (included); at most 366 days after startsOn." })
  endsOn!: string;

  @Field(() => String, { description: "Why, as shown to partners and front ends (1–500 characters)." })
  reason!: string;
}

@ObjectType({ simpleResolvers: true })
export class ServiceSuspensionPayload {
  @Field(() => ServiceSuspension, { nullable: true })
  suspension?: ServiceSuspension | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
