// createPartner, issueApiKey, revokeApiKey (ADMIN): validate, write, and show a secret only once.
import { randomBytes } from "node:crypto";
import type { Context } from "../../context/context.js";
import { insertIssuedKey, insertPartner, partnerByCode, revokeApiKeyById } from "../../db/queries/api-keys.js";
import { policiesByNo } from "../../db/queries/policies.js";
import { problem, type Problem } from "../../rules/shared/problem.js";
import type { CreatePartnerInput, IssueApiKeyInput, IssueApiKeyPayload, PartnerPayload, RevokeApiKeyPayload } from "../../schema/access/access.inputs.js";
import { hashSecret } from "../../security/secrets.js";
import { toUserErrors } from "../shared/user-errors.js";
import { presentPartner } from "./present-partner.js";

export async function createPartner(ctx: Context, input: CreatePartnerInput): Promise<PartnerPayload> {
  const problems: Problem[] = [];
  if (!/^[A-Z0-9_-]{2,32}$/.test(input.code)) {
    problems.push(problem("INVALID_PARTNER_CODE", ["input", "code"], "服务商代码须为2–32位大写字母、数字、-或_。", "A partner code is 2–32 capital letters, digits, - or _."));
  }
  if (input.name.trim().length === 0 || input.name.length > 100) {
    problems.push(problem("INVALID_NAME", ["input", "name"], "名称须为1–100个字符。", "A name is 1–100 characters."));
  }
  if (input.services.length === 0 || new Set(input.services).size !== input.services.length) {
    problems.push(problem("INVALID_SERVICES", ["input", "services"], "须列出至少一项且不重复的服务。", "List at least one service, each once."));
  }
  if (problems.length > 0) return { partner: null, userErrors: toUserErrors(problems) };
  const row = await insertPartner(ctx.db, { code: input.code, name: input.name.trim(), services: input.services });
  if (!row) return { partner: null, userErrors: toUserErrors([problem("PARTNER_CODE_TAKEN", ["input", "code"], "服务商代码已存在。", "A partner with this code exists.")]) };
  return { partner: presentPartner(row), userErrors: [] };
}

export async function issueApiKey(ctx: Context, input: IssueApiKeyInput): Promise<IssueApiKeyPayload> {
  const problems: Problem[] = [];
  const fail = (p: Problem[]) => ({ apiKey: null, keyId: null, userErrors: toUserErrors(p) });
  if (input.label.trim().length === 0 || input.label.length > 100) {
    problems.push(problem("INVALID_LABEL", ["input", "label"], "标签须为1–100个字符。", "A label is 1–100 characters."));
  }
  const policyNos = [...new Set(input.policyNos ?? [])];
  if (input.role === "PARTNER") {
    if (!input.partnerCode) problems.push(problem("PARTNER_REQUIRED", ["input", "partnerCode"], "服务商密钥须指定服务商。", "A PARTNER key names its partner."));
    else if (!(await partnerByCode(ctx.db, input.partnerCode))) {
      problems.push(problem("UNKNOWN_PARTNER", ["input", "partnerCode"], "没有这个服务商。", "No partner with this code."));
    }
  } else if (input.partnerCode) {
    problems.push(problem("FIELD_NOT_FOR_ROLE", ["input", "partnerCode"], "只有服务商密钥可指定服务商。", "Only PARTNER keys name a partner."));
  }
  if (input.role === "INSURED") {
    if (policyNos.length === 0) problems.push(problem("POLICIES_REQUIRED", ["input", "policyNos"], "被保险人密钥须列出保单。", "An INSURED key lists its policies."));
    const found = new Set((await policiesByNo(ctx.db, policyNos)).map((p) => p.policyNo));
    policyNos.forEach((no, i) => {
      if (!found.has(no)) problems.push(problem("UNKNOWN_POLICY", ["input", "policyNos", String(i)], `没有保单 ${no}。`, `No policy ${no}.`));
    });
  } else if (policyNos.length > 0) {
    problems.push(problem("FIELD_NOT_FOR_ROLE", ["input", "policyNos"], "只有被保险人密钥可列出保单。", "Only INSURED keys list policies."));
  }
  if (problems.length > 0) return fail(problems);
  const secret = `hsg_${randomBytes(32).toString("base64url")}`;
  const keyId = await insertIssuedKey(ctx.db, {
    label: input.label.trim(),
    role: input.role,
    secretHash: hashSecret(secret),
    partnerCode: input.role === "PARTNER" ? input.partnerCode! : null,
    policyNos: input.role === "INSURED" ? policyNos : [],
  });
  return { apiKey: secret, keyId, userErrors: [] };
}

export async function revokeApiKey(ctx: Context, keyId: string): Promise<RevokeApiKeyPayload> {
  const valid = /^[0-9a-f-]{36}$/i.test(keyId);
  if (!valid || !(await revokeApiKeyById(ctx.db, keyId))) {
    return { revoked: false, userErrors: toUserErrors([problem("UNKNOWN_KEY", ["keyId"], "没有这个有效密钥。", "No active key with this id.")]) };
  }
  return { revoked: true, userErrors: [] };
}
