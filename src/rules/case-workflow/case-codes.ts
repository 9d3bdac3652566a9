// The userErrors of the case mutations (submitCase, addCaseDocuments, transitionCase), with zh and
// en text. A code without both texts does not compile: the messages are a Record over the code list.
// An eligibility refusal of submitCase carries the eligibility reason codes (../eligibility/reason-codes.ts).
import { clauseExcerpt } from "../handbook/clauses.js";
import type { LocalizedText } from "../shared/localized-text.js";
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";

export const CASE_CODES = [
  // submitCase
  "UNKNOWN_POLICY",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  "INVALID_PLACE",
  "APPLICANT_NOT_FOR_BENEFIT",
  "FIELD_NOT_FOR_BENEFIT",
  "INVALID_TEXT",
  "PLACE_REQUIRED",
  "UNKNOWN_PLACE",
  "UNKNOWN_DIAGNOSIS",
  "CARE_KIND_REQUIRED",
  "PLANNED_ADMISSION_DATE_REQUIRED",
  "SOCIAL_INSURANCE_SETTLEMENT_REQUIRED",
  // documents (submitCase, addCaseDocuments)
  "INVALID_DOCUMENT_REFERENCE",
  "RECEIVED_IN_FUTURE",
  "TOO_MANY_DOCUMENTS",
  "NO_DOCUMENTS",
  "CASE_CLOSED",
  // an existing case (addCaseDocuments, transitionCase)
  "UNKNOWN_CASE",
  "STALE_VERSION",
  // transitionCase
  "OCCURRED_IN_FUTURE",
  "OCCURRED_BEFORE_PREVIOUS_EVENT",
  "NOTE_TOO_LONG",
  "ACTION_NOT_ALLOWED",
  "ACTION_NOT_FOR_SERVICE",
  "DOCUMENTS_REQUIRED",
  "SCHEDULED_FOR_REQUIRED",
  "SCHEDULED_IN_PAST",
  "ACCOMPANIMENT_HOURS_REQUIRED",
  "ACCOMPANIMENT_LIMIT_EXCEEDED",
  "CANCELLATION_NOT_ALLOWED",
  "CHANGE_NOT_ALLOWED",
  "BEFORE_APPOINTMENT_DAY",
  "POLICY_STILL_IN_FORCE",
  "PROXY_ATTENDANCE_SUSPENDED",
  "PANEL_DEPARTMENTS_REQUIRED",
  "FIELD_NOT_FOR_ACTION",
  "HOSPITAL_NOT_FOR_ACTION",
  "ACCEPTING_HOSPITAL_REQUIRED",
  "ACCEPTING_HOSPITAL_NOT_LISTED",
  // assignCaseToPartner
  "UNKNOWN_PARTNER",
  "PARTNER_NOT_FOR_SERVICE",
] as const;
export type CaseCode = (typeof CASE_CODES)[number];

/** The codes a workflow may refuse an action with; the workflow carries the handbook's wording. */
export type WorkflowRefusalCode = Extract<CaseCode, "CANCELLATION_NOT_ALLOWED" | "CHANGE_NOT_ALLOWED">;

export const SUBMIT_CASE_CODES = [
  "UNKNOWN_POLICY",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REUSED",
  "INVALID_PLACE",
  "APPLICANT_NOT_FOR_BENEFIT",
  "FIELD_NOT_FOR_BENEFIT",
  "INVALID_TEXT",
  "PLACE_REQUIRED",
  "UNKNOWN_PLACE",
  "UNKNOWN_DIAGNOSIS",
  "CARE_KIND_REQUIRED",
  "PLANNED_ADMISSION_DATE_REQUIRED",
  "SOCIAL_INSURANCE_SETTLEMENT_REQUIRED",
  "INVALID_DOCUMENT_REFERENCE",
  "RECEIVED_IN_FUTURE",
  "TOO_MANY_DOCUMENTS",
] as const satisfies readonly CaseCode[];

export const ADD_CASE_DOCUMENTS_CODES = [
  "NO_DOCUMENTS",
  "INVALID_DOCUMENT_REFERENCE",
  "RECEIVED_IN_FUTURE",
  "TOO_MANY_DOCUMENTS",
  "UNKNOWN_CASE",
  "STALE_VERSION",
  "CASE_CLOSED",
] as const satisfies readonly CaseCode[];

export const TRANSITION_CASE_CODES = [
  "OCCURRED_IN_FUTURE",
  "UNKNOWN_CASE",
  "NOTE_TOO_LONG",
  "STALE_VERSION",
  "OCCURRED_BEFORE_PREVIOUS_EVENT",
  "ACTION_NOT_ALLOWED",
  "ACTION_NOT_FOR_SERVICE",
  "DOCUMENTS_REQUIRED",
  "SCHEDULED_FOR_REQUIRED",
  "SCHEDULED_IN_PAST",
  "ACCOMPANIMENT_HOURS_REQUIRED",
  "ACCOMPANIMENT_LIMIT_EXCEEDED",
  "CANCELLATION_NOT_ALLOWED",
  "CHANGE_NOT_ALLOWED",
  "BEFORE_APPOINTMENT_DAY",
  "POLICY_STILL_IN_FORCE",
  "PROXY_ATTENDANCE_SUSPENDED",
  "PANEL_DEPARTMENTS_REQUIRED",
  "FIELD_NOT_FOR_ACTION",
  "HOSPITAL_NOT_FOR_ACTION",
  "ACCEPTING_HOSPITAL_REQUIRED",
  "ACCEPTING_HOSPITAL_NOT_LISTED",
  "INVALID_TEXT",
] as const satisfies readonly CaseCode[];

export const ASSIGN_CASE_CODES = ["UNKNOWN_CASE", "STALE_VERSION", "CASE_CLOSED", "UNKNOWN_PARTNER", "PARTNER_NOT_FOR_SERVICE"] as const satisfies readonly CaseCode[];

/** The fields that only some benefits take, and which ones (FIELD_NOT_FOR_BENEFIT). */
const ONLY_FOR: Record<"careKind" | "hospitalName" | "department" | "plannedAdmissionDate" | "outOfArea", LocalizedText> = {
  careKind: { zh: "仅住院或手术绿通需要说明住院或手术。", en: "careKind belongs to GREEN_CHANNEL_INPATIENT_OR_SURGERY only." },
  hospitalName: { zh: "仅就医绿色通道和住院垫付需要医院。", en: "hospitalName belongs to the green channel and the advance payment only." },
  department: { zh: "仅就医绿色通道需要医院和科室。", en: "department belongs to the green channel only." },
  plannedAdmissionDate: { zh: "仅住院垫付需要计划入院日期。", en: "plannedAdmissionDate belongs to advance payments only." },
  outOfArea: { zh: "仅住院垫付需要说明是否异地就医。", en: "outOfArea belongs to advance payments only." },
};

export const CASE_MESSAGES = {
  UNKNOWN_POLICY: (v: { policyNo: string }) => ({ zh: `没有保单号为 ${v.policyNo} 的保单。`, en: `No policy numbered ${v.policyNo}.` }),
  INVALID_IDEMPOTENCY_KEY: () => ({ zh: "幂等键须为1–200个字符。", en: "An idempotency key is 1–200 characters." }),
  IDEMPOTENCY_KEY_REUSED: (v: { caseNo: string }) => ({
    zh: `该幂等键已用于另一申请（案件 ${v.caseNo}）。`,
    en: `This idempotency key was used for a different request (case ${v.caseNo}).`,
  }),
  INVALID_PLACE: () => ({ zh: "城市名称不超过100个字符。", en: "A place is at most 100 characters." }),
  APPLICANT_NOT_FOR_BENEFIT: () => ({
    zh: "仅家庭医生服务家人；其他服务仅向被保险人提供。",
    en: "Only the family doctor serves the insured's family; the other services serve the insured only.",
  }),
  FIELD_NOT_FOR_BENEFIT: (v: { field: keyof typeof ONLY_FOR }) =>
    ONLY_FOR[v.field] ?? { zh: `${v.field} 不适用于所选服务。`, en: `${v.field} does not belong to this benefit.` },
  INVALID_TEXT: (v: { field: string }) => ({ zh: "须为1–100个字符。", en: `${v.field} is 1–100 characters.` }),
  PLACE_REQUIRED: () => ({ zh: "本服务须填写就医城市。", en: "This service needs the city (place) of treatment." }),
  UNKNOWN_PLACE: (v: { place: string; candidates: string }) => ({
    zh: `无法确定城市“${v.place}”${v.candidates}`,
    en: `Cannot tell which place "${v.place}" is${v.candidates}`,
  }),
  UNKNOWN_DIAGNOSIS: () => ({ zh: "该保单没有这条诊断。", en: "The policy has no such diagnosis." }),
  CARE_KIND_REQUIRED: () => ({
    zh: "住院或手术绿通须说明是住院还是手术。",
    en: "Say whether the insured needs an admission (INPATIENT) or surgery (SURGERY).",
  }),
  PLANNED_ADMISSION_DATE_REQUIRED: () => ({ zh: "住院垫付须填写计划入院日期。", en: "An advance payment needs plannedAdmissionDate." }),
  SOCIAL_INSURANCE_SETTLEMENT_REQUIRED: () => ({
    zh: "被保险人以社会医疗保险身份参保：须说明就医时能否以社保身份结算。",
    en: "The insured has social insurance: say whether the treatment can be settled through it.",
  }),
  INVALID_DOCUMENT_REFERENCE: () => ({ zh: "资料引用须为1–500个字符。", en: "A document reference is 1–500 characters." }),
  RECEIVED_IN_FUTURE: () => ({ zh: "收到时间不能晚于现在。", en: "receivedAt cannot be in the future." }),
  NO_DOCUMENTS: () => ({ zh: "请至少提交一份资料。", en: "Send at least one document." }),
  CASE_CLOSED: () => ({ zh: "案件已结束，不能再提交资料。", en: "The case is closed." }),
  UNKNOWN_CASE: () => ({ zh: "没有这个案件。", en: "No case with this id." }),
  STALE_VERSION: (v: { current: number }) => ({
    zh: `案件已被修改（当前版本 ${v.current}），请刷新后重试。`,
    en: `The case has changed (now version ${v.current}); reload and try again.`,
  }),
  OCCURRED_IN_FUTURE: () => ({ zh: "发生时间不能晚于现在。", en: "occurredAt cannot be in the future." }),
  OCCURRED_BEFORE_PREVIOUS_EVENT: (v: { previous: string }) => ({
    zh: "发生时间不能早于案件上一次变更。",
    en: `occurredAt cannot be before the case's previous change (${v.previous}).`,
  }),
  NOTE_TOO_LONG: () => ({ zh: "备注不超过1000个字符。", en: "A note is at most 1000 characters." }),
  ACTION_NOT_ALLOWED: (v: { action: string; stage: string }) => ({
    zh: `当前阶段 ${v.stage} 不能执行 ${v.action}。`,
    en: `${v.action} is not possible while the case is at ${v.stage}.`,
  }),
  ACTION_NOT_FOR_SERVICE: (v: { action: string; service: string; byProxy?: boolean }) =>
    v.byProxy === true
      ? { zh: "此步骤不能由服务人员代为完成。", en: `${v.action} cannot be done by proxy for ${v.service}.` }
      : { zh: `${v.service} 服务没有 ${v.action} 这一步。`, en: `${v.service} has no ${v.action} step.` },
  DOCUMENTS_REQUIRED: (v: { action: string; lacking: readonly string[] }) => ({
    zh: `执行 ${v.action} 前须提交：${v.lacking.join(", ")}`,
    en: `${v.action} needs these documents first: ${v.lacking.join(", ")}`,
  }),
  SCHEDULED_FOR_REQUIRED: (v: { action: string }) => ({ zh: "安排服务须给出日期。", en: `${v.action} needs scheduledFor.` }),
  BEFORE_APPOINTMENT_DAY: (v: { action: string; scheduledFor: string }) => ({
    zh: `预约日期为${v.scheduledFor}，${v.action} 须在当日或之后记录。`,
    en: `The appointment is on ${v.scheduledFor}: ${v.action} can be recorded on that day or later, not before.`,
  }),
  POLICY_STILL_IN_FORCE: (v: { effectiveTo: string }) => ({
    zh: `保单仍在有效期内（至${v.effectiveTo}），${clauseExcerpt("GENE_TEST.提示.1", "本服务随", "到期终止")}，届时方可结束。`,
    en: `The policy is in force until ${v.effectiveTo}: the service ends with the policy, not before.`,
  }),
  PROXY_ATTENDANCE_SUSPENDED: (v: { startsOn: string; endsOn: string }) => ({
    zh: `${v.startsOn}至${v.endsOn}期间暂不支持代诊服务（${clauseExcerpt("MDT.提示.1.4", "疫情期间", "要求不同")}）。`,
    en: `Attendance by proxy is suspended from ${v.startsOn} to ${v.endsOn} (hospitals' epidemic rules).`,
  }),
  PANEL_DEPARTMENTS_REQUIRED: (v: { min: number }) => ({
    zh: `多学科会诊须匹配${v.min}个或以上相关科室，请填写各不相同的科室名称（每个1–50个字符，最多20个）。`,
    en: `An MDT panel has ${v.min} or more departments: give distinct department names (1–50 characters each, at most 20).`,
  }),
  FIELD_NOT_FOR_ACTION: (v: { field: string; action: string }) => ({
    zh: `${v.field} 不适用于此操作（${v.action}）。`,
    en: `${v.field} does not belong to ${v.action} for this service.`,
  }),
  TOO_MANY_DOCUMENTS: (v: { limit: number; per: "call" | "case" }) =>
    v.per === "call"
      ? { zh: `一次最多附加${v.limit}份资料。`, en: `At most ${v.limit} documents may be attached in one call.` }
      : { zh: `一个案件最多保存${v.limit}份资料。`, en: `A case holds at most ${v.limit} documents.` },
  UNKNOWN_PARTNER: (v: { partnerCode: string }) => ({ zh: `没有代码为 ${v.partnerCode} 的服务商。`, en: `No partner with the code ${v.partnerCode}.` }),
  PARTNER_NOT_FOR_SERVICE: (v: { partnerCode: string; service: string }) => ({
    zh: `服务商 ${v.partnerCode} 未签约此项服务（${v.service}）。`,
    en: `Partner ${v.partnerCode} is not contracted for ${v.service}.`,
  }),
  SCHEDULED_IN_PAST: () => ({ zh: "安排日期不能早于操作日期。", en: "scheduledFor cannot be before the day it is arranged." }),
  ACCOMPANIMENT_HOURS_REQUIRED: () => ({ zh: "请填写大于0的陪诊时长。", en: "accompanimentHours must be more than 0." }),
  ACCOMPANIMENT_LIMIT_EXCEEDED: (v: { limit: number; used: number }) => ({
    zh: `陪诊累计总时长不得超过${v.limit}小时（已用${v.used}小时）。`,
    en: `Accompaniment may total at most ${v.limit} hours (${v.used} used).`,
  }),
  // The wording is the service's own (its workflow, from the handbook).
  CANCELLATION_NOT_ALLOWED: (v: { serviceRule: LocalizedText }) => ({ zh: v.serviceRule.zh, en: v.serviceRule.en }),
  CHANGE_NOT_ALLOWED: (v: { serviceRule: LocalizedText }) => ({ zh: v.serviceRule.zh, en: v.serviceRule.en }),
  // JAPAN.标准.2: the hospitals of the network list (../network/check-hospital-level.ts).
  HOSPITAL_NOT_FOR_ACTION: () => ({
    zh: "仅记录日本医院接收时需要填写医院。",
    en: "A hospital is given only when recording a Japanese hospital's acceptance (RECORD_HOSPITAL_ACCEPTANCE).",
  }),
  ACCEPTING_HOSPITAL_REQUIRED: () => ({
    zh: "请填写出具接收函的日本医院。",
    en: "Name the Japanese hospital that accepted the insured (hospitalId or hospitalName).",
  }),
  ACCEPTING_HOSPITAL_NOT_LISTED: (v: { hospital: string }) => ({
    zh: `“${v.hospital}”不在${clauseExcerpt("JAPAN.标准.2", "赴日", "列表")}内。`,
    en: `"${v.hospital}" is not one of the listed hospitals of the treatment-in-Japan network.`,
  }),
} satisfies MessageTable<CaseCode>;

/** A case mutation's userError: a code of this table, the input field it is about, its text. */
export const caseProblem = problemMaker(CASE_MESSAGES);
