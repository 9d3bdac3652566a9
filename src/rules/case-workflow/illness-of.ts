// The illness a case is for — ADVANCE.提示.2.1 counts earlier advances "因相同疾病": the diagnosis the
// request names, or else the policy's earliest diagnosis of a category the benefit takes whose first
// diagnosis came after the waiting period (初次罹患, every service's 服务条件 1: check-eligibility.ts).
// A named diagnosis of a category first diagnosed in the waiting period is refused with that date,
// however late the named record is. Null for a benefit without a diagnosis condition.
import type { RequiredDiagnosis } from "../catalogue/service-definition.js";
import { firstDiagnoses, meetsRequirement, type DiagnosisFacts, type PolicyFacts } from "../eligibility/check-eligibility.js";
import type { Problem } from "../shared/problem.js";
import { caseProblem } from "./case-codes.js";
import type { FieldReason } from "./submission-rules.js";

export interface IllnessFacts extends DiagnosisFacts {
  readonly id: string;
}

export type Illness = { readonly diagnosisId: string | null; readonly reasons: readonly FieldReason[] } | { readonly problem: Problem };

export function illnessOf(
  named: string | null,
  diagnoses: readonly IllnessFacts[],
  required: RequiredDiagnosis,
  policy: Pick<PolicyFacts, "waitingPeriodEndsOn">,
  on: string,
): Illness {
  const first = firstDiagnoses(diagnoses, policy, on);
  if (named !== null) {
    const found = diagnoses.find((d) => d.id === named);
    if (!found) return { problem: caseProblem("UNKNOWN_DIAGNOSIS", ["input", "diagnosisId"]) };
    if (required === "NONE") return { diagnosisId: found.id, reasons: [] };
    const field = ["input", "diagnosisId"];
    if (!meetsRequirement(required, found.category)) return { diagnosisId: found.id, reasons: [{ code: "NOT_MALIGNANT_TUMOR", date: null, field }] };
    const standing = first.get(found.category);
    if (standing?.excluded) return { diagnosisId: found.id, reasons: [{ code: "DIAGNOSED_IN_WAITING_PERIOD", date: standing.firstDiagnosedOn, field }] };
    return { diagnosisId: found.id, reasons: [] };
  }
  if (required === "NONE") return { diagnosisId: null, reasons: [] };
  const qualifying = [...diagnoses]
    .filter((d) => d.firstDiagnosedOn <= on && meetsRequirement(required, d.category) && first.get(d.category)?.excluded === false)
    .sort((a, b) => (a.firstDiagnosedOn < b.firstDiagnosedOn ? -1 : a.firstDiagnosedOn > b.firstDiagnosedOn ? 1 : 0))
    .at(0);
  return { diagnosisId: qualifying?.id ?? null, reasons: [] };
}
