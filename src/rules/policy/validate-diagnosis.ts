// A diagnosis as operations record it: not in the future, not before the insured was born.
import { problem, type Problem } from "../shared/problem.js";

export function validateDiagnosis(
  input: { readonly firstDiagnosedOn: string; readonly icd10?: string | null; readonly description?: string | null },
  insuredBirthDate: string | null,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (input.firstDiagnosedOn > today) {
    problems.push(problem("DIAGNOSIS_IN_FUTURE", ["input", "firstDiagnosedOn"], "确诊日期不能晚于今天。", "A diagnosis cannot be dated in the future."));
  }
  if (insuredBirthDate !== null && input.firstDiagnosedOn < insuredBirthDate) {
    problems.push(
      problem("DIAGNOSIS_BEFORE_BIRTH", ["input", "firstDiagnosedOn"], "确诊日期早于被保险人出生日期。", "The diagnosis predates the insured's birth."),
    );
  }
  if (input.icd10 != null && !/^[A-Z]\d{2}(\.\d{1,4})?$/.test(input.icd10.trim().toUpperCase())) {
    problems.push(problem("INVALID_ICD10", ["input", "icd10"], "ICD-10 编码格式错误（例：C34.1）。", "An ICD-10 code looks like C34.1."));
  }
  if ((input.description?.length ?? 0) > 2000) {
    problems.push(problem("DESCRIPTION_TOO_LONG", ["input", "description"], "描述不超过2000个字符。", "A description is at most 2000 characters."));
  }
  return problems;
}
