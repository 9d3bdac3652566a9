// The illness a case is for — ADVANCE.提示.2.1 counts earlier advances "因相同疾病": the diagnosis the
// request names, or else the policy's earliest diagnosis of the kind the benefit needs (diagnoses
// come ordered by first diagnosis). Null for a benefit without a diagnosis condition.
import type { RequiredDiagnosis } from "../catalogue/service-definition.js";
import type { Problem } from "../shared/problem.js";
import { caseProblem } from "./case-codes.js";

export function illnessOf(
  named: string | null,
  diagnoses: readonly { readonly id: string; readonly category: string }[],
  required: RequiredDiagnosis,
): { diagnosisId: string | null } | { problem: Problem } {
  if (named !== null) {
    const found = diagnoses.find((d) => d.id === named);
    return found ? { diagnosisId: found.id } : { problem: caseProblem("UNKNOWN_DIAGNOSIS", ["input", "diagnosisId"]) };
  }
  if (required === "NONE") return { diagnosisId: null };
  const qualifying = diagnoses.find((d) => required === "CRITICAL_ILLNESS" || d.category === "MALIGNANT_TUMOR");
  return { diagnosisId: qualifying?.id ?? null };
}
