// An entitlement as the graph shows it: the stored counts and the eligibility rules' answer.
import type { DiagnosisRow, EntitlementRow } from "../../db/queries/policies.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { checkEligibility } from "../../rules/eligibility/check-eligibility.js";
import { reasonMessage, type EligibilityReason } from "../../rules/eligibility/reason-codes.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import type { Eligibility } from "../../schema/entitlement/eligibility.type.js";
import type { Entitlement } from "../../schema/entitlement/entitlement.type.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { serviceView } from "../catalogue/service.resolver.js";

export function presentEntitlement(
  policy: Policy,
  diagnoses: readonly DiagnosisRow[],
  row: EntitlementRow | null,
  benefit: BenefitCode,
  on: string,
): Entitlement {
  const { service, benefit: definition } = benefitByCode(benefit);
  const total = row ? row.quotaTotal : 0;
  const used = row?.used ?? 0;
  const reserved = row?.reserved ?? 0;
  let eligibility: Eligibility | undefined;
  return {
    benefit,
    service: serviceView(service.code),
    unlimited: row !== null && row.quotaTotal === null,
    quotaTotal: total,
    used,
    reserved,
    remaining: total === null ? null : Math.max(0, total - used - reserved),
    // Decided when asked for: a console page lists hundreds of entitlements and asks for none.
    get eligibility(): Eligibility {
      eligibility ??= presentEligibility(
        checkEligibility({
          benefit: definition,
          policy: { ...policy, status: policy.status as PolicyStatus },
          diagnoses: diagnoses.map((d) => ({ category: d.category as DiagnosisCategory, firstDiagnosedOn: d.firstDiagnosedOn })),
          quota: row ? { total: row.quotaTotal, used: row.used, reserved: row.reserved } : null,
          on,
        }),
      );
      return eligibility;
    },
  };
}

export function presentEligibility(decision: {
  eligible: boolean;
  reasons: readonly EligibilityReason[];
  warnings: readonly EligibilityReason[];
  eligibleFrom: string | null;
}): Eligibility {
  const present = (r: EligibilityReason) => ({ code: r.code, date: r.date, message: reasonMessage(r) });
  return {
    eligible: decision.eligible,
    reasons: decision.reasons.map(present),
    warnings: decision.warnings.map(present),
    eligibleFrom: decision.eligibleFrom,
  };
}
