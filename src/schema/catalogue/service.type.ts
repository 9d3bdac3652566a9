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
}
