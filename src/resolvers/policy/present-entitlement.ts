// An entitlement as the graph shows it: the stored counts, and the eligibility rules' answer when
// a query asks for it (EntitlementResolver).
import type { DiagnosisRow, EntitlementRow } from "../../db/queries/policies.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import { checkEligibility } from "../../rules/eligibility/check-eligibility.js";
import { illnessOf } from "../../rules/case-workflow/illness-of.js";
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

/**
 * The eligibility rules (src/rules/eligibility) on an entitlement, the policy's diagnoses and the
 * advances already made per illness: the illness is the one a new case would be for (illnessOf), so
 * the view and submitCase give the same first-advance answer (ADVANCE.提示.2).
 */
export function decideEligibility(
  entitlement: Entitlement,
  diagnoses: readonly DiagnosisRow[],
  admittedByIllness: readonly { diagnosisId: string; n: number }[] = [],
): Eligibility {
  const { policy, row, on } = entitlement.basis;
  const { benefit } = benefitByCode(entitlement.benefit);
  const policyFacts = { ...policy, status: policy.status as PolicyStatus };
  const diagnosisFacts = diagnoses.map((d) => ({ id: d.id, category: d.category as DiagnosisCategory, firstDiagnosedOn: d.firstDiagnosedOn }));
  const illness = admittedByIllness.length > 0 ? illnessOf(null, diagnosisFacts, benefit.requiredDiagnosis, policyFacts, on) : null;
  const illnessId = illness && "diagnosisId" in illness ? illness.diagnosisId : null;
  return presentEligibility(
    checkEligibility({
      benefit,
      policy: policyFacts,
      diagnoses: diagnosisFacts,
      quota: row ? { total: row.quotaTotal, used: row.used, reserved: row.reserved } : null,
      on,
      advances: { earlierAdvancesForIllness: admittedByIllness.find((a) => a.diagnosisId === illnessId)?.n ?? 0 },
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
