import { Field, ObjectType } from "type-graphql";
import { ELIGIBILITY_REASON_CODES, type EligibilityReasonCode } from "../../rules/eligibility/reason-codes.js";
import { enumFromCodes } from "../shared/enums.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { DateScalar } from "../shared/scalars.js";

export const EligibilityReasonCodeEnum = enumFromCodes(
  ELIGIBILITY_REASON_CODES,
  "EligibilityReasonCode",
  "Why a benefit cannot be used now, or what the user should know. 不符合条件的原因/提示。",
);

@ObjectType({ simpleResolvers: true, description: "One reason or warning, with its text and the date it concerns." })
export class EligibilityReason {
  @Field(() => EligibilityReasonCodeEnum)
  code!: EligibilityReasonCode;

  @Field(() => LocalizedText)
  message!: LocalizedText;

  @Field(() => DateScalar, { nullable: true, description: "The date the reason is about (e.g. when the waiting period ends)." })
  date?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "May the benefit be used on the date asked about; if not, why not and from when. 是否可申请。" })
export class Eligibility {
  @Field(() => Boolean)
  eligible!: boolean;

  @Field(() => [EligibilityReason], { description: "Why not; empty when eligible. All that apply, not just the first." })
  reasons!: EligibilityReason[];

  @Field(() => [EligibilityReason], { description: "Eligible, but the user should know." })
  warnings!: EligibilityReason[];

  @Field(() => DateScalar, { nullable: true, description: "The first day the answer becomes yes, when only a date changes it." })
  eligibleFrom?: string | null;
}
