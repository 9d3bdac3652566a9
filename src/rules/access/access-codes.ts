// The userErrors of the access mutations (createPartner, issueApiKey, revokeApiKey), with zh and en
// text. A code without both texts does not compile: the messages are a Record over the code list.
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";

export const ACCESS_CODES = [
  "INVALID_PARTNER_CODE",
  "INVALID_NAME",
  "INVALID_SERVICES",
  "PARTNER_CODE_TAKEN",
  "INVALID_LABEL",
  "PARTNER_REQUIRED",
  "UNKNOWN_PARTNER",
  "FIELD_NOT_FOR_ROLE",
  "POLICIES_REQUIRED",
  "UNKNOWN_POLICY",
  "UNKNOWN_KEY",
] as const;
export type AccessCode = (typeof ACCESS_CODES)[number];

export const CREATE_PARTNER_CODES = ["INVALID_PARTNER_CODE", "INVALID_NAME", "INVALID_SERVICES", "PARTNER_CODE_TAKEN"] as const satisfies readonly AccessCode[];
export const ISSUE_API_KEY_CODES = [
  "INVALID_LABEL",
  "PARTNER_REQUIRED",
  "UNKNOWN_PARTNER",
  "FIELD_NOT_FOR_ROLE",
  "POLICIES_REQUIRED",
  "UNKNOWN_POLICY",
] as const satisfies readonly AccessCode[];
export const REVOKE_API_KEY_CODES = ["UNKNOWN_KEY"] as const satisfies readonly AccessCode[];

export const ACCESS_MESSAGES = {
  INVALID_PARTNER_CODE: () => ({ zh: "服务商代码须为2–32位大写字母、数字、-或_。", en: "A partner code is 2–32 capital letters, digits, - or _." }),
  INVALID_NAME: () => ({ zh: "名称须为1–100个字符。", en: "A name is 1–100 characters." }),
  INVALID_SERVICES: () => ({ zh: "须列出至少一项且不重复的服务。", en: "List at least one service, each once." }),
  PARTNER_CODE_TAKEN: () => ({ zh: "服务商代码已存在。", en: "A partner with this code exists." }),
  INVALID_LABEL: () => ({ zh: "标签须为1–100个字符。", en: "A label is 1–100 characters." }),
  PARTNER_REQUIRED: () => ({ zh: "服务商密钥须指定服务商。", en: "A PARTNER key names its partner." }),
  UNKNOWN_PARTNER: () => ({ zh: "没有这个服务商。", en: "No partner with this code." }),
  FIELD_NOT_FOR_ROLE: (v: { field: "partnerCode" | "policyNos" }) =>
    v.field === "policyNos"
      ? { zh: "只有被保险人密钥可列出保单。", en: "Only INSURED keys list policies." }
      : { zh: "只有服务商密钥可指定服务商。", en: "Only PARTNER keys name a partner." },
  POLICIES_REQUIRED: () => ({ zh: "被保险人密钥须列出保单。", en: "An INSURED key lists its policies." }),
  UNKNOWN_POLICY: (v: { policyNo: string }) => ({ zh: `没有保单 ${v.policyNo}。`, en: `No policy ${v.policyNo}.` }),
  UNKNOWN_KEY: () => ({ zh: "没有这个有效密钥。", en: "No active key with this id." }),
} satisfies MessageTable<AccessCode>;

/** An access mutation's userError: a code of this table, the input field it is about, its text. */
export const accessProblem = problemMaker(ACCESS_MESSAGES);
