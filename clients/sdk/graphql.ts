/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddCaseDocumentsInput = {
  caseId: string | number;
  documents: Array<DocumentInput>;
  /** When given, a stale version is refused. */
  expectedVersion?: number | null | undefined;
};

/** Who applied: the insured, the policyholder on the insured's behalf, or (family doctor only) a family member of the insured. */
export type Applicant =
  | 'FAMILY_MEMBER'
  | 'INSURED'
  | 'POLICYHOLDER';

/** A benefit with its own quota; a service has one or more. 服务权益（各有次数）。 */
export type BenefitCode =
  | 'FAMILY_DOCTOR'
  | 'GENE_TEST'
  | 'GREEN_CHANNEL_INPATIENT_OR_SURGERY'
  | 'GREEN_CHANNEL_OUTPATIENT'
  | 'INPATIENT_ADVANCE_PAYMENT'
  | 'JAPAN_TREATMENT'
  | 'MDT_CONSULTATION'
  | 'SECOND_OPINION';

/** Green channel 住院或手术协调: an admission or surgery. 住院或手术。 */
export type CareKind =
  | 'INPATIENT'
  | 'SURGERY';

/** A step that moves a case. 案件操作。 */
export type CaseAction =
  /** UNDER_REVIEW/INVESTIGATING → APPROVED */
  | 'APPROVE'
  /** Japan: a specialist is assigned (服务流程 5, 2 working days) */
  | 'ASSIGN_SPECIALIST'
  /** → CANCELLED where the service allows; used once past its cut-off */
  | 'CANCEL'
  /** → COMPLETED; the quota is consumed */
  | 'COMPLETE'
  /** Gene test without a sample: the service ends with the policy (温馨提示 1 随保单有效期到期终止); only once the policy is no longer in force; the use is given back */
  | 'END_WITH_POLICY'
  /** Japan: the insured is told the service starts (服务流程 4, 1 working day) */
  | 'NOTIFY_START'
  /** Japan, in Japan: add accompaniment hours (40 in total at most) */
  | 'RECORD_ACCOMPANIMENT'
  /** Japan: admitted for treatment (服务流程 11) */
  | 'RECORD_ADMISSION'
  /** Japan: the acceptance letter is in (服务流程 6); the medical visa is applied for (the clock stays paused) */
  | 'RECORD_HOSPITAL_ACCEPTANCE'
  /** Japan: the insured cannot go for reasons of their own once the service started; counts as used (温馨提示 2) */
  | 'RECORD_INSURED_FAILURE'
  /** Advance: the investigation (查勘) result is notified; meets its 15-day clock */
  | 'RECORD_INVESTIGATION_RESULT'
  /** Gene test: the insured cannot provide a sample (温馨提示 1); the case waits, still open, for a sample or the policy's end */
  | 'RECORD_NO_SAMPLE'
  /** SCHEDULED → NO_SHOW; counts as used */
  | 'RECORD_NO_SHOW'
  /** Advance: the insured refused to sign at admission; counts as completed (温馨提示 5) */
  | 'RECORD_REFUSAL_TO_SIGN'
  /** Japan: the medical visa is issued (服务流程 7); the 40-day clock resumes */
  | 'RECORD_VISA_ISSUED'
  /** before APPROVED → REJECTED; the quota is released */
  | 'REJECT'
  /** Japan: records sent to the Japanese hospital; the 40-day clock pauses until it accepts */
  | 'REQUEST_HOSPITAL_ACCEPTANCE'
  /** advance payment only: UNDER_REVIEW → INVESTIGATING (查勘) */
  | 'REQUEST_INVESTIGATION'
  /** Advance: a liability determination is needed (温馨提示 1); the arrangement clock pauses */
  | 'REQUEST_LIABILITY_REVIEW'
  /** APPROVED → SCHEDULED with scheduledFor: the service is arranged (Japan: the whole trip, 服务流程 9) */
  | 'SCHEDULE'
  /** Japan: direct billing set up, direct-billing and claim authorisations signed (服务流程 8) */
  | 'SET_UP_DIRECT_BILLING'
  /** SCHEDULED → IN_PROGRESS (visit, admission, consultation held, sample at the lab, arrival in Japan) */
  | 'START'
  /** SUBMITTED → UNDER_REVIEW (资料审核; second opinion: record preparation starts) */
  | 'START_REVIEW'
  /** Gene test: sample collection starts (服务流程 4); no cancellation from here */
  | 'START_SAMPLE_COLLECTION';

/** What case metrics are grouped by. 统计维度。 */
export type CaseMetricDimension =
  | 'BENEFIT'
  | 'CITY'
  | 'CLOCK'
  | 'MONTH'
  | 'PARTNER'
  | 'PROVINCE'
  | 'SERVICE'
  | 'SLA_STATE'
  | 'STATUS';

/** Which cases the metrics count. */
export type CaseMetricsFilter = {
  /** Recompute the metrics as they stood at the end of this Shanghai date, from the case event log: only cases submitted by then, each in the status its last event by then gave it, SLA states and turnaround as of that day. Defaults to now. */
  asOf?: string | null | undefined;
  partnerCodes?: Array<string> | null | undefined;
  provinceCodes?: Array<string> | null | undefined;
  services?: Array<ServiceCode> | null | undefined;
  /** Submitted on or after this Shanghai date. */
  submittedFrom?: string | null | undefined;
  /** Submitted on or before this Shanghai date. */
  submittedTo?: string | null | undefined;
};

/** Where a case is in its workflow. 案件状态。 */
export type CaseStatus =
  | 'APPROVED'
  | 'AWAITING_DOCUMENTS'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'INVESTIGATING'
  | 'IN_PROGRESS'
  | 'NO_SHOW'
  | 'REJECTED'
  | 'SCHEDULED'
  | 'SUBMITTED'
  | 'UNDER_REVIEW';

export type DocumentInput = {
  kind: DocumentKind;
  /** Defaults to now; never in the future. */
  receivedAt?: string | null | undefined;
  /** Where the document is kept (1–500 characters). */
  reference: string;
};

/** Kinds of documents a case collects. 资料类型。 */
export type DocumentKind =
  /** 住院通知单 Admission notice */
  | 'ADMISSION_NOTICE'
  /** 医疗垫付知情同意书 Advance-payment consent */
  | 'ADVANCE_CONSENT'
  /** 住院垫付担保函 Advance guarantee letter */
  | 'ADVANCE_GUARANTEE_LETTER'
  /** 血液检测报告 Blood test report */
  | 'BLOOD_TEST'
  /** 理赔授权书 Claim authorisation */
  | 'CLAIM_AUTHORIZATION'
  /** CT 报告 */
  | 'CT_REPORT'
  /** 住院押金单 Deposit receipt */
  | 'DEPOSIT_RECEIPT'
  /** 直付授权书 Direct-billing authorisation (Japan, 服务流程 8: 直付和理赔授权书, with CLAIM_AUTHORIZATION) */
  | 'DIRECT_BILLING_AUTHORIZATION'
  /** 出院小结 Discharge summary */
  | 'DISCHARGE_SUMMARY'
  /** 基因检测样本 Gene-test sample */
  | 'GENE_SAMPLE'
  /** 日本医院接收函 Japanese hospital acceptance letter */
  | 'HOSPITAL_ACCEPTANCE_LETTER'
  /** 住院发票 Hospital invoice */
  | 'HOSPITAL_INVOICE'
  /** 多学科会诊委托书 MDT proxy authorisation */
  | 'MDT_PROXY_AUTHORIZATION'
  /** MRI 报告 */
  | 'MRI_REPORT'
  /** 其他 Other */
  | 'OTHER'
  /** 门诊病历 Outpatient record */
  | 'OUTPATIENT_RECORD'
  /** 病理报告 Pathology report */
  | 'PATHOLOGY_REPORT'
  /** 手术通知单 Surgery notice */
  | 'SURGERY_NOTICE';

/** Why a benefit cannot be used now, or what the user should know. 不符合条件的原因/提示。 */
export type EligibilityReasonCode =
  | 'ADMISSION_TOO_SOON'
  | 'ALREADY_ADMITTED'
  | 'BENEFIT_NOT_ON_POLICY'
  | 'CALENDAR_PROVISIONAL'
  | 'DIAGNOSED_IN_WAITING_PERIOD'
  | 'FIRST_ADVANCE_MAY_NEED_REVIEW'
  | 'HOSPITAL_DIVISION_NOT_GENERAL'
  | 'HOSPITAL_GRADE_TOO_LOW'
  | 'HOSPITAL_NOT_IN_NETWORK'
  | 'HOSPITAL_NOT_PUBLIC'
  | 'HOSPITAL_NOT_VERIFIED'
  | 'ID_NUMBER_REQUIRED'
  | 'NOT_MALIGNANT_TUMOR'
  | 'NO_COVERED_DIAGNOSIS'
  | 'PATHOLOGY_REPORT_REQUIRED'
  | 'PLACE_NOT_COVERED'
  | 'POLICY_NOT_IN_FORCE'
  | 'QUOTA_EXHAUSTED'
  | 'SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE'
  | 'WAITING_PERIOD';

/** 保单状态 Policy status. */
export type PolicyStatus =
  /** 有效 In force (within its dates). */
  | 'ACTIVE'
  /** 退保/撤销 Cancelled. */
  | 'CANCELLED'
  /** 满期 Expired. */
  | 'EXPIRED'
  /** 失效 Lapsed (premium unpaid). */
  | 'LAPSED';

/** What the case does to its benefit's quota. 对服务次数的影响。 */
export type QuotaEffect =
  | 'CONSUMED'
  | 'NONE'
  | 'RELEASED'
  | 'RESERVED';

/** GB/T 2260 level of a division. 行政区划级别。 */
export type RegionLevel =
  /** 县级 County-level city, county or district. */
  | 'COUNTY'
  /** 地级 Prefecture-level city, prefecture or autonomous prefecture. */
  | 'PREFECTURE'
  /** 省级 Province, municipality or autonomous region. */
  | 'PROVINCE';

/** The seven health-management services. 七项健康管理服务。 */
export type ServiceCode =
  /** 家庭医生 Online family doctor */
  | 'FAMILY_DOCTOR'
  /** 靶向药基因检测 Targeted-drug gene testing */
  | 'GENE_TEST'
  /** 就医绿色通道 Hospital green channel */
  | 'GREEN_CHANNEL'
  /** 住院垫付服务 Hospitalisation advance payment */
  | 'INPATIENT_ADVANCE'
  /** 赴日就医协助 Treatment in Japan */
  | 'JAPAN_CARE'
  /** MDT 多学科会诊 Multidisciplinary consultation */
  | 'MDT'
  /** 国内第二诊疗意见 Second medical opinion */
  | 'SECOND_OPINION';

/** State of an SLA clock. 时效状态。 */
export type SlaState =
  | 'BREACHED'
  | 'DUE_TODAY'
  | 'MET'
  | 'MISSED'
  | 'NOT_STARTED'
  | 'ON_TRACK'
  | 'PAUSED';

/** Open a case for one use of a benefit. 提交服务申请。 */
export type SubmitCaseInput = {
  applicant: Applicant;
  benefit: BenefitCode;
  /** Green channel inpatient or surgery: which of the two (服务流程 2); required for that benefit. */
  careKind?: CareKind | null | undefined;
  /** Green channel: the department asked for (服务流程 2); a 特需 or 国际 department is not the ordinary division (普通部). */
  department?: string | null | undefined;
  /** The policy's diagnosis the case is for (Diagnosis.id); by default the earliest that qualifies. 所患疾病。 */
  diagnosisId?: string | number | null | undefined;
  documents?: Array<DocumentInput> | null | undefined;
  /** Run every rule, write nothing. */
  dryRun?: boolean | null | undefined;
  hospitalId?: string | number | null | undefined;
  /** Green channel (服务流程 2) and advance payment: the hospital. Checked against the insurer's hospital registry: the green channel needs a public 三级甲等 hospital's ordinary division (三级甲等公立医院普通部), the advance a public hospital of grade 2 or above (二级及以上公立医院); one the registry does not know is accepted with the warning HOSPITAL_NOT_VERIFIED. The service cannot name a doctor (本服务不可指定医生). */
  hospitalName?: string | null | undefined;
  /** A retry with the same key returns the first result and writes nothing. */
  idempotencyKey: string;
  /** Advance payment: treated outside the insured's social-insurance area (异地就医, 温馨提示 4). With social-insurance settlement and a malignant tumour the advance covers 100 % of the covered inpatient costs. */
  outOfArea?: boolean | null | undefined;
  /** A city as typed, or its code. */
  place?: string | null | undefined;
  /** Advance payment: the planned admission date (≥ 5 working days ahead). */
  plannedAdmissionDate?: string | null | undefined;
  policyNo: string;
  /** Advance payment: will the insured settle through social insurance? Required when the insured is insured with social insurance (温馨提示 4). */
  usesSocialInsuranceSettlement?: boolean | null | undefined;
};

export type TransitionCaseInput = {
  accompanimentHours?: number | null | undefined;
  action: CaseAction;
  /** MDT START: attended by the vendor's staff for the insured (needs MDT_PROXY_AUTHORIZATION); refused while an operator has it suspended (温馨提示 1 ②). */
  byProxy?: boolean | null | undefined;
  caseId: string | number;
  /** MDT SCHEDULE: the departments on the consultation panel, three or more (匹配三个或三个以上相关科室). */
  departments?: Array<string> | null | undefined;
  /** Optimistic concurrency: a stale version is a userError and nothing is written. */
  expectedVersion: number;
  /** Japan RECORD_HOSPITAL_ACCEPTANCE: the accepting hospital (Hospital.id), one of the listed Japanese hospitals (服务标准 2); defaults to the case's hospital. */
  hospitalId?: string | number | null | undefined;
  /** Japan RECORD_HOSPITAL_ACCEPTANCE: the accepting hospital by name (中文, 日本語 or an alias) when no hospitalId is given; a hospital not on the list is refused. */
  hospitalName?: string | null | undefined;
  note?: string | null | undefined;
  /** When it happened; defaults to now; never in the future nor before the previous event. */
  occurredAt?: string | null | undefined;
  scheduledFor?: string | null | undefined;
};

export type CaseMetricsReportQueryVariables = Exact<{
  groupBy: Array<CaseMetricDimension> | CaseMetricDimension;
  filter?: CaseMetricsFilter | null | undefined;
}>;


export type CaseMetricsReportQuery = { caseMetrics: Array<{ cases: number, open: number, completed: number, slaMet: number, slaBreached: number, slaAttainment: number | null, medianWorkingDaysToComplete: number | null, p90WorkingDaysToComplete: number | null, keys: { service: ServiceCode | null, benefit: BenefitCode | null, status: CaseStatus | null, provinceCode: string | null, cityCode: string | null, month: string | null, partnerCode: string | null, slaState: SlaState | null } }> };

export type EntitlementsQueryVariables = Exact<{
  policyNo: string;
  asOf?: string | null | undefined;
}>;


export type EntitlementsQuery = { policy: { policyNo: string, status: PolicyStatus, effectiveFrom: string, effectiveTo: string, waitingPeriodEndsOn: string, insured: { name: string, idNumberMasked: string | null, phoneMasked: string | null }, entitlements: Array<{ benefit: BenefitCode, unlimited: boolean, quotaTotal: number | null, used: number, reserved: number, remaining: number | null, service: { code: ServiceCode, name: { zh: string, en: string | null } }, eligibility: { eligible: boolean, eligibleFrom: string | null, reasons: Array<{ code: EligibilityReasonCode, date: string | null, message: { zh: string, en: string | null } }>, warnings: Array<{ code: EligibilityReasonCode, message: { zh: string, en: string | null } }> } }> } | null };

export type CatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogueQuery = { services: Array<{ code: ServiceCode, requiredDocuments: Array<DocumentKind>, name: { zh: string, en: string | null }, description: { zh: string, en: string | null }, benefits: Array<{ code: BenefitCode, quota: number | null, unlimited: boolean, name: { zh: string, en: string | null } }>, steps: Array<{ order: number, name: { zh: string, en: string | null }, description: { zh: string, en: string | null } }>, slas: Array<{ milestone: string, workingDays: number, upToWorkingDays: number | null, startsWhen: { zh: string, en: string | null } }>, notes: Array<{ zh: string, en: string | null }> }> };

export type CoverageQueryVariables = Exact<{
  service: ServiceCode;
  place: string;
}>;


export type CoverageQuery = { coverage: { covered: boolean, note: string | null, region: { code: string, name: string, level: RegionLevel, province: { code: string, name: string } | null } | null, candidates: Array<{ code: string, name: string, province: { name: string } | null }> } };

export type PartnerSubmitCaseMutationVariables = Exact<{
  input: SubmitCaseInput;
}>;


export type PartnerSubmitCaseMutation = { submitCase: { serviceCase: { id: string, caseNo: string, status: CaseStatus, version: number, missingDocuments: Array<DocumentKind> } | null, eligibility: { eligible: boolean, reasons: Array<{ code: EligibilityReasonCode, date: string | null, message: { zh: string, en: string | null } }>, warnings: Array<{ code: EligibilityReasonCode }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: { zh: string, en: string | null } }> } };

export type PartnerAddDocumentsMutationVariables = Exact<{
  input: AddCaseDocumentsInput;
}>;


export type PartnerAddDocumentsMutation = { addCaseDocuments: { serviceCase: { id: string, status: CaseStatus, version: number, missingDocuments: Array<DocumentKind>, documentsCompletedAt: string | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: { zh: string, en: string | null } }> } };

export type PartnerTransitionMutationVariables = Exact<{
  input: TransitionCaseInput;
}>;


export type PartnerTransitionMutation = { transitionCase: { serviceCase: { id: string, status: CaseStatus, version: number, quotaEffect: QuotaEffect, step: { order: number, name: { zh: string, en: string | null } }, sla: Array<{ milestone: string, dueOn: string | null, state: SlaState }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: { zh: string, en: string | null } }> } };

export type PartnerCaseQueryVariables = Exact<{
  caseNo: string;
}>;


export type PartnerCaseQuery = { serviceCase: { caseNo: string, status: CaseStatus, version: number, quotaEffect: QuotaEffect, sla: Array<{ milestone: string, workingDaysAllowed: number, startedOn: string | null, dueOn: string | null, metOn: string | null, state: SlaState, provisional: boolean }>, events: Array<{ at: string, actor: string, action: string, fromStatus: CaseStatus | null, toStatus: CaseStatus, note: string | null }> } | null };


export const CaseMetricsReportDocument = {"__meta__":{"hash":"sha256:9e52e0c232837bbc0eb92d0907d5904a341e9bf613f8b1d3dfedf504de2465f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseMetricsReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseMetricDimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseMetricsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"benefit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"cityCode"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"partnerCode"}},{"kind":"Field","name":{"kind":"Name","value":"slaState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"slaMet"}},{"kind":"Field","name":{"kind":"Name","value":"slaBreached"}},{"kind":"Field","name":{"kind":"Name","value":"slaAttainment"}},{"kind":"Field","name":{"kind":"Name","value":"medianWorkingDaysToComplete"}},{"kind":"Field","name":{"kind":"Name","value":"p90WorkingDaysToComplete"}}]}}]}}]} as unknown as DocumentNode<CaseMetricsReportQuery, CaseMetricsReportQueryVariables>;
export const EntitlementsDocument = {"__meta__":{"hash":"sha256:f99c5ae409ee2fc9231798c627eedd452319b7273b8ee61158957502380a5993"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Entitlements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policyNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policyNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policyNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPeriodEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"insured"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"phoneMasked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entitlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefit"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"quotaTotal"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleFrom"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitlementsQuery, EntitlementsQueryVariables>;
export const CatalogueDocument = {"__meta__":{"hash":"sha256:df400ddc2483120a326c40136642405ddbf29f08e4e84914f8ab6edc22946b96"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"description"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"slas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestone"}},{"kind":"Field","name":{"kind":"Name","value":"workingDays"}},{"kind":"Field","name":{"kind":"Name","value":"upToWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"startsWhen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const CoverageDocument = {"__meta__":{"hash":"sha256:8213153397c1257ec6f52cde63b7ff86fd1068b164eb5919efd23fefc821c2e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Coverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"service"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"place"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"service"},"value":{"kind":"Variable","name":{"kind":"Name","value":"service"}}},{"kind":"Argument","name":{"kind":"Name","value":"place"},"value":{"kind":"Variable","name":{"kind":"Name","value":"place"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"covered"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageQuery, CoverageQueryVariables>;
export const PartnerSubmitCaseDocument = {"__meta__":{"hash":"sha256:ba17f105e12e92886640e2571c4e97313c867d73afe49d57efdf179289a12438"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PartnerSubmitCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerSubmitCaseMutation, PartnerSubmitCaseMutationVariables>;
export const PartnerAddDocumentsDocument = {"__meta__":{"hash":"sha256:2210e5eef4ec2aebc6c2c856df4b2e38a9b3b5e96d73958a10a826b3a60fbe04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PartnerAddDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCaseDocumentsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCaseDocuments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"documentsCompletedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerAddDocumentsMutation, PartnerAddDocumentsMutationVariables>;
export const PartnerTransitionDocument = {"__meta__":{"hash":"sha256:bf59d2b5fb920dee3770c9cc038529f293027b4455e65cfc76f43b7260bfc9c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PartnerTransition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"quotaEffect"}},{"kind":"Field","name":{"kind":"Name","value":"step"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestone"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zh"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerTransitionMutation, PartnerTransitionMutationVariables>;
export const PartnerCaseDocument = {"__meta__":{"hash":"sha256:3672e4fea999f4ef8ce97f9296c4755267b2851b44c826e9ed143addee671908"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"quotaEffect"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestone"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"metOn"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"provisional"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerCaseQuery, PartnerCaseQueryVariables>;