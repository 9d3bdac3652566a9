import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { BenefitCode, DocumentKind } from "../../rules/catalogue/codes.js";
import type { Applicant, CaseMilestone, CaseStage, CaseStatus, QuotaEffect } from "../../rules/case-workflow/codes.js";
import type { SlaPauseReason } from "../../rules/catalogue/service-definition.js";
import type { SlaState } from "../../rules/sla/compute-sla-clocks.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { Partner } from "../access/partner.type.js";
import { BenefitCodeEnum, DocumentKindEnum } from "../catalogue/catalogue.enums.js";
import { ServiceStep } from "../catalogue/service-step.type.js";
import { Hospital } from "../network/hospital.type.js";
import { Region } from "../network/region.type.js";
import { Node } from "../shared/node.interface.js";
import { FromColumn, Reads } from "../shared/reads.js";
import { PageInfo } from "../shared/page-info.type.js";
import { DateScalar, DateTimeScalar } from "../shared/scalars.js";
import type { CareKind } from "../../rules/case-workflow/submission-rules.js";
import { ApplicantEnum, CareKindEnum, CaseMilestoneEnum, CaseStageEnum, CaseStatusEnum, QuotaEffectEnum, SlaPauseReasonEnum, SlaStateEnum } from "./case.enums.js";

@ObjectType({ simpleResolvers: true, description: "A working-day clock of a case (服务时效)." })
export class SlaClock {
  @Field(() => String)
  milestone!: string;

  @Field(() => Int)
  workingDaysAllowed!: number;

  @Field(() => DateScalar, { nullable: true })
  startedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  metOn?: string | null;

  @Field(() => SlaStateEnum)
  state!: SlaState;

  @Field(() => Boolean, { description: "A year without a published holiday schedule was used (Monday–Friday)." })
  provisional!: boolean;

  @Field(() => SlaPauseReasonEnum, { nullable: true, description: "While PAUSED: why (the condition the handbook's sentence names)." })
  pausedReason?: SlaPauseReason | null;

  @Field(() => DateScalar, { nullable: true, description: "While PAUSED: since when." })
  pausedSince?: string | null;

  @Field(() => Int, { description: "Working days spent paused so far; they extend the due date." })
  pausedWorkingDays!: number;
}

@ObjectType({ simpleResolvers: true, description: "Where a case stands in its service's own workflow. 案件阶段。" })
export class CaseStageView {
  @Field(() => CaseStageEnum)
  code!: CaseStage;

  @Field(() => LocalizedText)
  name!: LocalizedText;

  @Field(() => CaseStatusEnum, { description: "The coarse status the stage counts as." })
  status!: CaseStatus;
}

@ObjectType({ simpleResolvers: true, description: "What a green-channel case asked for (服务流程 2). 就诊需求。" })
export class GreenChannelVisit {
  @Field(() => CareKindEnum, { nullable: true, description: "Inpatient-or-surgery benefit: which of the two." })
  careKind?: CareKind | null;

  @Field(() => String, { nullable: true })
  hospitalName?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Advance payment 温馨提示 4: where the insured is treated and the share advanced. 住院垫付。" })
export class AdvancePayment {
  @Field(() => Boolean, { nullable: true, description: "Treated outside the insured's social-insurance area (异地就医); null when not said." })
  outOfArea?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "The share of covered inpatient costs advanced, in percent: 100 for a malignant tumour treated out of area and settled directly through social insurance; null where the liability determination sets it.",
  })
  sharePercent?: number | null;
}

@ObjectType({ simpleResolvers: true, description: "MDT 服务介绍: the consultation panel, three or more related departments. 会诊科室。" })
export class MdtPanel {
  @Field(() => [String])
  departments!: string[];
}

@ObjectType({ simpleResolvers: true, description: "A milestone the case has reached, on the Shanghai date it first did. 节点。" })
export class CaseMilestoneView {
  @Field(() => CaseMilestoneEnum)
  code!: CaseMilestone;

  @Field(() => DateScalar)
  reachedOn!: string;
}

@ObjectType({ simpleResolvers: true, description: "A document on a case. 案件资料。" })
export class CaseDocument {
  @Field(() => DocumentKindEnum)
  kind!: DocumentKind;

  @Field(() => String, { description: "Where the document is kept (a file id or URL of the partner's system)." })
  reference!: string;

  @Field(() => DateTimeScalar)
  receivedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: "One change of a case: who, when, from, to, why. 案件轨迹。" })
export class CaseEvent {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, { description: "The principal who made the change (never personal data)." })
  actor!: string;

  @Field(() => String)
  action!: string;

  @Field(() => CaseStatusEnum, { nullable: true })
  fromStatus?: CaseStatus | null;

  @Field(() => CaseStatusEnum)
  toStatus!: CaseStatus;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: "One use of one benefit. 服务案件。" })
export class ServiceCase extends Node {
  @Field(() => ID)
  @Reads("caseNo")
  declare id: string;

  @Field(() => String)
  @FromColumn("caseNo")
  caseNo!: string;

  @Field(() => BenefitCodeEnum)
  @FromColumn("benefitCode")
  benefit!: BenefitCode;

  @Field(() => CaseStatusEnum)
  @FromColumn("status")
  status!: CaseStatus;

  @Field(() => ApplicantEnum)
  @FromColumn("applicant")
  applicant!: Applicant;

  @Field(() => Partner, { nullable: true })
  partner?: Partner | null;

  @Field(() => Region, { nullable: true })
  place?: Region | null;

  @Field(() => Hospital, { nullable: true })
  hospital?: Hospital | null;

  @Field(() => DateScalar, { nullable: true })
  @FromColumn("plannedAdmissionDate")
  plannedAdmissionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The date the service is arranged for (SCHEDULE)." })
  @FromColumn("scheduledFor")
  scheduledFor?: string | null;

  @Field(() => Float, { description: "Japan: accompaniment hours so far (40 at most)." })
  @Reads("accompanimentHours")
  accompanimentHours!: number;

  @Field(() => DateTimeScalar)
  @FromColumn("submittedAt")
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @FromColumn("documentsCompletedAt")
  documentsCompletedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @FromColumn("closedAt")
  closedAt?: Date | null;

  @Field(() => QuotaEffectEnum)
  @FromColumn("quotaEffect")
  quotaEffect!: QuotaEffect;

  @Field(() => Int, { description: "Send it back as expectedVersion when changing the case." })
  @FromColumn("version")
  version!: number;

  /** Internal: the workflow stage (exposed as `stage` by the resolver) and the 服务流程 row. */
  stage!: CaseStage;
  stepOrder!: number;
  /** Internal. */
  rowId!: string;
  policyId!: string;
  /** The partner the case is in the hands of; `partner` answers with it. */
  partnerCode?: string | null;
  serviceCode!: string;
}

@ObjectType({ simpleResolvers: true })
export class ServiceCaseEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ServiceCase)
  node!: ServiceCase;
}

@ObjectType({ simpleResolvers: true })
export class ServiceCaseConnection {
  @Field(() => [ServiceCaseEdge])
  edges!: ServiceCaseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** A promise when counted on demand (`Connection`): a resolved field, so every executor awaits it. */
  @Field(() => Int, { simple: false })
  totalCount!: number | Promise<number>;
}

export { ServiceStep };
