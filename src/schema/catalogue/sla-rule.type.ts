import { Field, Int, ObjectType } from "type-graphql";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { BenefitCodeEnum } from "./catalogue.enums.js";

@ObjectType({ simpleResolvers: true, description: "A service-level promise in Chinese working days (服务时效). 服务时效（工作日）。" })
export class SlaRule {
  @Field(() => String, { description: "Machine name of the milestone, e.g. APPOINTMENT_ARRANGED." })
  milestone!: string;

  @Field(() => LocalizedText, { description: "What starts the clock. 起算时点。" })
  startsWhen!: LocalizedText;

  @Field(() => Int, { description: "Working days allowed (the lower bound of a range such as 10–15)." })
  workingDays!: number;

  @Field(() => Int, { nullable: true, description: "The upper bound when the handbook gives a range (10–15 → 15)." })
  upToWorkingDays?: number;

  @Field(() => [BenefitCodeEnum], { description: "The benefits this clock applies to." })
  benefits!: BenefitCode[];

  @Field(() => String, { description: "The handbook sentence it comes from. 手册原文。" })
  source!: string;
}
