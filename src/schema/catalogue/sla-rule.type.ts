import { Field, Int, ObjectType } from "type-graphql";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import type { CaseMilestone } from "../../rules/case-workflow/codes.js";
import type { SlaPauseReason } from "../../rules/catalogue/service-definition.js";
import { CaseMilestoneEnum, SlaPauseReasonEnum } from "../case/case.enums.js";
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

  @Field(() => CaseMilestoneEnum, { description: "The case milestone that starts the clock (never before the documents are complete)." })
  startsAt!: CaseMilestone;

  @Field(() => [CaseMilestoneEnum], { description: "The case milestones that meet it (the first reached)." })
  metBy!: CaseMilestone[];

  @Field(() => [SlaPauseReasonEnum], { description: "The conditions that pause it; a paused span does not count against the deadline." })
  pausedWhile!: SlaPauseReason[];
}
