// Validation of a policy as operations load it (upsertPolicy): dates in order, the waiting period
// inside the policy, people's ID numbers (GB 11643) and phones. Pure: the date comes in.
import { BENEFIT_CODES, type BenefitCode } from "../catalogue/codes.js";
import { STANDARD_BENEFITS } from "../catalogue/catalogue.js";
import { addDays, isCalendarDate } from "../shared/dates.js";
import { problem, type Problem } from "../shared/problem.js";
import type { PolicyStatus } from "./codes.js";
import { normalizePhone } from "./phone.js";
import { parseResidentId } from "./resident-id.js";

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
    problems.push(problem("INVALID_POLICY_NO", at("policyNo"), "保单号须为4–40位字母、数字或连字符。", "A policy number is 4–40 letters, digits or hyphens."));
  }
  if (draft.effectiveFrom > draft.effectiveTo) {
    problems.push(problem("DATES_OUT_OF_ORDER", at("effectiveTo"), "保单终止日早于生效日。", "effectiveTo is before effectiveFrom."));
  }
  // The waiting period ends on or after the day before the policy starts (no waiting period) and inside the policy.
  if (draft.waitingPeriodEndsOn < addDays(draft.effectiveFrom, -1) || draft.waitingPeriodEndsOn > draft.effectiveTo) {
    problems.push(
      problem(
        "WAITING_PERIOD_OUTSIDE_POLICY",
        at("waitingPeriodEndsOn"),
        "等待期须在保单期间内（最后一天不晚于保单终止日）。",
        "The waiting period must lie inside the policy (its last day no later than effectiveTo).",
      ),
    );
  }

  const insured = validatePerson(draft.insured, at("insured"), today, problems);
  const holder = draft.policyholder ? validatePerson(draft.policyholder, at("policyholder"), today, problems) : insured;

  let benefits: readonly BenefitCode[] = STANDARD_BENEFITS;
  if (draft.benefits) {
    const seen = new Set<BenefitCode>();
    draft.benefits.forEach((code, i) => {
      if (seen.has(code)) {
        problems.push(problem("DUPLICATE_BENEFIT", at("benefits", String(i)), `权益重复：${code}`, `Benefit listed twice: ${code}`));
      }
      seen.add(code);
    });
    if (draft.benefits.length === 0) {
      problems.push(problem("NO_BENEFITS", at("benefits"), "保单须至少载明一项权益。", "A policy lists at least one benefit."));
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

function validatePerson(person: PersonDraft, field: string[], today: string, problems: Problem[]): CleanPerson {
  const name = person.name.trim();
  if (name.length === 0 || name.length > 100) {
    problems.push(problem("INVALID_NAME", [...field, "name"], "姓名不能为空且不超过100字。", "A name is 1–100 characters."));
  }
  let birthDate = person.birthDate ?? null;
  if (birthDate !== null && (!isCalendarDate(birthDate) || birthDate > today)) {
    problems.push(problem("INVALID_BIRTH_DATE", [...field, "birthDate"], "出生日期不能晚于今天。", "A birth date cannot be in the future."));
  }
  let idNumber: string | null = null;
  if (person.idNumber != null && person.idNumber.trim() !== "") {
    const parsed = parseResidentId(person.idNumber, today);
    if ("problem" in parsed) {
      const [code, zh, en] =
        parsed.problem === "CHECK_DIGIT"
          ? ["INVALID_ID_NUMBER_CHECK_DIGIT", "身份证号码校验位错误。", "The ID number's check digit is wrong."]
          : parsed.problem === "BIRTH_DATE"
            ? ["INVALID_ID_NUMBER_BIRTH_DATE", "身份证号码中的出生日期无效。", "The ID number holds an impossible birth date."]
            : ["INVALID_ID_NUMBER", "身份证号码须为18位（最后一位可为X）。", "An ID number has 18 characters (the last may be X)."];
      problems.push(problem(code, [...field, "idNumber"], zh, en));
    } else {
      idNumber = parsed.normalized;
      if (birthDate !== null && birthDate !== parsed.birthDate) {
        problems.push(
          problem("BIRTH_DATE_MISMATCH", [...field, "birthDate"], "出生日期与身份证号码不符。", "The birth date differs from the one in the ID number."),
        );
      }
      birthDate ??= parsed.birthDate;
    }
  }
  let phone: string | null = null;
  if (person.phone != null && person.phone.trim() !== "") {
    phone = normalizePhone(person.phone);
    if (phone === null) {
      problems.push(problem("INVALID_PHONE", [...field, "phone"], "手机号码须为11位中国大陆手机号。", "A phone is an 11-digit mainland mobile number."));
    }
  }
  return { name, idNumber, phone, birthDate };
}
