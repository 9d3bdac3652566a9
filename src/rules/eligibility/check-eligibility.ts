// Handbook 2022, 服务条件 of every service: 保单有效期内且等待期后, 初次罹患保障范围内的重大疾病
// (恶性肿瘤 for 靶向药基因检测 and 赴日就医), 保单载明责任 (赴日就医), 服务次数.
// All reasons that apply are returned, not just the first.
// Clauses: GENERAL.说明.7, JAPAN.介绍.0 (the policy lists the benefit); GREEN_CHANNEL.条件.1, ADVANCE.条件.1,
// SECOND_OPINION.条件.1, SECOND_OPINION.条件.2, MDT.条件.1, GENE_TEST.条件.1, JAPAN.条件.1 (in force, after the waiting
// period, diagnosed after it); ADVANCE.提示.5.1, SECOND_OPINION.提示.5, MDT.提示.2, JAPAN.提示.1 (ends with the
// policy); JAPAN.介绍.2 (10 uses). 初次罹患 is read by category only: any diagnosis after the waiting period qualifies.
import type { BenefitDefinition, RequiredDiagnosis } from "../catalogue/service-definition.js";
import { addDays } from "../shared/dates.js";
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
  if (benefit.code === "INPATIENT_ADVANCE_PAYMENT" && input.quota !== null && input.quota.used === 0) {
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
 * 初次罹患: a diagnosis of the right category first made after the waiting period and known on
 * the date asked about. A malignant tumour is itself a covered critical illness.
 */
function diagnosisReason(
  required: Exclude<RequiredDiagnosis, "NONE">,
  diagnoses: readonly DiagnosisFacts[],
  policy: PolicyFacts,
  on: string,
): EligibilityReason | null {
  const known = diagnoses.filter((d) => d.firstDiagnosedOn <= on);
  const ofCategory = known.filter((d) => required === "CRITICAL_ILLNESS" || d.category === "MALIGNANT_TUMOR");
  if (ofCategory.some((d) => d.firstDiagnosedOn > policy.waitingPeriodEndsOn)) return null;
  const early = ofCategory
    .map((d) => d.firstDiagnosedOn)
    .sort()
    .at(0);
  if (early !== undefined) return { code: "DIAGNOSED_IN_WAITING_PERIOD", date: early };
  if (required === "MALIGNANT_TUMOR" && known.length > 0) return { code: "NOT_MALIGNANT_TUMOR", date: null };
  return { code: "NO_COVERED_DIAGNOSIS", date: null };
}
