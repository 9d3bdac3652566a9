// A diagnosis as operations record it: not in the future, not before the insured was born.
import type { Problem } from "../shared/problem.js";
import { policyProblem } from "./policy-codes.js";

export function validateDiagnosis(
  input: { readonly firstDiagnosedOn: string; readonly icd10?: string | null; readonly description?: string | null },
  insuredBirthDate: string | null,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (input.firstDiagnosedOn > today) {
    problems.push(policyProblem("DIAGNOSIS_IN_FUTURE", ["input", "firstDiagnosedOn"]));
  }
  if (insuredBirthDate !== null && input.firstDiagnosedOn < insuredBirthDate) {
    problems.push(policyProblem("DIAGNOSIS_BEFORE_BIRTH", ["input", "firstDiagnosedOn"]));
  }
  if (input.icd10 != null && !/^[A-Z]\d{2}(\.\d{1,4})?$/.test(input.icd10.trim().toUpperCase())) {
    problems.push(policyProblem("INVALID_ICD10", ["input", "icd10"]));
  }
  if ((input.description?.length ?? 0) > 2000) {
    problems.push(policyProblem("DESCRIPTION_TOO_LONG", ["input", "description"]));
  }
  return problems;
}
