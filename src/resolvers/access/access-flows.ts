// createPartner, issueApiKey, revokeApiKey (ADMIN): validate, write, and show a secret only once.
import { randomBytes } from "node:crypto";
import type { Context } from "../../context/context.js";
import { insertIssuedKey, insertPartner, partnerByCode, revokeApiKeyById } from "../../db/queries/api-keys.js";
import { policiesByNo } from "../../db/queries/policies.js";
import { accessProblem } from "../../rules/access/access-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import type { CreatePartnerInput, IssueApiKeyInput, IssueApiKeyPayload, PartnerPayload, RevokeApiKeyPayload } from "../../schema/access/access.inputs.js";
import { hashSecret } from "../../security/secrets.js";
import { toUserErrors } from "../shared/user-errors.js";
import { presentPartner } from "./present-partner.js";

export async function createPartner(ctx: Context, input: CreatePartnerInput): Promise<PartnerPayload> {
  const problems: Problem[] = [];
  if (!/^[A-Z0-9_-]{2,32}$/.test(input.code)) {
    problems.push(accessProblem("INVALID_PARTNER_CODE", ["input", "code"]));
  }
  if (input.name.trim().length === 0 || input.name.length > 100) {
    problems.push(accessProblem("INVALID_NAME", ["input", "name"]));
  }
  if (input.services.length === 0 || new Set(input.services).size !== input.services.length) {
    problems.push(accessProblem("INVALID_SERVICES", ["input", "services"]));
  }
  if (problems.length > 0) return { partner: null, userErrors: toUserErrors(problems) };
  const row = await insertPartner(ctx.db, { code: input.code, name: input.name.trim(), services: input.services });
  if (!row) return { partner: null, userErrors: toUserErrors([accessProblem("PARTNER_CODE_TAKEN", ["input", "code"])]) };
  return { partner: presentPartner(row), userErrors: [] };
}

export async function issueApiKey(ctx: Context, input: IssueApiKeyInput): Promise<IssueApiKeyPayload> {
  const problems: Problem[] = [];
  const fail = (p: Problem[]) => ({ apiKey: null, keyId: null, userErrors: toUserErrors(p) });
  if (input.label.trim().length === 0 || input.label.length > 100) {
    problems.push(accessProblem("INVALID_LABEL", ["input", "label"]));
  }
  const policyNos = [...new Set(input.policyNos ?? [])];
  if (input.role === "PARTNER") {
    if (!input.partnerCode) problems.push(accessProblem("PARTNER_REQUIRED", ["input", "partnerCode"]));
    else if (!(await partnerByCode(ctx.db, input.partnerCode))) {
      problems.push(accessProblem("UNKNOWN_PARTNER", ["input", "partnerCode"]));
    }
  } else if (input.partnerCode) {
    problems.push(accessProblem("FIELD_NOT_FOR_ROLE", ["input", "partnerCode"], { field: "partnerCode" }));
  }
  if (input.role === "INSURED") {
    if (policyNos.length === 0) problems.push(accessProblem("POLICIES_REQUIRED", ["input", "policyNos"]));
    const found = new Set((await policiesByNo(ctx.db, policyNos)).map((p) => p.policyNo));
    policyNos.forEach((no, i) => {
      if (!found.has(no)) problems.push(accessProblem("UNKNOWN_POLICY", ["input", "policyNos", String(i)], { policyNo: no }));
    });
  } else if (policyNos.length > 0) {
    problems.push(accessProblem("FIELD_NOT_FOR_ROLE", ["input", "policyNos"], { field: "policyNos" }));
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
    return { revoked: false, userErrors: toUserErrors([accessProblem("UNKNOWN_KEY", ["keyId"])]) };
  }
  return { revoked: true, userErrors: [] };
}
