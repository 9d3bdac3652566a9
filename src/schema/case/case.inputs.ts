import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import type { BenefitCode, DocumentKind, ServiceCode } from "../../rules/catalogue/codes.js";
import type { Applicant, CaseAction, CaseStatus } from "../../rules/case-workflow/codes.js";
import { clauseExcerpt } from "../../rules/handbook/clauses.js";
import { BenefitCodeEnum, DocumentKindEnum, ServiceCodeEnum } from "../catalogue/catalogue.enums.js";
import { Eligibility } from "../entitlement/eligibility.type.js";
import { DateScalar, DateTimeScalar } from "../shared/scalars.js";
import { UserError } from "../shared/user-error.type.js";
import { ApplicantEnum, CareKindEnum, CaseActionEnum, CaseStatusEnum } from "./case.enums.js";
import type { CareKind } from "../../rules/case-workflow/submission-rules.js";
import { ServiceCase } from "./service-case.type.js";

@InputType()
export class DocumentInput {
  @Field(() => DocumentKindEnum)
  kind!: DocumentKind;

  @Field(() => String, { description: "Where the document is kept (1–500 characters)." })
  reference!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "Defaults to now; never in the future." })
  receivedAt?: Date | null;
}

@InputType({ description: "Open a case for one use of a benefit. 提交服务申请。" })
export class SubmitCaseInput {
  @Field(() => String, { description: "A retry with the same key returns the first result and writes nothing." })
  idempotencyKey!: string;

  @Field(() => String)
  policyNo!: string;

  @Field(() => BenefitCodeEnum)
  benefit!: BenefitCode;

  @Field(() => ApplicantEnum)
  applicant!: Applicant;

  @Field(() => String, { nullable: true, description: "A city as typed, or its code." })
  place?: string | null;

  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Advance payment: the planned admission date (≥ 5 working days ahead)." })
  plannedAdmissionDate?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Advance payment: will the insured settle through social insurance? Required when the insured is insured with social insurance (温馨提示 4).",
  })
  usesSocialInsuranceSettlement?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Advance payment: treated outside the insured's social-insurance area (异地就医, 温馨提示 4). With social-insurance settlement and a malignant tumour the advance covers 100 % of the covered inpatient costs.",
  })
  outOfArea?: boolean | null;

  @Field(() => ID, { nullable: true, description: "The policy's diagnosis the case is for (Diagnosis.id); by default the earliest that qualifies. 所患疾病。" })
  diagnosisId?: string | null;

  @Field(() => CareKindEnum, { nullable: true, description: "Green channel inpatient or surgery: which of the two (服务流程 2); required for that benefit." })
  careKind?: CareKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Green channel (服务流程 2) and advance payment: the hospital. Checked against the insurer's hospital registry: the green channel needs a public 三级甲等 hospital's ordinary division (三级甲等公立医院普通部), the advance a public hospital of grade 2 or above (二级及以上公立医院); one the registry does not know is accepted with the warning HOSPITAL_NOT_VERIFIED. The service cannot name a doctor (本服务不可指定医生).",
  })
  hospitalName?: string | null;

  @Field(() => String, { nullable: true, description: "Green channel: the department asked for (服务流程 2); a 特需 or 国际 department is not the ordinary division (普通部)." })
  department?: string | null;

  @Field(() => [DocumentInput], { nullable: true })
  documents?: DocumentInput[] | null;

  @Field(() => Boolean, { nullable: true, description: "Run every rule, write nothing." })
  dryRun?: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class SubmitCasePayload {
  @Field(() => ServiceCase, { nullable: true })
  serviceCase?: ServiceCase | null;

  @Field(() => Eligibility, { nullable: true })
  eligibility?: Eligibility | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class AddCaseDocumentsInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => [DocumentInput])
  documents!: DocumentInput[];

  @Field(() => Int, { nullable: true, description: "When given, a stale version is refused." })
  expectedVersion?: number | null;
}

@InputType()
export class TransitionCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => CaseActionEnum)
  action!: CaseAction;

  @Field(() => Int, { description: "Optimistic concurrency: a stale version is a userError and nothing is written." })
  expectedVersion!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it happened; defaults to now; never in the future nor before the previous event." })
  occurredAt?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  scheduledFor?: string | null;

  @Field(() => Float, { nullable: true })
  accompanimentHours?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "MDT START: attended by the vendor's staff for the insured (needs MDT_PROXY_AUTHORIZATION); refused while an operator has it suspended (温馨提示 1 ②).",
  })
  byProxy?: boolean | null;

  @Field(() => [String], { nullable: true, description: `MDT SCHEDULE: the departments on the consultation panel, three or more (${clauseExcerpt("MDT.介绍.1", "匹配三个", "相关科室")}).` })
  departments?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "Japan RECORD_HOSPITAL_ACCEPTANCE: the accepting hospital (Hospital.id), one of the listed Japanese hospitals (服务标准 2); defaults to the case's hospital.",
  })
  hospitalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Japan RECORD_HOSPITAL_ACCEPTANCE: the accepting hospital by name (中文, 日本語 or an alias) when no hospitalId is given; a hospital not on the list is refused.",
  })
  hospitalName?: string | null;
}

@InputType({ description: "Hand a case to a partner (ADMIN, OPERATOR). 指派服务商。" })
export class AssignCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: "A partner contracted for the case's service." })
  partnerCode!: string;

  @Field(() => Int, { description: "Optimistic concurrency: a stale version is a userError and nothing is written." })
  expectedVersion!: number;
}

@ObjectType({ simpleResolvers: true })
export class CasePayload {
  @Field(() => ServiceCase, { nullable: true })
  serviceCase?: ServiceCase | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: "Which cases to list." })
export class CaseFilter {
  @Field(() => [ServiceCodeEnum], { nullable: true })
  services?: ServiceCode[] | null;

  @Field(() => [CaseStatusEnum], { nullable: true })
  statuses?: CaseStatus[] | null;

  @Field(() => String, { nullable: true })
  policyNo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or after this Shanghai date." })
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or before this Shanghai date." })
  submittedTo?: string | null;
}
