// An entitlement as the graph shows it: the stored counts, and the eligibility rules' answer when
// a query asks for it (EntitlementResolver).
import type { DiagnosisRow, EntitlementRow } from "../../db/queries/policies.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { checkEligibility } from "../../rules/eligibility/check-eligibility.js";
import { reasonMessage, type EligibilityReason } from "../../rules/eligibility/reason-codes.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import type { Eligibility } from "../../schema/entitlement/eligibility.type.js";
import { Entitlement } from "../../schema/entitlement/entitlement.type.js";
import type { Policy } from "../../schema/policy/policy.type.js";
import { serviceView } from "../catalogue/present-service.js";

export function presentEntitlement(policy: Policy, row: EntitlementRow | null, benefit: BenefitCode, on: string): Entitlement {
  const { service } = benefitByCode(benefit);
  const total = row ? row.quotaTotal : 0;
  const used = row?.used ?? 0;
  const reserved = row?.reserved ?? 0;
  // An instance, so that type-graphql hands it to the eligibility resolver as it is.
  const entitlement = new Entitlement();
  entitlement.benefit = benefit;
  entitlement.service = serviceView(service.code);
  entitlement.unlimited = row !== null && row.quotaTotal === null;
  entitlement.quotaTotal = total;
  entitlement.used = used;
  entitlement.reserved = reserved;
  entitlement.remaining = total === null ? null : Math.max(0, total - used - reserved);
  entitlement.basis = { policy, row, on };
  return entitlement;
}

/** The eligibility rules (src/rules/eligibility) on an entitlement and the policy's diagnoses. */
export function decideEligibility(entitlement: Entitlement, diagnoses: readonly DiagnosisRow[]): Eligibility {
  const { policy, row, on } = entitlement.basis;
  return presentEligibility(
    checkEligibility({
      benefit: benefitByCode(entitlement.benefit).benefit,
      policy: { ...policy, status: policy.status as PolicyStatus },
      diagnoses: diagnoses.map((d) => ({ category: d.category as DiagnosisCategory, firstDiagnosedOn: d.firstDiagnosedOn })),
      quota: row ? { total: row.quotaTotal, used: row.used, reserved: row.reserved } : null,
      on,
    }),
  );
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
