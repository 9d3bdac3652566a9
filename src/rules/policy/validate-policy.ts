// Validation of a policy as operations load it (upsertPolicy): dates in order, the waiting period
// inside the policy, people's ID numbers (GB 11643) and phones. Pure: the date comes in.
import { BENEFIT_CODES, type BenefitCode } from "../catalogue/codes.js";
import { STANDARD_BENEFITS } from "../catalogue/catalogue.js";
import { addDays, isCalendarDate } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { policyProblem, type PolicyCode } from "./policy-codes.js";
import type { PolicyStatus } from "./codes.js";
import { normalizePhone } from "./phone.js";
import { parseResidentId, type ResidentIdProblem } from "./resident-id.js";

export interface PersonDraft {
  readonly name: string;
  readonly idNumber?: string | null;
  readonly phone?: string | null;
  readonly birthDate?: string | null;
}

export interface PolicyDraft {
  readonly policyNo: string;
  readonly status: PolicyStatus;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly waitingPeriodEndsOn: string;
  readonly insured: PersonDraft;
  readonly policyholder?: PersonDraft | null;
  readonly hasSocialInsurance: boolean;
  readonly benefits?: readonly BenefitCode[] | null;
}

export interface CleanPerson {
  readonly name: string;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly birthDate: string | null;
}

export interface CleanPolicy extends Omit<PolicyDraft, "insured" | "policyholder" | "benefits"> {
  readonly insured: CleanPerson;
  /** The insured when no policyholder is given. */
  readonly policyholder: CleanPerson;
  readonly policyholderIsInsured: boolean;
  readonly benefits: readonly BenefitCode[];
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

const POLICY_NO = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;

export function validatePolicy(draft: PolicyDraft, today: string): Validated<CleanPolicy> {
  const problems: Problem[] = [];
  const at = (...field: string[]) => ["input", ...field];

  if (!POLICY_NO.test(draft.policyNo)) {
    problems.push(policyProblem("INVALID_POLICY_NO", at("policyNo")));
  }
  if (draft.effectiveFrom > draft.effectiveTo) {
    problems.push(policyProblem("DATES_OUT_OF_ORDER", at("effectiveTo")));
  }
  // The waiting period ends on or after the day before the policy starts (no waiting period) and inside the policy.
  if (draft.waitingPeriodEndsOn < addDays(draft.effectiveFrom, -1) || draft.waitingPeriodEndsOn > draft.effectiveTo) {
    problems.push(policyProblem("WAITING_PERIOD_OUTSIDE_POLICY", at("waitingPeriodEndsOn")));
  }

  const insured = validatePerson(draft.insured, at("insured"), today, problems);
  const holder = draft.policyholder ? validatePerson(draft.policyholder, at("policyholder"), today, problems) : insured;

  let benefits: readonly BenefitCode[] = STANDARD_BENEFITS;
  if (draft.benefits) {
    const seen = new Set<BenefitCode>();
    draft.benefits.forEach((code, i) => {
      if (seen.has(code)) {
        problems.push(policyProblem("DUPLICATE_BENEFIT", at("benefits", String(i)), { benefit: code }));
      }
      seen.add(code);
    });
    if (draft.benefits.length === 0) {
      problems.push(policyProblem("NO_BENEFITS", at("benefits")));
    }
    benefits = BENEFIT_CODES.filter((code) => seen.has(code));
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      policyNo: draft.policyNo,
      status: draft.status,
      effectiveFrom: draft.effectiveFrom,
      effectiveTo: draft.effectiveTo,
      waitingPeriodEndsOn: draft.waitingPeriodEndsOn,
      hasSocialInsurance: draft.hasSocialInsurance,
      insured,
      policyholder: holder,
      policyholderIsInsured: !draft.policyholder,
      benefits,
    },
  };
}

const ID_NUMBER_CODE: Record<ResidentIdProblem, PolicyCode> = {
  FORMAT: "INVALID_ID_NUMBER",
  CHECK_DIGIT: "INVALID_ID_NUMBER_CHECK_DIGIT",
  BIRTH_DATE: "INVALID_ID_NUMBER_BIRTH_DATE",
};

function validatePerson(person: PersonDraft, field: string[], today: string, problems: Problem[]): CleanPerson {
  const name = person.name.trim();
  if (name.length === 0 || name.length > 100) {
    problems.push(policyProblem("INVALID_NAME", [...field, "name"]));
  }
  let birthDate = person.birthDate ?? null;
  if (birthDate !== null && (!isCalendarDate(birthDate) || birthDate > today)) {
    problems.push(policyProblem("INVALID_BIRTH_DATE", [...field, "birthDate"]));
  }
  let idNumber: string | null = null;
  if (person.idNumber != null && person.idNumber.trim() !== "") {
    const parsed = parseResidentId(person.idNumber, today);
    if ("problem" in parsed) {
      problems.push(policyProblem(ID_NUMBER_CODE[parsed.problem], [...field, "idNumber"]));
    } else {
      idNumber = parsed.normalized;
      if (birthDate !== null && birthDate !== parsed.birthDate) {
        problems.push(policyProblem("BIRTH_DATE_MISMATCH", [...field, "birthDate"]));
      }
      birthDate ??= parsed.birthDate;
    }
  }
  let phone: string | null = null;
  if (person.phone != null && person.phone.trim() !== "") {
    phone = normalizePhone(person.phone);
    if (phone === null) {
      problems.push(policyProblem("INVALID_PHONE", [...field, "phone"]));
    }
  }
  return { name, idNumber, phone, birthDate };
}
