// The request's own rules at submission, on top of eligibility. Handbook 2022 §住院垫付服务 服务条件
// 2 (入院前5个工作日预约; 已住院则不能申请), 4 (癌症须病理报告), 温馨提示 2 (首次垫付需责任认定) and
// 4 (以社保身份参保但无法以社保身份结算的，无法申请).
// Clauses: ADVANCE.条件.2.1, ADVANCE.条件.2.2, ADVANCE.条件.4, ADVANCE.提示.2.1, ADVANCE.提示.2.2, ADVANCE.提示.4.2;
// ADVANCE.标准.1 (applications on any day, holidays included: latestApplicationDay).
import type { BenefitCode } from "../catalogue/codes.js";
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { EligibilityReason } from "../eligibility/reason-codes.js";
import { addDays } from "../shared/dates.js";

export interface SubmissionFacts {
  readonly benefit: BenefitCode;
  readonly today: string;
  readonly plannedAdmissionDate: string | null;
  readonly hasSocialInsurance: boolean;
  readonly usesSocialInsuranceSettlement: boolean | null;
  readonly hasMalignantTumor: boolean;
  readonly pathologyReportProvided: boolean;
  /** Advance payments this policy already had for this benefit (any status but rejected). */
  readonly earlierAdvances: number;
}

export interface FieldReason extends EligibilityReason {
  /** The input field the reason is about. */
  readonly field: readonly string[];
}

export interface SubmissionDecision {
  readonly reasons: readonly FieldReason[];
  readonly warnings: readonly FieldReason[];
  /** Set when PLANNED_ADMISSION_REQUIRED: the field the request lacks. */
  readonly missingField: readonly string[] | null;
}

/** Whether a submission of this benefit is judged by the policy's earlier ones (SubmissionFacts.earlierAdvances). */
export function countsEarlierAdvances(benefit: BenefitCode): boolean {
  return benefit === "INPATIENT_ADVANCE_PAYMENT";
}

/** Apply at least 5 working days before admission: addWorkingDays(applicationDate, 5) <= plannedAdmissionDate. */
export const ADVANCE_NOTICE_WORKING_DAYS = 5;

export function checkSubmission(facts: SubmissionFacts, calendar: WorkingCalendar): SubmissionDecision {
  const reasons: FieldReason[] = [];
  const warnings: FieldReason[] = [];
  if (facts.benefit !== "INPATIENT_ADVANCE_PAYMENT") return { reasons, warnings, missingField: null };

  if (facts.plannedAdmissionDate === null) {
    return { reasons, warnings, missingField: ["input", "plannedAdmissionDate"] };
  }
  const admission = ["input", "plannedAdmissionDate"];
  if (facts.plannedAdmissionDate <= facts.today) {
    reasons.push({ code: "ALREADY_ADMITTED", date: facts.plannedAdmissionDate, field: admission });
  } else {
    const earliest = addWorkingDays(calendar, facts.today, ADVANCE_NOTICE_WORKING_DAYS);
    if (earliest.date > facts.plannedAdmissionDate) {
      reasons.push({ code: "ADMISSION_TOO_SOON", date: latestApplicationDay(calendar, facts.plannedAdmissionDate), field: admission });
    }
    if (earliest.provisional) warnings.push({ code: "CALENDAR_PROVISIONAL", date: earliest.date, field: admission });
  }
  if (facts.hasSocialInsurance && facts.usesSocialInsuranceSettlement === false) {
    reasons.push({ code: "SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE", date: null, field: ["input", "usesSocialInsuranceSettlement"] });
  }
  if (facts.hasMalignantTumor && !facts.pathologyReportProvided) {
    warnings.push({ code: "PATHOLOGY_REPORT_REQUIRED", date: null, field: ["input", "documents"] });
  }
  if (facts.earlierAdvances === 0) {
    warnings.push({ code: "FIRST_ADVANCE_MAY_NEED_REVIEW", date: null, field: ["input", "benefit"] });
  }
  return { reasons, warnings, missingField: null };
}

/** The last day on which an application still gives 5 working days' notice before `admission`. */
export function latestApplicationDay(calendar: WorkingCalendar, admission: string): string {
  let day = admission;
  for (let i = 0; i < 40; i++) {
    day = addDays(day, -1);
    if (addWorkingDays(calendar, day, ADVANCE_NOTICE_WORKING_DAYS).date <= admission) return day;
  }
  return day;
}
