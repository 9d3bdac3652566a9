import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { BenefitCode, DocumentKind } from "../../rules/catalogue/codes.js";
import type { Applicant, CaseStatus, QuotaEffect } from "../../rules/case-workflow/codes.js";
import type { SlaState } from "../../rules/sla/compute-sla-clocks.js";
import { Partner } from "../access/partner.type.js";
import { BenefitCodeEnum, DocumentKindEnum } from "../catalogue/catalogue.enums.js";
import { ServiceStep } from "../catalogue/service-step.type.js";
import { Hospital } from "../network/hospital.type.js";
import { Region } from "../network/region.type.js";
import { Node } from "../shared/node.interface.js";
import { PageInfo } from "../shared/page-info.type.js";
import { DateScalar, DateTimeScalar } from "../shared/scalars.js";
import { ApplicantEnum, CaseStatusEnum, QuotaEffectEnum, SlaStateEnum } from "./case.enums.js";

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
  declare id: string;

  @Field(() => String)
  caseNo!: string;

  @Field(() => BenefitCodeEnum)
  benefit!: BenefitCode;

  @Field(() => CaseStatusEnum)
  status!: CaseStatus;

  @Field(() => ApplicantEnum)
  applicant!: Applicant;

  @Field(() => Partner, { nullable: true })
  partner?: Partner | null;

  @Field(() => Region, { nullable: true })
  place?: Region | null;

  @Field(() => Hospital, { nullable: true })
  hospital?: Hospital | null;

  @Field(() => DateScalar, { nullable: true })
  plannedAdmissionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The date the service is arranged for (SCHEDULE)." })
  scheduledFor?: string | null;

  @Field(() => Float, { description: "Japan: accompaniment hours so far (40 at most)." })
  accompanimentHours!: number;

  @Field(() => DateTimeScalar)
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  documentsCompletedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt?: Date | null;

  @Field(() => QuotaEffectEnum)
  quotaEffect!: QuotaEffect;

  @Field(() => Int, { description: "Send it back as expectedVersion when changing the case." })
  version!: number;

  /** Internal. */
  rowId!: string;
  policyId!: string;
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

  /** A promise when counted on demand (`withLazyTotal`): a resolved field, so every executor awaits it. */
  @Field(() => Int, { simple: false })
  totalCount!: number | Promise<number>;
}

export { ServiceStep };
