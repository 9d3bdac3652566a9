// upsertPolicy: validate → lock the policy number → write people, policy and entitlements in one
// transaction → the policy. A failure is a userError and nothing is written.
import type { Context } from "../../context/context.js";
import { transaction } from "../../db/driver/database.js";
import {
  findPolicyForUpdate,
  insertPerson,
  insertPolicy,
  lockPolicyNo,
  syncEntitlements,
  updatePerson,
  updatePolicy,
} from "../../db/queries/policy-writes.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { validatePolicy } from "../../rules/policy/validate-policy.js";
import { policyProblem } from "../../rules/policy/policy-codes.js";
import type { PolicyPayload } from "../../schema/policy/policy.payloads.js";
import type { UpsertPolicyInput } from "../../schema/policy/policy.inputs.js";
import { sealPerson } from "../../security/seal-person.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { presentPolicy } from "./present-policy.js";

export async function upsertPolicy(ctx: Context, input: UpsertPolicyInput): Promise<PolicyPayload> {
  const validated = validatePolicy(input, ctx.today);
  if (!validated.ok) return { policy: null, userErrors: toUserErrors(validated.problems) };
  const clean = validated.value;

  const outcome = await inTransaction(ctx.db, async (tx) => {
    await lockPolicyNo(tx, clean.policyNo);
    const existing = await findPolicyForUpdate(tx, clean.policyNo);
    const insured = sealPerson(clean.insured, ctx.pii);
    const holder = sealPerson(clean.policyholder, ctx.pii);

    let insuredId: string;
    let policyholderId: string;
    if (existing) {
      insuredId = existing.insuredId;
      await updatePerson(tx, insuredId, insured);
      if (clean.policyholderIsInsured) policyholderId = insuredId;
      else if (existing.policyholderId !== existing.insuredId) {
        policyholderId = existing.policyholderId;
        await updatePerson(tx, policyholderId, holder);
      } else policyholderId = await insertPerson(tx, holder);
    } else {
      insuredId = await insertPerson(tx, insured);
      policyholderId = clean.policyholderIsInsured ? insuredId : await insertPerson(tx, holder);
    }

    const values = {
      policyNo: clean.policyNo,
      status: clean.status,
      effectiveFrom: clean.effectiveFrom,
      effectiveTo: clean.effectiveTo,
      waitingPeriodEndsOn: clean.waitingPeriodEndsOn,
      insuredId,
      policyholderId,
      hasSocialInsurance: clean.hasSocialInsurance,
    };
    const policy = existing ? await updatePolicy(tx, existing.id, values) : await insertPolicy(tx, values);
    const { blocked } = await syncEntitlements(
      tx,
      policy.id,
      clean.benefits.map((code) => ({ benefitCode: code, quotaTotal: benefitByCode(code).benefit.quota })),
    );
    // What was written above is rolled back with the refusal.
    if (blocked.length > 0) return rollBack([policyProblem("BENEFIT_IN_USE", ["input", "benefits"], { blocked })]);
    return commit(policy);
  });
  if ("rollBack" in outcome) return { policy: null, userErrors: toUserErrors(outcome.rollBack) };
  ctx.loaders.policyByNo.clear(outcome.commit.policyNo);
  return { policy: presentPolicy(outcome.commit), userErrors: [] };
}

