// Why a benefit cannot be used (or what the user should know), with zh and en text.
// A code without both texts does not compile: the messages are a Record over the code list.
import { clauseExcerpt } from "../handbook/clauses.js";
import type { LocalizedText } from "../shared/localized-text.js";

export const ELIGIBILITY_REASON_CODES = [
  "POLICY_NOT_IN_FORCE",
  "WAITING_PERIOD",
  "NO_COVERED_DIAGNOSIS",
  "DIAGNOSED_IN_WAITING_PERIOD",
  "NOT_MALIGNANT_TUMOR",
  "BENEFIT_NOT_ON_POLICY",
  "QUOTA_EXHAUSTED",
  "PLACE_NOT_COVERED",
  "HOSPITAL_NOT_IN_NETWORK",
  "HOSPITAL_GRADE_TOO_LOW",
  "HOSPITAL_NOT_PUBLIC",
  "HOSPITAL_DIVISION_NOT_GENERAL",
  "HOSPITAL_NOT_VERIFIED",
  "ADMISSION_TOO_SOON",
  "ALREADY_ADMITTED",
  "PATHOLOGY_REPORT_REQUIRED",
  "SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE",
  "FIRST_ADVANCE_MAY_NEED_REVIEW",
  "CALENDAR_PROVISIONAL",
  "ID_NUMBER_REQUIRED",
] as const;
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number];

export interface EligibilityReason {
  readonly code: EligibilityReasonCode;
  /** The date the reason is about (when the waiting period ends, the latest application day …). */
  readonly date: string | null;
}

const on = (date: string | null, zh: string, en: string) => (date ? { zh: `${zh}${date}`, en: `${en}${date}` } : null);

export const REASON_MESSAGES: Record<EligibilityReasonCode, (date: string | null) => LocalizedText> = {
  POLICY_NOT_IN_FORCE: (d) =>
    on(d, "保单尚未生效，生效日：", "The policy is not in force yet; it starts on ") ?? {
      zh: "保单不在有效期内或已失效。",
      en: "The policy is not in force on this date.",
    },
  WAITING_PERIOD: (d) =>
    on(d, "等待期内，不可申请；可申请日：", "Still in the waiting period; applications open on ") ?? {
      zh: "等待期内，不可申请。",
      en: "Still in the waiting period.",
    },
  NO_COVERED_DIAGNOSIS: () => ({
    zh: "被保险人尚无等待期后初次罹患的保障范围内疾病诊断。",
    en: "There is no first diagnosis of a covered illness after the waiting period.",
  }),
  DIAGNOSED_IN_WAITING_PERIOD: (d) => ({
    zh: `该疾病于等待期结束前${d ? `（${d}）` : ""}确诊，不在保障范围内。`,
    en: `The illness was first diagnosed before the waiting period ended${d ? ` (${d})` : ""}; it is not covered.`,
  }),
  NOT_MALIGNANT_TUMOR: () => ({
    zh: "本服务仅适用于初次罹患保障范围内的恶性肿瘤。",
    en: "This service needs a first diagnosis of a covered malignant tumour.",
  }),
  BENEFIT_NOT_ON_POLICY: () => ({
    zh: "保单未载明此项服务责任。",
    en: "The policy does not list this benefit.",
  }),
  QUOTA_EXHAUSTED: () => ({
    zh: "服务次数已用完（含处理中的申请）。",
    en: "No quota remains (open cases included).",
  }),
  PLACE_NOT_COVERED: () => ({
    zh: "所选城市不在本服务覆盖网络内。",
    en: "The place is outside this service's network.",
  }),
  HOSPITAL_NOT_IN_NETWORK: () => ({
    zh: "所选医院不在本服务网络医院名单内。",
    en: "The hospital is not in this service's network.",
  }),
  // The hospital levels (../network/check-hospital-level.ts): GREEN_CHANNEL.介绍.1, ADVANCE.介绍.1.
  HOSPITAL_GRADE_TOO_LOW: () => ({
    zh: "医院等级不符合本服务要求（就医绿色通道：三级甲等；住院垫付：二级及以上）。",
    en: "The hospital's grade is below what this service needs (green channel: 三级甲等, grade 3A; advance payment: grade 2 or above).",
  }),
  HOSPITAL_NOT_PUBLIC: () => ({
    zh: "本服务仅限公立医院。",
    en: "This service is for public hospitals only.",
  }),
  HOSPITAL_DIVISION_NOT_GENERAL: () => ({
    zh: "就医绿色通道仅限医院普通部，不含特需、国际医疗部等。",
    en: "The green channel is for a hospital's ordinary division (普通部) only, not its special-needs (特需) or international division.",
  }),
  HOSPITAL_NOT_VERIFIED: () => ({
    zh: "医院不在我司医院名录中，无法核实其等级与性质，请人工确认。",
    en: "The hospital is not in the insurer's hospital registry: its grade and ownership could not be verified; confirm them by hand.",
  }),
  ADMISSION_TOO_SOON: (d) => ({
    zh: `${clauseExcerpt("ADVANCE.条件.2.1", "须在", "本服务")}${d ? `；最晚申请日：${d}` : ""}。`,
    en: `Apply at least 5 working days before admission${d ? `; the latest application day is ${d}` : ""}.`,
  }),
  ALREADY_ADMITTED: () => ({
    zh: "被保险人已住院，不能申请住院垫付服务。",
    en: "The insured is already admitted; advance payment can no longer be applied for.",
  }),
  PATHOLOGY_REPORT_REQUIRED: () => ({
    zh: `确诊癌症的，${clauseExcerpt("ADVANCE.条件.4", "病理报告为", "资料")}。`,
    en: "For a cancer diagnosis the pathology report is required.",
  }),
  SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE: () => ({
    zh: `${clauseExcerpt("ADVANCE.提示.4.2", "以社会", "参保但")}就医时无法以社保身份结算的${clauseExcerpt("ADVANCE.提示.4.2", "，无法申请")}`,
    en: "Insured with social insurance but unable to settle through it: advance payment is not available.",
  }),
  FIRST_ADVANCE_MAY_NEED_REVIEW: () => ({
    zh: "此前未因相同疾病成功申请过垫付服务：需进行责任认定，可能影响垫付安排时间，可先行自付后续事后理赔。",
    en: "No earlier successful advance for the same illness: a liability determination may delay the arrangement; the insured may pay first and claim afterwards.",
  }),
  ID_NUMBER_REQUIRED: () => ({
    zh: `赴日就医须提供被保险人${clauseExcerpt("JAPAN.流程.2", "姓名及", "服务内容")}，保单上缺少身份证号码。`,
    en: "Treatment in Japan needs the insured's name and ID number to confirm the cover; the policy has no ID number.",
  }),
  CALENDAR_PROVISIONAL: (d) => ({
    zh: `日期按未公布节假日安排的年份推算（周一至周五），仅供参考${d ? `：${d}` : ""}。`,
    en: `Dates fall in a year whose holiday schedule is not yet published (Monday–Friday assumed)${d ? `: ${d}` : ""}.`,
  }),
};

export function reasonMessage(reason: EligibilityReason): LocalizedText {
  return REASON_MESSAGES[reason.code](reason.date);
}
