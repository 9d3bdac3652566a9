// recordDiagnosis: the policy must exist; the diagnosis not in the future nor before birth.
import type { Context } from "../../context/context.js";
import { transaction } from "../../db/driver/database.js";
import { personsById } from "../../db/queries/policies.js";
import { findPolicyForUpdate, insertDiagnosis, lockPolicyNo } from "../../db/queries/policy-writes.js";
import { validateDiagnosis } from "../../rules/policy/validate-diagnosis.js";
import { policyProblem } from "../../rules/policy/policy-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import type { PolicyPayload } from "../../schema/policy/policy.payloads.js";
import type { RecordDiagnosisInput } from "../../schema/policy/policy.inputs.js";
import { toUserErrors } from "../shared/user-errors.js";
import { presentPolicy } from "./present-policy.js";

export async function recordDiagnosis(ctx: Context, input: RecordDiagnosisInput): Promise<PolicyPayload> {
  const outcome = await transaction(ctx.db, async (tx): Promise<{ problems: Problem[] } | { policy: Awaited<ReturnType<typeof findPolicyForUpdate>> }> => {
    await lockPolicyNo(tx, input.policyNo);
    const policy = await findPolicyForUpdate(tx, input.policyNo);
    if (!policy) {
      return { problems: [policyProblem("UNKNOWN_POLICY", ["input", "policyNo"], { policyNo: input.policyNo })] };
    }
    const [insured] = await personsById(tx, [policy.insuredId]);
    const problems = validateDiagnosis(input, insured?.birthDate ?? null, ctx.today);
    if (problems.length > 0) return { problems };
    await insertDiagnosis(tx, {
      policyId: policy.id,
      category: input.category,
      firstDiagnosedOn: input.firstDiagnosedOn,
      icd10: input.icd10?.trim().toUpperCase() || null,
      description: input.description?.trim() || null,
    });
    return { policy };
  });
  if ("problems" in outcome) return { policy: null, userErrors: toUserErrors(outcome.problems) };
  ctx.loaders.forgetDiagnoses(outcome.policy!.id);
  return { policy: presentPolicy(outcome.policy!), userErrors: [] };
}
