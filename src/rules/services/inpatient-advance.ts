// Handbook 2022 §住院垫付服务: 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: ADVANCE.介绍.2 (unlimited), ADVANCE.条件.4 (documents), ADVANCE.标准.2, ADVANCE.流程.4 (SLA).
// Its workflow, 服务流程 1–6 and 温馨提示 1, 3, 5: review, a liability determination or an
// investigation (查勘) where needed, the advance arranged, admission with the consent and claim
// authorisation signed, discharge with the invoice and discharge summary. A no-show or a refusal
// to sign once arranged counts as completed.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { addWorkingDays } from "../calendar/working-days.js";
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { caseProblem } from "../case-workflow/case-codes.js";
import type { AdvanceShareFacts, FieldReason, SubmissionDecision, SubmissionFacts, SubmissionRules } from "../case-workflow/submission-rules.js";
import { addDays } from "../shared/dates.js";
import type { Problem } from "../shared/problem.js";
import { sameInsuredNote, t } from "../catalogue/text.js";
import { clauseExcerpt, clauseQuote, clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "INPATIENT_ADVANCE",
  name: t("住院垫付服务", "Hospitalisation advance payment"),
  description: t(
    clauseText("ADVANCE.介绍.1", { omit: ["（下称“本服务”）"] }),
    "When the insured is first diagnosed with a critical illness covered by this insurance, the insured may apply to us for advance payment of inpatient costs at grade-2-or-higher public hospitals in mainland China, relieving the financial pressure of large hospital bills.",
  ),
  network: "CITY_LIST",
  benefits: [
    {
      code: "INPATIENT_ADVANCE_PAYMENT",
      name: t("住院垫付", "Inpatient advance payment"),
      quota: null,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // ADVANCE.条件.4 lists the documents "including but not limited to": the record, the admission notice and the deposit
      // receipt are what an advance is arranged on. Its pathology report for a cancer diagnosis depends on the diagnosis, so
      // the case rules (missing-documents.ts) add it.
      requiredDocuments: ["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"],
    },
  ],
  steps: [
    {
      order: 1,
      name: t(stepTitle("ADVANCE.流程.1"), "Apply"),
      description: t(stepRemark("ADVANCE.流程.1"), "The policyholder or insured may call the AXA Tianping service line 95550 to apply."),
    },
    {
      order: 2,
      name: t(stepTitle("ADVANCE.流程.2"), "Submit documents and the request"),
      description: t(stepRemark("ADVANCE.流程.2"), "The insured submits the hospitalisation documents and the advance request."),
    },
    {
      order: 3,
      name: t(stepTitle("ADVANCE.流程.3"), "Document review"),
      description: t(stepRemark("ADVANCE.流程.3"), "Our staff review the documents."),
    },
    {
      order: 4,
      name: t(stepTitle("ADVANCE.流程.4"), "Review result"),
      description: t(
        stepRemark("ADVANCE.流程.4"),
        "If approved, the insured is told when and how the advance will be made; if an investigation is needed, its result is notified within 15 working days.",
      ),
    },
    {
      order: 5,
      name: t(stepTitle("ADVANCE.流程.5"), "Advance at admission"),
      description: t(
        stepRemark("ADVANCE.流程.5"),
        "Our staff help the insured complete admission at the hospital on the booked day and sign the authorisations.",
      ),
    },
    {
      order: 6,
      name: t(stepTitle("ADVANCE.流程.6"), "Discharge and settlement"),
      description: t(
        stepRemark("ADVANCE.流程.6"),
        "Our staff help the insured with discharge; the insured must submit the hospital invoice, the discharge summary and other documents, and the advance service is complete.",
      ),
    },
  ],
  slas: [
    {
      milestone: "ADVANCE_ARRANGED",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["ARRANGED"],
      // ADVANCE.提示.1: the liability determination first; ADVANCE.流程.4: an investigation (查勘) where needed.
      pausedWhile: [
        { reason: "LIABILITY_REVIEW", from: "LIABILITY_REVIEW_REQUESTED", until: ["APPROVED", "REVIEW_RESULT"] },
        { reason: "INVESTIGATION", from: "INVESTIGATION_REQUESTED", until: ["INVESTIGATION_RESULT"] },
      ],
      startsWhen: t("收到申请及住院相关资料齐全（责任认定、查勘期间暂停）", "Application and complete hospitalisation documents received (paused during a liability determination or an investigation)"),
      workingDays: 5,
      source: clauseText("ADVANCE.标准.2"),
      clause: "ADVANCE.标准.2, ADVANCE.提示.1",
    },
    {
      milestone: "INVESTIGATION_RESULT",
      startsAt: "INVESTIGATION_REQUESTED",
      appliesWhen: "INVESTIGATION_REQUESTED",
      metBy: ["INVESTIGATION_RESULT"],
      startsWhen: t("我司提出查勘（资料齐全后）", "An investigation (查勘) is requested (after the documents are complete)"),
      workingDays: 15,
      source: clauseExcerpt("ADVANCE.流程.4", "如需查勘"),
      clause: "ADVANCE.流程.4",
    },
  ],
  // ADVANCE.条件.4: the documents it names. The consent, claim authorisation, invoice and discharge summary of
  // ADVANCE.提示.3 come at admission and discharge, not at application.
  requiredDocuments: [
    "OUTPATIENT_RECORD",
    "CT_REPORT",
    "MRI_REPORT",
    "PATHOLOGY_REPORT",
    "ADMISSION_NOTICE",
    "DEPOSIT_RECEIPT",
    "ADVANCE_GUARANTEE_LETTER",
  ],
  // 温馨提示 is numbered 1–4 and then 1–2 again in the handbook (a PDF artefact): all six, in order.
  notes: [
    t(
      clauseText("ADVANCE.提示.1"),
      "Because the service involves determining claim liability, the insured may need to provide past medical records or cooperate with a loss adjuster's investigation; the service can be provided only once liability has been determined.",
    ),
    t(
      clauseText("ADVANCE.提示.2"),
      "If the insured has already had an advance for an admission for the same illness, applying 5 working days before admission is enough. For a first application, determining liability takes longer and may delay the advance; the insured may pay first and claim afterwards.",
    ),
    t(
      clauseText("ADVANCE.提示.3"),
      "When the advance is provided, the insured must sign the medical advance-payment informed consent and the claim authorisation; after it, the insured must hand the hospital invoice, discharge summary and other claim documents to our staff.",
    ),
    t(
      clauseText("ADVANCE.提示.4"),
      "An insured enrolled with social medical insurance who has a covered malignant tumour and must be treated out of area gets 100% of covered inpatient costs advanced when the costs are settled directly through social insurance. An insured enrolled with social medical insurance who cannot be treated and settle as such cannot apply for the advance.",
    ),
    t(
      clauseText("ADVANCE.提示.5"),
      "If the insured does not apply within the policy period, the service ends when the policy expires. If we have arranged the service but the insured is not admitted at the set time or refuses to sign the advance-payment informed consent and the claim authorisation, the service counts as completed.",
    ),
    sameInsuredNote(clauseText("ADVANCE.提示.6")),
  ],
};

const review = { clause: "ADVANCE.流程.3" };
const result = { clause: "ADVANCE.流程.4" };
const liability = { clause: "ADVANCE.提示.1" };
const admit = { clause: "ADVANCE.流程.5" };
const sign = { clause: "ADVANCE.提示.3.1" };
const discharge = { clause: "ADVANCE.流程.6" };
const deemedDone = { clause: "ADVANCE.提示.5.2" };

const reviewing = ["UNDER_REVIEW", "LIABILITY_REVIEW", "INVESTIGATING"] as const;

const workflow: Workflow = defineWorkflow({
  service: "INPATIENT_ADVANCE",
  stages: [
    ...openingStages(2),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 3, name: t("资料审核", "Documents under review") },
    { stage: "LIABILITY_REVIEW", status: "UNDER_REVIEW", step: 3, name: t("理赔责任认定中", "Liability being determined") },
    { stage: "INVESTIGATING", status: "INVESTIGATING", step: 4, name: t("查勘中", "Under investigation (查勘)") },
    { stage: "APPROVED", status: "APPROVED", step: 4, name: t("审核通过，安排垫付", "Approved, advance being arranged") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 5, name: t("已安排垫付，待入院", "Advance arranged, awaiting admission") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 6, name: t("已入院垫付", "Admitted, advance made") },
    { stage: "COMPLETED", status: "COMPLETED", step: 6, name: t("出院结账，服务完成", "Discharged, completed") },
    REJECTED, CANCELLED, NO_SHOW,
    { stage: "REFUSED_TO_SIGN", status: "NO_SHOW", step: null, name: t("拒绝签署（视为已完成）", "Refused to sign (counts as completed)") },
  ],
  actions: [
    startReview(review),
    { action: "REQUEST_LIABILITY_REVIEW", from: ["UNDER_REVIEW"], to: "LIABILITY_REVIEW", records: ["LIABILITY_REVIEW_REQUESTED"], ...liability },
    { action: "REQUEST_INVESTIGATION", from: ["UNDER_REVIEW", "LIABILITY_REVIEW"], to: "INVESTIGATING", records: ["INVESTIGATION_REQUESTED"], ...result },
    { action: "RECORD_INVESTIGATION_RESULT", from: ["INVESTIGATING"], to: "LIABILITY_REVIEW", records: ["INVESTIGATION_RESULT"], ...result },
    { ...approve(reviewing, result), records: ["APPROVED", "REVIEW_RESULT", "INVESTIGATION_RESULT"] },
    { ...reject(["SUBMITTED", "AWAITING_DOCUMENTS", ...reviewing], result), records: ["REVIEW_RESULT", "INVESTIGATION_RESULT"] },
    { action: "SCHEDULE", from: ["APPROVED"], to: "SCHEDULED", records: ["ARRANGED"], input: "SCHEDULED_FOR", ...result },
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED", "ADMITTED"], needs: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"], notBeforeAppointment: true, ...admit, clause: `${admit.clause}, ${sign.clause}` },
    { action: "COMPLETE", from: ["IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], needs: ["HOSPITAL_INVOICE", "DISCHARGE_SUMMARY"], quota: "CONSUME", ...discharge, clause: `${discharge.clause}, ADVANCE.提示.3.2` },
    { action: "RECORD_NO_SHOW", from: ["SCHEDULED"], to: "NO_SHOW", quota: "CONSUME", notBeforeAppointment: true, ...deemedDone },
    { action: "RECORD_REFUSAL_TO_SIGN", from: ["SCHEDULED"], to: "REFUSED_TO_SIGN", quota: "CONSUME", notBeforeAppointment: true, ...deemedDone },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", ...reviewing, "APPROVED"], to: "CANCELLED", quota: "RELEASE", ...review },
    // 温馨提示 5 names not being admitted at the agreed time: a cancellation before the day gives the use back.
    { action: "CANCEL", from: ["SCHEDULED"], to: "CANCELLED", quota: "RELEASE", when: "BEFORE_APPOINTMENT_DAY", ...deemedDone },
    { action: "CANCEL", from: ["SCHEDULED"], to: "CANCELLED", quota: "CONSUME", when: "ON_OR_AFTER_APPOINTMENT_DAY", ...deemedDone },
    { action: "CANCEL", from: ["IN_PROGRESS"], to: "CANCELLED", quota: "CONSUME", ...deemedDone },
  ],
  readings: [
    {
      clause: "ADVANCE.提示.1",
      sentence: clauseQuote("ADVANCE.提示.1", "责任认定完成后"),
      reading: "REQUEST_LIABILITY_REVIEW pauses the 5-day arrangement clock until the decision (APPROVE or REJECT); an investigation (查勘) pauses it too; overlapping pauses count once.",
    },
    {
      clause: "ADVANCE.流程.4",
      sentence: clauseQuote("ADVANCE.流程.4", "如需查勘"),
      reading: "Counted from the investigation request, met by RECORD_INVESTIGATION_RESULT (or by the decision taken from INVESTIGATING).",
    },
    {
      clause: "ADVANCE.提示.2.1",
      sentence: clauseQuote("ADVANCE.提示.2.1", undefined, "垫付服务"),
      reading: "An earlier case of this policy for the same diagnosis (SubmitCaseInput.diagnosisId; by default the policy's earliest qualifying diagnosis) that reached admission, i.e. the advance was made. Otherwise the submission warns FIRST_ADVANCE_MAY_NEED_REVIEW.",
    },
    {
      clause: "ADVANCE.提示.5.2",
      sentence: clauseText("ADVANCE.提示.5.2"),
      reading: "Used at discharge (COMPLETE), a no-show, a refusal to sign (RECORD_REFUSAL_TO_SIGN), a cancellation on or after the appointment day or after admission; released at a rejection or a cancellation before the appointment day (the sentence names only not being admitted at the agreed time). Admission (流程 5 在预约日期…办理住院), a no-show and a refusal to sign are recorded on the appointment day or later (BEFORE_APPOINTMENT_DAY otherwise). The benefit is unlimited: used counts the uses.",
    },
    {
      clause: "ADVANCE.提示.4.2",
      sentence: clauseText("ADVANCE.提示.4.2"),
      reading: "An insured with social insurance must answer usesSocialInsuranceSettlement; no answer is a userError, not a pass.",
    },
  ],
});

/** ADVANCE.条件.2.1: an application gives at least this many working days' notice before admission. */
export const ADVANCE_NOTICE_WORKING_DAYS = 5;

/**
 * The request's own checks: ADVANCE.条件.2.1 (notice before admission: addWorkingDays(today, 5) <=
 * plannedAdmissionDate), ADVANCE.条件.2.2 (not once admitted), ADVANCE.提示.4.2 (an insured with social
 * insurance must be able to settle through it) and ADVANCE.条件.4 (the pathology report with a cancer).
 */
function checkAdvance(facts: SubmissionFacts, calendar: WorkingCalendar): SubmissionDecision {
  const reasons: FieldReason[] = [];
  const warnings: FieldReason[] = [];
  const missingInput: Problem[] = [];
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
  return { reasons, warnings, missingInput };
}

/**
 * The last day on which an application still gives 5 working days' notice before `admission`; any
 * day counts as one to apply on (ADVANCE.标准.1: the service runs 7x24, holidays included).
 */
export function latestApplicationDay(calendar: WorkingCalendar, admission: string): string {
  let day = admission;
  for (let i = 0; i < 40; i++) {
    day = addDays(day, -1);
    if (addWorkingDays(calendar, day, ADVANCE_NOTICE_WORKING_DAYS).date <= admission) return day;
  }
  return day;
}

/**
 * ADVANCE.提示.4.1: 100 % for a malignant tumour treated out of area and settled directly through social
 * insurance; null for every other advance, whose share the liability determination sets (ADVANCE.提示.1).
 */
export function advanceSharePercent(facts: AdvanceShareFacts): number | null {
  return facts.hasSocialInsurance && facts.usesSocialInsuranceSettlement === true && facts.outOfArea === true && facts.illnessIsMalignantTumor ? 100 : null;
}

const submission: SubmissionRules = {
  // ADVANCE.条件.4: the hospital's admission papers name it; 异地就医 (ADVANCE.提示.4.1) is the advance's own.
  fields: { hospitalName: "ALL_BENEFITS", plannedAdmissionDate: "ALL_BENEFITS", outOfArea: "ALL_BENEFITS" },
  check: checkAdvance,
  // ADVANCE.条件.4: with a cancer diagnosis the pathology report must be among the documents.
  documentNeeds: (facts, listed) => [...listed, ...(facts.hasMalignantTumor ? (["PATHOLOGY_REPORT"] as const) : [])].map((kind) => [kind] as const),
  // ADVANCE.介绍.1: grade 二级 or above, public.
  hospitalLevel: { minLevel: 2, tier: null, ownership: "PUBLIC", division: null, clause: "ADVANCE.介绍.1" },
  advanceShare: advanceSharePercent,
  // ADVANCE.提示.2: counted per illness, not per policy.
  countsEarlierUses: true,
};

export const inpatientAdvanceService: HandbookService = { code: "INPATIENT_ADVANCE", catalogue, workflow, submission, caseDetails: ["ADVANCE"] };
