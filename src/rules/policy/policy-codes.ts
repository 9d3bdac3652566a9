// The userErrors of the policy mutations (upsertPolicy, recordDiagnosis), with zh and en text.
// A code without both texts does not compile: the messages are a Record over the code list.
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";

export const POLICY_CODES = [
  // upsertPolicy
  "INVALID_POLICY_NO",
  "DATES_OUT_OF_ORDER",
  "WAITING_PERIOD_OUTSIDE_POLICY",
  "DUPLICATE_BENEFIT",
  "NO_BENEFITS",
  "INVALID_NAME",
  "INVALID_BIRTH_DATE",
  "INVALID_ID_NUMBER",
  "INVALID_ID_NUMBER_CHECK_DIGIT",
  "INVALID_ID_NUMBER_BIRTH_DATE",
  "BIRTH_DATE_MISMATCH",
  "INVALID_PHONE",
  "BENEFIT_IN_USE",
  // recordDiagnosis
  "UNKNOWN_POLICY",
  "DIAGNOSIS_IN_FUTURE",
  "DIAGNOSIS_BEFORE_BIRTH",
  "INVALID_ICD10",
  "DESCRIPTION_TOO_LONG",
] as const;
export type PolicyCode = (typeof POLICY_CODES)[number];

export const UPSERT_POLICY_CODES = [
  "INVALID_POLICY_NO",
  "DATES_OUT_OF_ORDER",
  "WAITING_PERIOD_OUTSIDE_POLICY",
  "DUPLICATE_BENEFIT",
  "NO_BENEFITS",
  "INVALID_NAME",
  "INVALID_BIRTH_DATE",
  "INVALID_ID_NUMBER",
  "INVALID_ID_NUMBER_CHECK_DIGIT",
  "INVALID_ID_NUMBER_BIRTH_DATE",
  "BIRTH_DATE_MISMATCH",
  "INVALID_PHONE",
  "BENEFIT_IN_USE",
] as const satisfies readonly PolicyCode[];

export const RECORD_DIAGNOSIS_CODES = [
  "UNKNOWN_POLICY",
  "DIAGNOSIS_IN_FUTURE",
  "DIAGNOSIS_BEFORE_BIRTH",
  "INVALID_ICD10",
  "DESCRIPTION_TOO_LONG",
] as const satisfies readonly PolicyCode[];

export const POLICY_MESSAGES = {
  INVALID_POLICY_NO: () => ({ zh: "保单号须为4–40位字母、数字或连字符。", en: "A policy number is 4–40 letters, digits or hyphens." }),
  DATES_OUT_OF_ORDER: () => ({ zh: "保单终止日早于生效日。", en: "effectiveTo is before effectiveFrom." }),
  WAITING_PERIOD_OUTSIDE_POLICY: () => ({
    zh: "等待期须在保单期间内（最后一天不晚于保单终止日）。",
    en: "The waiting period must lie inside the policy (its last day no later than effectiveTo).",
  }),
  DUPLICATE_BENEFIT: (v: { benefit: string }) => ({ zh: `权益重复：${v.benefit}`, en: `Benefit listed twice: ${v.benefit}` }),
  NO_BENEFITS: () => ({ zh: "保单须至少载明一项权益。", en: "A policy lists at least one benefit." }),
  INVALID_NAME: () => ({ zh: "姓名不能为空且不超过100字。", en: "A name is 1–100 characters." }),
  INVALID_BIRTH_DATE: () => ({ zh: "出生日期不能晚于今天。", en: "A birth date cannot be in the future." }),
  INVALID_ID_NUMBER: () => ({ zh: "身份证号码须为18位（最后一位可为X）。", en: "An ID number has 18 characters (the last may be X)." }),
  INVALID_ID_NUMBER_CHECK_DIGIT: () => ({ zh: "身份证号码校验位错误。", en: "The ID number's check digit is wrong." }),
  INVALID_ID_NUMBER_BIRTH_DATE: () => ({ zh: "身份证号码中的出生日期无效。", en: "The ID number holds an impossible birth date." }),
  BIRTH_DATE_MISMATCH: () => ({ zh: "出生日期与身份证号码不符。", en: "The birth date differs from the one in the ID number." }),
  INVALID_PHONE: () => ({ zh: "手机号码须为11位中国大陆手机号。", en: "A phone is an 11-digit mainland mobile number." }),
  BENEFIT_IN_USE: (v: { blocked: readonly string[] }) => ({
    zh: `以下权益已使用或有处理中的申请，不能移除：${v.blocked.join(", ")}`,
    en: `These benefits are used or held by open cases and cannot be removed: ${v.blocked.join(", ")}`,
  }),
  UNKNOWN_POLICY: (v: { policyNo: string }) => ({ zh: `没有保单号为 ${v.policyNo} 的保单。`, en: `No policy numbered ${v.policyNo}.` }),
  DIAGNOSIS_IN_FUTURE: () => ({ zh: "确诊日期不能晚于今天。", en: "A diagnosis cannot be dated in the future." }),
  DIAGNOSIS_BEFORE_BIRTH: () => ({ zh: "确诊日期早于被保险人出生日期。", en: "The diagnosis predates the insured's birth." }),
  INVALID_ICD10: () => ({ zh: "ICD-10 编码格式错误（例：C34.1）。", en: "An ICD-10 code looks like C34.1." }),
  DESCRIPTION_TOO_LONG: () => ({ zh: "描述不超过2000个字符。", en: "A description is at most 2000 characters." }),
} satisfies MessageTable<PolicyCode>;

/** A policy mutation's userError: a code of this table, the input field it is about, its text. */
export const policyProblem = problemMaker(POLICY_MESSAGES);
