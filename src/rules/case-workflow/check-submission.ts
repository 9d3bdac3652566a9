// The request's own rules at submission, on top of eligibility. Handbook 2022 §住院垫付服务
// ADVANCE.条件.2.1 (入院前5个工作日预约), ADVANCE.条件.2.2 (已住院则不能申请), ADVANCE.条件.4 (癌症须病理报告) and ADVANCE.提示.4.2 (以社保身份参保但无法以
// 社保身份结算的，无法申请); §就医绿色通道 GREEN_CHANNEL.流程.2 (住院或手术: which of the two); §赴日就医
// JAPAN.流程.2 (须提供姓名及身份证号码).
import type { BenefitCode } from "../catalogue/codes.js";
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { EligibilityReason } from "../eligibility/reason-codes.js";
import { addDays } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { caseProblem } from "./case-codes.js";
import type { CareKind } from "./missing-documents.js";

export interface SubmissionFacts {
  readonly benefit: BenefitCode;
  readonly today: string;
  readonly plannedAdmissionDate: string | null;
  readonly hasSocialInsurance: boolean;
  readonly usesSocialInsuranceSettlement: boolean | null;
  readonly hasMalignantTumor: boolean;
  readonly pathologyReportProvided: boolean;
  readonly careKind: CareKind | null;
  readonly insuredHasIdNumber: boolean;
}

export interface FieldReason extends EligibilityReason {
  /** The input field the reason is about. */
  readonly field: readonly string[];
}

export interface SubmissionDecision {
  readonly reasons: readonly FieldReason[];
  readonly warnings: readonly FieldReason[];
  /** Input the request must carry for this benefit and does not. */
  readonly missingInput: readonly Problem[];
}

export interface AdvanceShareFacts {
  readonly hasSocialInsurance: boolean;
  readonly usesSocialInsuranceSettlement: boolean | null;
  /** Treated outside the insured's social-insurance area (异地就医); null: not said. */
  readonly outOfArea: boolean | null;
  /** The illness the case is for is a malignant tumour. */
  readonly illnessIsMalignantTumor: boolean;
}

/**
 * ADVANCE.提示.4.1 若被保险人以有社会医疗保险身份参保并罹患符合本保险产品条款保障范围内的恶性肿瘤需在异地就医时，在被保险人
 * 使用社保直接结算医疗费用的情况下，可享受保障范围内住院费用100%垫付服务: 100 for that case; null for every other
 * advance, whose share the handbook leaves to the liability determination (ADVANCE.提示.1).
 */
export function advanceSharePercent(facts: AdvanceShareFacts): number | null {
  return facts.hasSocialInsurance && facts.usesSocialInsuranceSettlement === true && facts.outOfArea === true && facts.illnessIsMalignantTumor ? 100 : null;
}

/** Apply at least 5 working days before admission: addWorkingDays(applicationDate, 5) <= plannedAdmissionDate. */
export const ADVANCE_NOTICE_WORKING_DAYS = 5;

export function checkSubmission(facts: SubmissionFacts, calendar: WorkingCalendar): SubmissionDecision {
  const reasons: FieldReason[] = [];
  const warnings: FieldReason[] = [];
  const missingInput: Problem[] = [];
  switch (facts.benefit) {
    case "GREEN_CHANNEL_INPATIENT_OR_SURGERY":
      if (facts.careKind === null) {
        missingInput.push(caseProblem("CARE_KIND_REQUIRED", ["input", "careKind"]));
      }
      break;
    case "JAPAN_TREATMENT":
      if (!facts.insuredHasIdNumber) reasons.push({ code: "ID_NUMBER_REQUIRED", date: null, field: ["input", "policyNo"] });
      break;
    case "INPATIENT_ADVANCE_PAYMENT":
      checkAdvance(facts, calendar, reasons, warnings, missingInput);
      break;
    default:
      break;
  }
  return { reasons, warnings, missingInput };
}

function checkAdvance(facts: SubmissionFacts, calendar: WorkingCalendar, reasons: FieldReason[], warnings: FieldReason[], missingInput: Problem[]): void {
  if (facts.plannedAdmissionDate === null) {
    missingInput.push(caseProblem("PLANNED_ADMISSION_DATE_REQUIRED", ["input", "plannedAdmissionDate"]));
  } else {
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
  }
  if (facts.hasSocialInsurance) {
    if (facts.usesSocialInsuranceSettlement === null) {
      missingInput.push(caseProblem("SOCIAL_INSURANCE_SETTLEMENT_REQUIRED", ["input", "usesSocialInsuranceSettlement"]));
    } else if (!facts.usesSocialInsuranceSettlement) {
      reasons.push({ code: "SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE", date: null, field: ["input", "usesSocialInsuranceSettlement"] });
    }
  }
  if (facts.hasMalignantTumor && !facts.pathologyReportProvided) {
    warnings.push({ code: "PATHOLOGY_REPORT_REQUIRED", date: null, field: ["input", "documents"] });
  }
}

/**
 * The last day on which an application still gives 5 working days' notice before `admission`; any
 * day counts as one to apply on (ADVANCE.标准.1: 服务时间 7x24小时(含公共节假日、春节)).
 */
export function latestApplicationDay(calendar: WorkingCalendar, admission: string): string {
  let day = admission;
  for (let i = 0; i < 40; i++) {
    day = addDays(day, -1);
    if (addWorkingDays(calendar, day, ADVANCE_NOTICE_WORKING_DAYS).date <= admission) return day;
  }
  return day;
}
