import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import type { BenefitCode, ServiceCode } from "../../rules/catalogue/codes.js";
import type { CaseStatus } from "../../rules/case-workflow/codes.js";
import type { SlaState } from "../../rules/sla/compute-sla-clocks.js";
import { BenefitCodeEnum, ServiceCodeEnum } from "../catalogue/catalogue.enums.js";
import { CaseStatusEnum, SlaStateEnum } from "../case/case.enums.js";
import { enumFromCodes } from "../shared/enums.js";
import { DateScalar } from "../shared/scalars.js";

export const CASE_METRIC_DIMENSIONS = ["SERVICE", "BENEFIT", "STATUS", "PROVINCE", "CITY", "MONTH", "PARTNER", "SLA_STATE", "CLOCK"] as const;
export type CaseMetricDimension = (typeof CASE_METRIC_DIMENSIONS)[number];
export const CaseMetricDimensionEnum = enumFromCodes(CASE_METRIC_DIMENSIONS, "CaseMetricDimension", "What case metrics are grouped by. 统计维度。");

@InputType({ description: "Which cases the metrics count." })
export class CaseMetricsFilter {
  @Field(() => [ServiceCodeEnum], { nullable: true })
  services?: ServiceCode[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or after this Shanghai date." })
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or before this Shanghai date." })
  submittedTo?: string | null;

  @Field(() => [String], { nullable: true })
  provinceCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  partnerCodes?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Recompute the metrics as they stood at the end of this Shanghai date, from the case event log: only cases submitted by then, each in the status its last event by then gave it, SLA states and turnaround as of that day. Defaults to now.",
  })
  asOf?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "The group a row counts; keys of dimensions not grouped by are null." })
export class CaseMetricKeys {
  @Field(() => ServiceCodeEnum, { nullable: true })
  service?: ServiceCode | null;

  @Field(() => BenefitCodeEnum, { nullable: true })
  benefit?: BenefitCode | null;

  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  cityCode?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM of submission, Asia/Shanghai." })
  month?: string | null;

  @Field(() => String, { nullable: true })
  partnerCode?: string | null;

  @Field(() => SlaStateEnum, { nullable: true, description: "The state of the case's first SLA clock; grouped by CLOCK as well, the state of that clock." })
  slaState?: SlaState | null;

  @Field(() => String, {
    nullable: true,
    description: "The SLA clock (its name, as ServiceCase.sla.milestone: e.g. ARRANGEMENT_COMPLETE); null for cases of a service without clocks. Grouped by CLOCK, a case counts once under each of its clocks.",
  })
  clock?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Case measures for one group. Definitions: docs/metrics.md." })
export class CaseMetricsRow {
  @Field(() => CaseMetricKeys)
  keys!: CaseMetricKeys;

  @Field(() => Int)
  cases!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int, { description: "SLA clocks of the group's cases met on time: every clock of a case counts, not only its first." })
  slaMet!: number;

  @Field(() => Int, { description: "SLA clocks of the group's cases met late or past due and not met: every clock counts." })
  slaBreached!: number;

  @Field(() => Float, { nullable: true, description: "slaMet / (slaMet + slaBreached); null when both are 0." })
  slaAttainment?: number | null;

  @Field(() => Float, { nullable: true })
  medianWorkingDaysToComplete?: number | null;

  @Field(() => Float, { nullable: true })
  p90WorkingDaysToComplete?: number | null;
}
