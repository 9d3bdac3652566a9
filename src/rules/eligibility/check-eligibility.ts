// Handbook 2022, 服务条件 of every service: in force and past the waiting period, a first covered 重大疾病
// (恶性肿瘤 for 靶向药基因检测 and 赴日就医), 保单载明责任 (赴日就医), 服务次数.
// All reasons that apply are returned, not just the first.
// Clauses: GENERAL.说明.7, JAPAN.介绍.0 (the policy lists the benefit); GREEN_CHANNEL.条件.1, ADVANCE.条件.1,
// SECOND_OPINION.条件.1, SECOND_OPINION.条件.2, MDT.条件.1, GENE_TEST.条件.1, JAPAN.条件.1 (in force, after the waiting
// period, diagnosed after it); ADVANCE.提示.5.1, SECOND_OPINION.提示.5, MDT.提示.2, JAPAN.提示.1 (ends with the
// policy); JAPAN.介绍.2 (10 uses); ADVANCE.提示.2.2 (the first advance for an illness may wait for the liability
// determination). 初次罹患 is the first diagnosis ever of a category: the earliest record of the category
// decides, and a later record of a category first diagnosed in the waiting period never reopens it.
import type { BenefitDefinition, RequiredDiagnosis } from "../catalogue/service-definition.js";
import { addDays } from "../shared/dates.js";
import type { BenefitCode } from "../catalogue/codes.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { handbookService } from "../services/index.js";
import type { DiagnosisCategory, PolicyStatus } from "../policy/codes.js";
import type { EligibilityReason } from "./reason-codes.js";

export interface PolicyFacts {
  readonly status: PolicyStatus;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  /** The last day of the waiting period. */
  readonly waitingPeriodEndsOn: string;
}

export interface DiagnosisFacts {
  readonly category: DiagnosisCategory;
  readonly firstDiagnosedOn: string;
}

/** The illness an advance would be for and how many advances were already made for it (ADVANCE.提示.2). */
export interface AdvanceHistory {
  readonly earlierAdvancesForIllness: number;
}

/** The policy's entitlement to the benefit; null when the policy does not list the benefit. */
export interface QuotaFacts {
  readonly total: number | null;
  readonly used: number;
  readonly reserved: number;
}

export interface EligibilityInput {
  readonly benefit: Pick<BenefitDefinition, "code" | "requiredDiagnosis">;
  readonly policy: PolicyFacts;
  readonly diagnoses: readonly DiagnosisFacts[];
  readonly quota: QuotaFacts | null;
  /** The date the question is asked for (Asia/Shanghai). */
  readonly on: string;
  /** For the advance: advances already made for the illness the application is for (none known: 0). */
  readonly advances?: AdvanceHistory;
}

export interface EligibilityDecision {
  readonly eligible: boolean;
  readonly reasons: readonly EligibilityReason[];
  readonly warnings: readonly EligibilityReason[];
  /** The first day the answer becomes yes when only the passing of time changes it; else null. */
  readonly eligibleFrom: string | null;
}

export function checkEligibility(input: EligibilityInput): EligibilityDecision {
  const { policy, on, benefit } = input;
  const reasons: EligibilityReason[] = [];
  /** Reasons that resolve themselves on a date: each with the day it stops applying. */
  const waitFor: string[] = [];
  let onlyTimeMissing = true;

  const inForce = policyInForce(policy, on);
  if (inForce !== true) {
    reasons.push({ code: "POLICY_NOT_IN_FORCE", date: inForce.startsOn });
    if (inForce.startsOn) waitFor.push(inForce.startsOn);
    else onlyTimeMissing = false;
  }

  if (benefit.requiredDiagnosis !== "NONE") {
    if (on <= policy.waitingPeriodEndsOn) {
      const opens = addDays(policy.waitingPeriodEndsOn, 1);
      reasons.push({ code: "WAITING_PERIOD", date: opens });
      waitFor.push(opens);
    }
    const diagnosis = diagnosisReason(benefit.requiredDiagnosis, input.diagnoses, policy, on);
    if (diagnosis) {
      reasons.push(diagnosis);
      onlyTimeMissing = false;
    }
  }

  if (input.quota === null) {
    reasons.push({ code: "BENEFIT_NOT_ON_POLICY", date: null });
    onlyTimeMissing = false;
  } else if (input.quota.total !== null && input.quota.used + input.quota.reserved >= input.quota.total) {
    reasons.push({ code: "QUOTA_EXHAUSTED", date: null });
    onlyTimeMissing = false;
  }

  const warnings: EligibilityReason[] = [];
  if (countsEarlierAdvances(benefit.code) && input.quota !== null && isFirstAdvance(input.advances ?? { earlierAdvancesForIllness: 0 })) {
    warnings.push({ code: "FIRST_ADVANCE_MAY_NEED_REVIEW", date: null });
  }

  const latest = waitFor.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
  const eligibleFrom =
    reasons.length > 0 && onlyTimeMissing && latest !== null && latest <= policy.effectiveTo && policy.status === "ACTIVE"
      ? latest
      : null;
  return { eligible: reasons.length === 0, reasons, warnings, eligibleFrom };
}

/** Status ACTIVE and the date within the policy's dates; a future start is reported with its date. */
export function policyInForce(policy: PolicyFacts, on: string): true | { startsOn: string | null } {
  if (policy.status !== "ACTIVE") return { startsOn: null };
  if (on < policy.effectiveFrom) return { startsOn: policy.effectiveFrom };
  if (on > policy.effectiveTo) return { startsOn: null };
  return true;
}

/**
 * ADVANCE.提示.2 (after an earlier advance for the same illness, 5 working days' notice is enough; a first
 * advance waits for the liability determination). First for the illness, not for the policy:
 * the entitlement view asks it for the illness a new case would attach to (illnessOf), submitCase for the
 * one it names.
 */
export function countsEarlierAdvances(benefit: BenefitCode): boolean {
  return handbookService(benefitByCode(benefit).service.code).submission?.countsEarlierUses === true;
}

export function isFirstAdvance(history: AdvanceHistory): boolean {
  return history.earlierAdvancesForIllness === 0;
}

/** Whether a diagnosis category meets a benefit's condition: a malignant tumour is itself a covered critical illness. */
export function meetsRequirement(required: Exclude<RequiredDiagnosis, "NONE">, category: DiagnosisCategory): boolean {
  return required === "CRITICAL_ILLNESS" || category === "MALIGNANT_TUMOR";
}

/**
 * 初次罹患 (every service's 服务条件 1): each category's earliest diagnosis known on `on`. A category
 * first diagnosed on or before the waiting period's last day is excluded for good, whatever is
 * recorded after; its date is the first diagnosis.
 */
export function firstDiagnoses(
  diagnoses: readonly DiagnosisFacts[],
  policy: Pick<PolicyFacts, "waitingPeriodEndsOn">,
  on: string,
): Map<DiagnosisCategory, { firstDiagnosedOn: string; excluded: boolean }> {
  const first = new Map<DiagnosisCategory, { firstDiagnosedOn: string; excluded: boolean }>();
  for (const d of diagnoses) {
    if (d.firstDiagnosedOn > on) continue;
    const known = first.get(d.category);
    if (!known || d.firstDiagnosedOn < known.firstDiagnosedOn) {
      first.set(d.category, { firstDiagnosedOn: d.firstDiagnosedOn, excluded: d.firstDiagnosedOn <= policy.waitingPeriodEndsOn });
    }
  }
  return first;
}

/**
 * 初次罹患: a category meeting the benefit's condition whose first diagnosis came after the waiting
 * period. Otherwise the earliest excluded first diagnosis is the reason, with its date.
 */
function diagnosisReason(
  required: Exclude<RequiredDiagnosis, "NONE">,
  diagnoses: readonly DiagnosisFacts[],
  policy: PolicyFacts,
  on: string,
): EligibilityReason | null {
  const first = [...firstDiagnoses(diagnoses, policy, on)].filter(([category]) => meetsRequirement(required, category));
  if (first.some(([, f]) => !f.excluded)) return null;
  const early = first
    .map(([, f]) => f.firstDiagnosedOn)
    .sort()
    .at(0);
  if (early !== undefined) return { code: "DIAGNOSED_IN_WAITING_PERIOD", date: early };
  if (required === "MALIGNANT_TUMOR" && diagnoses.some((d) => d.firstDiagnosedOn <= on)) return { code: "NOT_MALIGNANT_TUMOR", date: null };
  return { code: "NO_COVERED_DIAGNOSIS", date: null };
}
