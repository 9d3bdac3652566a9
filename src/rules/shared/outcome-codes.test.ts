import { describe, expect, it } from "vitest";
import { ACCESS_CODES, ACCESS_MESSAGES, CREATE_PARTNER_CODES, ISSUE_API_KEY_CODES, REVOKE_API_KEY_CODES, accessProblem } from "../access/access-codes.js";
import { ADD_CASE_DOCUMENTS_CODES, ASSIGN_CASE_CODES, CASE_CODES, CASE_MESSAGES, SUBMIT_CASE_CODES, TRANSITION_CASE_CODES, caseProblem } from "../case-workflow/case-codes.js";
import { ELIGIBILITY_REASON_CODES, REASON_MESSAGES } from "../eligibility/reason-codes.js";
import { POLICY_CODES, POLICY_MESSAGES, RECORD_DIAGNOSIS_CODES, UPSERT_POLICY_CODES, policyProblem } from "../policy/policy-codes.js";
import { DISABLE_WEBHOOK_CODES, REDELIVER_WEBHOOK_CODES, REGISTER_WEBHOOK_CODES, WEBHOOK_CODES, WEBHOOK_MESSAGES, webhookProblem } from "../webhooks/webhook-codes.js";
import { describeCodes, templateOf, withCodes, type MessageTable } from "./outcome-codes.js";

interface Feature {
  readonly codes: readonly string[];
  readonly messages: MessageTable<string>;
  /** The codes each mutation of the feature may answer with. */
  readonly mutations: Record<string, readonly string[]>;
  readonly argument?: string;
}

const FEATURES: Record<string, Feature> = {
  case: {
    codes: CASE_CODES,
    messages: CASE_MESSAGES,
    mutations: { submitCase: SUBMIT_CASE_CODES, addCaseDocuments: ADD_CASE_DOCUMENTS_CODES, transitionCase: TRANSITION_CASE_CODES, assignCaseToPartner: ASSIGN_CASE_CODES },
  },
  policy: { codes: POLICY_CODES, messages: POLICY_MESSAGES, mutations: { upsertPolicy: UPSERT_POLICY_CODES, recordDiagnosis: RECORD_DIAGNOSIS_CODES } },
  access: {
    codes: ACCESS_CODES,
    messages: ACCESS_MESSAGES,
    mutations: { createPartner: CREATE_PARTNER_CODES, issueApiKey: ISSUE_API_KEY_CODES, revokeApiKey: REVOKE_API_KEY_CODES },
  },
  webhooks: {
    codes: WEBHOOK_CODES,
    messages: WEBHOOK_MESSAGES,
    mutations: { registerWebhook: REGISTER_WEBHOOK_CODES, disableWebhook: DISABLE_WEBHOOK_CODES, redeliverWebhook: REDELIVER_WEBHOOK_CODES },
  },
  eligibility: { codes: ELIGIBILITY_REASON_CODES, messages: REASON_MESSAGES, mutations: { submitCase: ELIGIBILITY_REASON_CODES }, argument: "date" },
};

describe.each(Object.entries(FEATURES))("the %s code table", (_name, feature) => {
  it("lists each code once, in capitals", () => {
    expect(new Set(feature.codes).size).toBe(feature.codes.length);
    for (const code of feature.codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it("has a text for exactly the codes it lists", () => {
    expect(Object.keys(feature.messages).sort()).toEqual([...feature.codes].sort());
  });

  it.each(feature.codes)("%s reads in zh and en", (code) => {
    const text = templateOf(feature.messages, code, feature.argument);
    for (const language of ["zh", "en"] as const) {
      expect(typeof text[language]).toBe("string");
      expect(text[language].trim().length).toBeGreaterThan(0);
      expect(text[language]).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(text.zh).toMatch(/[\u4e00-\u9fff]|\{/);
  });

  it("answers every code from some mutation, and each mutation's codes from its table", () => {
    const answered = new Set(Object.values(feature.mutations).flat());
    expect([...answered].filter((code) => !feature.codes.includes(code))).toEqual([]);
    expect(feature.codes.filter((code) => !answered.has(code))).toEqual([]);
    for (const codes of Object.values(feature.mutations)) expect(new Set(codes).size).toBe(codes.length);
  });

  it("describes each mutation's codes, one line each", () => {
    for (const codes of Object.values(feature.mutations)) {
      const text = describeCodes(feature.messages, codes, feature.argument);
      expect(text.split("\n").map((line) => line.slice(0, line.indexOf(":")))).toEqual(codes.map((code) => `- \`${code}\``));
    }
  });
});

describe("problems made from the tables", () => {
  it("carry the code, the field and the text with its values filled in", () => {
    expect(caseProblem("STALE_VERSION", ["input", "expectedVersion"], { current: 3 })).toEqual({
      code: "STALE_VERSION",
      field: ["input", "expectedVersion"],
      message: { zh: "案件已被修改（当前版本 3），请刷新后重试。", en: "The case has changed (now version 3); reload and try again." },
    });
    expect(policyProblem("BENEFIT_IN_USE", ["input", "benefits"], { blocked: ["MDT_CONSULTATION", "SECOND_OPINION"] }).message.en).toBe(
      "These benefits are used or held by open cases and cannot be removed: MDT_CONSULTATION, SECOND_OPINION",
    );
    expect(accessProblem("FIELD_NOT_FOR_ROLE", ["input", "policyNos"], { field: "policyNos" }).message.en).toBe("Only INSURED keys list policies.");
    expect(webhookProblem("INVALID_URL", ["input", "url"], { credentials: true }).message.zh).toBe("回调地址不能包含用户名或密码。");
  });

  it("keep each variant's own wording", () => {
    expect(caseProblem("FIELD_NOT_FOR_BENEFIT", ["input", "careKind"], { field: "careKind" }).message).toEqual({
      zh: "仅住院或手术绿通需要说明住院或手术。",
      en: "careKind belongs to GREEN_CHANNEL_INPATIENT_OR_SURGERY only.",
    });
    expect(caseProblem("ACTION_NOT_FOR_SERVICE", ["input", "byProxy"], { action: "ARRANGE", service: "MDT", byProxy: true }).message.zh).toBe("此步骤不能由服务人员代为完成。");
    expect(caseProblem("ACTION_NOT_FOR_SERVICE", ["input", "action"], { action: "ARRANGE", service: "MDT" }).message.en).toBe("MDT has no ARRANGE step.");
  });

  it("a mutation's description names its codes after what it does", () => {
    const text = withCodes("Revoke an API key.", describeCodes(ACCESS_MESSAGES, REVOKE_API_KEY_CODES));
    expect(text).toBe("Revoke an API key.\n\nuserErrors codes:\n- `UNKNOWN_KEY`: No active key with this id.");
  });
});
