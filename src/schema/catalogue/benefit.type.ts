import { Field, Int, ObjectType } from "type-graphql";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { BenefitCodeEnum } from "./catalogue.enums.js";

@ObjectType({ simpleResolvers: true, description: "A benefit of a service and its quota per policy. 服务权益及每张保单的次数。" })
export class Benefit {
  @Field(() => BenefitCodeEnum)
  code!: BenefitCode;

  @Field(() => LocalizedText)
  name!: LocalizedText;

  @Field(() => Int, { nullable: true, description: "Times per policy; null when unlimited. 服务次数；不限次数时为空。" })
  quota!: number | null;

  @Field(() => Boolean, { description: "No quota: the benefit may be used any number of times. 不限次数。" })
  unlimited!: boolean;

  @Field(() => Boolean, {
    description: "On every policy of the product; false when the policy must list it (赴日就医: 以保单载明责任为准).",
  })
  standard!: boolean;
}
