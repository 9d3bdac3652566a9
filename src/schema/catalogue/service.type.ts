import { Field, ObjectType } from "type-graphql";
import type { DocumentKind, ServiceCode } from "../../rules/catalogue/codes.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { Benefit } from "./benefit.type.js";
import { DocumentKindEnum, ServiceCodeEnum } from "./catalogue.enums.js";
import { ServiceStep } from "./service-step.type.js";
import { SlaRule } from "./sla-rule.type.js";

@ObjectType({ simpleResolvers: true, description: "A health-management service of the policy, as the 2022 handbook describes it. 健康管理服务。" })
export class Service {
  @Field(() => ServiceCodeEnum)
  code!: ServiceCode;

  @Field(() => LocalizedText)
  name!: LocalizedText;

  @Field(() => LocalizedText, { description: "服务介绍" })
  description!: LocalizedText;

  @Field(() => [Benefit], { description: "服务次数: the benefits and their quotas." })
  benefits!: Benefit[];

  @Field(() => [ServiceStep], { description: "服务流程: the handbook's process, in order." })
  steps!: ServiceStep[];

  @Field(() => [SlaRule], { description: "服务时效: the working-day promises." })
  slas!: SlaRule[];

  @Field(() => [DocumentKindEnum], { description: "Documents asked for when applying. 申请所需资料。" })
  requiredDocuments!: DocumentKind[];

  @Field(() => [LocalizedText], { description: "温馨提示: the handbook's notes, in order." })
  notes!: LocalizedText[];

  @Field(() => LocalizedText, { nullable: true, description: "服务时间 as the handbook gives it (7×24, holidays included)." })
  hours?: LocalizedText | null;

  @Field(() => [LocalizedText], { description: "服务条件 as printed, item by item (who qualifies, what to provide; the gene test's sample kinds)." })
  conditions!: LocalizedText[];

  @Field(() => [LocalizedText], { description: "服务标准 as printed (hours, doctors' seniority, 本服务不可指定医生, time limits), with the hospital scope 服务介绍 names." })
  standards!: LocalizedText[];
}

@ObjectType({ simpleResolvers: true, description: "The handbook the catalogue follows, and its notice. 服务手册。" })
export class Handbook {
  @Field(() => String)
  edition!: string;

  @Field(() => [LocalizedText], { description: "Not part of the insurance contract; the insurer may change it; the policy prevails. 声明。" })
  disclaimer!: LocalizedText[];

  @Field(() => LocalizedText, { description: "The networks are updated; the insurer's official channels prevail. 网络说明。" })
  networkCaveat!: LocalizedText;
}
