// What a submitCase answer may tell a partner: whether it may submit and why, without facts about
// the insured's diagnoses (partners see no diagnoses: ./row-scope.ts). The reasons that follow
// from a diagnosis (none covered, diagnosed in the waiting period and when, malignant or not, a
// pathology report needed, an earlier advance for the same illness) become one reason that names
// none of them; every other reason is told as it is.
import type { LocalizedText } from "../shared/localized-text.js";

/** Eligibility reasons and userError codes that carry a fact about a diagnosis. */
export const DIAGNOSIS_FACT_CODES: ReadonlySet<string> = new Set([
  "NO_COVERED_DIAGNOSIS",
  "DIAGNOSED_IN_WAITING_PERIOD",
  "NOT_MALIGNANT_TUMOR",
  "PATHOLOGY_REPORT_REQUIRED",
  "FIRST_ADVANCE_MAY_NEED_REVIEW",
  "UNKNOWN_DIAGNOSIS",
]);

/** The one reason a partner is told in their place. */
export const WITHHELD_CODE = "INSURER_MUST_DECIDE";
export const WITHHELD_MESSAGE: LocalizedText = {
  zh: "此申请须由保险公司运营人员依被保险人的病情资料判断，服务商无法查看；请联系保险公司。",
  en: "This application depends on the insured's medical facts, which partners do not see; the insurer's operators decide it.",
};

interface Reason {
  readonly code: string;
}
interface Answer {
  readonly eligibility?: { readonly eligible: boolean; readonly reasons: readonly Reason[]; readonly warnings: readonly Reason[]; readonly eligibleFrom?: string | null } | null;
  readonly userErrors: readonly Reason[];
}

/** The answer as a partner may read it: unchanged when it holds no diagnosis fact. */
export function withoutDiagnosisFacts<A extends Answer>(answer: A): A {
  const withheld = (items: readonly Reason[]) => items.some((item) => DIAGNOSIS_FACT_CODES.has(item.code));
  const eligibility = answer.eligibility;
  if (!withheld(answer.userErrors) && !(eligibility && (withheld(eligibility.reasons) || withheld(eligibility.warnings)))) return answer;
  const kept = (items: readonly Reason[]) => items.filter((item) => !DIAGNOSIS_FACT_CODES.has(item.code));
  const errors = kept(answer.userErrors);
  return {
    ...answer,
    eligibility: eligibility
      ? {
          ...eligibility,
          reasons: kept(eligibility.reasons),
          warnings: kept(eligibility.warnings),
          // when it would open depends on the diagnosis too
          eligibleFrom: withheld(eligibility.reasons) ? null : (eligibility.eligibleFrom ?? null),
        }
      : eligibility,
    userErrors: withheld(answer.userErrors) ? [{ code: WITHHELD_CODE, field: ["input", "policyNo"], message: WITHHELD_MESSAGE }, ...errors] : errors,
  } as A;
}
