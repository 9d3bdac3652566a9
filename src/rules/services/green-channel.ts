// Handbook 2022 §就医绿色通道: 服务介绍, 服务条件, 服务标准 (服务时效), 服务流程, 温馨提示.
// Clauses: GREEN_CHANNEL.介绍.2 (quotas), GREEN_CHANNEL.条件.3 (documents), GREEN_CHANNEL.标准.2.1, GREEN_CHANNEL.标准.2.4, GREEN_CHANNEL.标准.2.5 (SLA).
// Its workflow, 服务流程 1–4 and 温馨提示 1–2: reviewed, arranged within 5 (outpatient) or
// 10 (inpatient or surgery) working days of approval, then the visit. No change or cancellation once
// the appointment is made; a late arrival or a no-show counts as used.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { applyStep, sameInsuredNote, t } from "../catalogue/text.js";
import { clauseExcerpt, clauseQuote, clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { caseProblem } from "../case-workflow/case-codes.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";
import type { SubmissionRules } from "../case-workflow/submission-rules.js";

const catalogue: ServiceDefinition = {
  code: "GREEN_CHANNEL",
  name: t("就医绿色通道", "Hospital green channel"),
  description: t(
    clauseText("GREEN_CHANNEL.介绍.1"),
    "When the insured is confirmed to have a critical illness covered by this insurance, we provide expert outpatient appointments and admission or surgery coordination in the general (non-VIP) departments of grade-3A public hospitals in 31 provinces and municipalities of mainland China.",
  ),
  network: "CITY_LIST",
  benefits: [
    {
      code: "GREEN_CHANNEL_OUTPATIENT",
      name: t("门诊绿通", "Outpatient green channel"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // GREEN_CHANNEL.条件.3 lists the records "including but not limited to": open-ended, so the record is the minimum.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
    {
      code: "GREEN_CHANNEL_INPATIENT_OR_SURGERY",
      name: t("住院或手术绿通", "Inpatient or surgery green channel"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // GREEN_CHANNEL.标准.2.4 asks for the admission notice (住院绿通), GREEN_CHANNEL.标准.2.5 for the surgery notice (手术绿通).
      // Only the admission notice is listed here: the case rules (missing-documents.ts) accept the surgery notice in its place.
      requiredDocuments: ["OUTPATIENT_RECORD", "ADMISSION_NOTICE"],
    },
  ],
  steps: [
    { order: 1, name: t(stepTitle("GREEN_CHANNEL.流程.1"), "Apply"), description: applyStep(stepRemark("GREEN_CHANNEL.流程.1")) },
    {
      order: 2,
      name: t(stepTitle("GREEN_CHANNEL.流程.2"), "Submit documents and confirm needs"),
      description: t(
        stepRemark("GREEN_CHANNEL.流程.2"),
        "Our staff confirm with the insured the city, hospital, department and date of the visit, whether an admission notice has already been issued, and other details.",
      ),
    },
    {
      order: 3,
      name: t(stepTitle("GREEN_CHANNEL.流程.3"), "Arrange"),
      description: t(
        stepRemark("GREEN_CHANNEL.流程.3"),
        "[Expert outpatient appointment] arranged within 5 working days of the service starting; [admission or surgery coordination] arranged within 10 working days of the service starting and the admission notice being issued.",
      ),
    },
    {
      order: 4,
      name: t(stepTitle("GREEN_CHANNEL.流程.4"), "Complete"),
      description: t(stepRemark("GREEN_CHANNEL.流程.4"), "The insured attends the booked hospital at the booked time; the service is complete."),
    },
  ],
  slas: [
    {
      milestone: "APPOINTMENT_ARRANGED",
      benefits: ["GREEN_CHANNEL_OUTPATIENT"],
      startsAt: "APPROVED",
      metBy: ["ARRANGED"],
      startsWhen: t("审核通过（资料完整）", "Review passed on complete documents"),
      workingDays: 5,
      source: clauseExcerpt("GREEN_CHANNEL.标准.2.1", "门诊绿通"),
      clause: "GREEN_CHANNEL.标准.2.1, GREEN_CHANNEL.流程.3",
    },
    {
      milestone: "ADMISSION_ARRANGED",
      benefits: ["GREEN_CHANNEL_INPATIENT_OR_SURGERY"],
      startsAt: "APPROVED",
      metBy: ["ARRANGED"],
      startsWhen: t("审核通过且住院/手术通知单已开具", "Review passed and the admission or surgery notice issued"),
      workingDays: 10,
      source: `${clauseText("GREEN_CHANNEL.标准.2.4")}${clauseText("GREEN_CHANNEL.标准.2.5")}`,
      clause: "GREEN_CHANNEL.标准.2.4, GREEN_CHANNEL.标准.2.5, GREEN_CHANNEL.流程.3",
    },
  ],
  // GREEN_CHANNEL.条件.3: the records and reports; GREEN_CHANNEL.标准.2.4, GREEN_CHANNEL.标准.2.5: the admission and the surgery notice.
  requiredDocuments: ["OUTPATIENT_RECORD", "BLOOD_TEST", "CT_REPORT", "MRI_REPORT", "PATHOLOGY_REPORT", "ADMISSION_NOTICE", "SURGERY_NOTICE"],
  notes: [
    t(clauseText("GREEN_CHANNEL.提示.1"), "Once the application has succeeded, the service cannot be rescheduled or cancelled."),
    t(
      clauseText("GREEN_CHANNEL.提示.2"),
      "If we have arranged the outpatient visit or admission but the appointment slot or bed is lost through the insured's lateness, no-show or other personal reasons, so that the insured does not attend at the set time, the service counts as completed and is counted against the quota.",
    ),
    t(
      clauseText("GREEN_CHANNEL.提示.3"),
      "The service does not include any costs incurred in the course of treatment, such as registration, consultation, bed, surgery, multi-doctor consultation, nursing, drug and test fees.",
    ),
    sameInsuredNote(clauseText("GREEN_CHANNEL.提示.4")),
  ],
};

const confirm = { clause: "GREEN_CHANNEL.流程.2" };
const arrange = { clause: "GREEN_CHANNEL.流程.3" };
const visit = { clause: "GREEN_CHANNEL.流程.4" };
const noChange = { clause: "GREEN_CHANNEL.提示.1" };
const noShow = { clause: "GREEN_CHANNEL.提示.2" };
const refusal = { code: "CANCELLATION_NOT_ALLOWED" as const, message: t(clauseText("GREEN_CHANNEL.提示.1"), "Once the appointment is made it cannot be changed or cancelled.") };

const workflow: Workflow = defineWorkflow({
  service: "GREEN_CHANNEL",
  stages: [
    ...openingStages(2),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 2, name: t("审核中", "Under review") },
    { stage: "APPROVED", status: "APPROVED", step: 3, name: t("审核通过，安排中", "Approved, being arranged") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 4, name: t("已预约", "Appointment made") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 4, name: t("就医中", "At the hospital") },
    { stage: "COMPLETED", status: "COMPLETED", step: 4, name: t("服务完成", "Completed") },
    REJECTED, CANCELLED, NO_SHOW,
  ],
  actions: [
    startReview(confirm),
    approve(["UNDER_REVIEW"], confirm),
    reject(["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW"], confirm),
    { action: "SCHEDULE", from: ["APPROVED"], to: "SCHEDULED", records: ["ARRANGED"], input: "SCHEDULED_FOR", ...arrange },
    { action: "SCHEDULE", from: ["SCHEDULED", "IN_PROGRESS"], to: null, refusal: { code: "CHANGE_NOT_ALLOWED", message: refusal.message }, ...noChange },
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], quota: "CONSUME", notBeforeAppointment: true, ...visit },
    { action: "COMPLETE", from: ["SCHEDULED", "IN_PROGRESS"], to: "COMPLETED", records: ["STARTED", "COMPLETED"], quota: "CONSUME", notBeforeAppointment: true, ...visit },
    { action: "RECORD_NO_SHOW", from: ["SCHEDULED"], to: "NO_SHOW", quota: "CONSUME", notBeforeAppointment: true, ...noShow },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "APPROVED"], to: "CANCELLED", quota: "RELEASE", ...noChange },
    { action: "CANCEL", from: ["SCHEDULED", "IN_PROGRESS"], to: null, refusal, ...noChange },
  ],
  readings: [
    {
      clause: "GREEN_CHANNEL.提示.1",
      sentence: clauseText("GREEN_CHANNEL.提示.1"),
      reading: "申请成功 is the appointment being made (SCHEDULE): until then the insured may cancel and the reservation is released; from then CANCEL and a second SCHEDULE are refused.",
    },
    {
      clause: "GREEN_CHANNEL.流程.3",
      sentence: clauseQuote("GREEN_CHANNEL.流程.3", "【住院或手术协调】"),
      reading: "The notice's issue date is not recorded apart: the clock starts at approval, which needs the notice among the complete documents, so it never starts before the notice reached us.",
    },
    {
      clause: "GREEN_CHANNEL.提示.2",
      sentence: clauseQuote("GREEN_CHANNEL.提示.2", "亦视为"),
      reading: "The use is counted at the visit (START or COMPLETE) or at a no-show; nothing booked can be cancelled, so a booked case always ends used.",
    },
    {
      clause: "GREEN_CHANNEL.提示.2, GREEN_CHANNEL.流程.4",
      sentence: `${clauseQuote("GREEN_CHANNEL.提示.2", "最终未能", "已完成")} / ${clauseQuote("GREEN_CHANNEL.流程.4", "被保险人", "就医")}`,
      reading: "A visit or a no-show is recorded on the appointment day (scheduledFor) or later; before it both are refused (BEFORE_APPOINTMENT_DAY), so the use cannot be spent early.",
    },
    {
      clause: "GREEN_CHANNEL.标准.2.3",
      sentence: clauseText("GREEN_CHANNEL.标准.2.3"),
      reading: "A submission carries the hospital and department asked for (服务流程 2) and has no doctor field; the catalogue says so.",
    },
  ],
});

const submission: SubmissionRules = {
  // GREEN_CHANNEL.流程.2: which of the two, the hospital and the department asked for (no doctor: GREEN_CHANNEL.标准.2.3).
  fields: { careKind: ["GREEN_CHANNEL_INPATIENT_OR_SURGERY"], hospitalName: "ALL_BENEFITS", department: "ALL_BENEFITS" },
  check: (facts) => ({
    reasons: [],
    warnings: [],
    missingInput: facts.benefit === "GREEN_CHANNEL_INPATIENT_OR_SURGERY" && facts.careKind === null ? [caseProblem("CARE_KIND_REQUIRED", ["input", "careKind"])] : [],
  }),
  // GREEN_CHANNEL.标准.2.4 and GREEN_CHANNEL.标准.2.5: the admission notice for an admission, the surgery notice
  // for surgery; without a stated kind (cases opened before it was asked) either will do.
  documentNeeds: (facts, listed) => {
    if (facts.benefit !== "GREEN_CHANNEL_INPATIENT_OR_SURGERY") return listed.map((kind) => [kind] as const);
    const notice = facts.careKind === null ? (["ADMISSION_NOTICE", "SURGERY_NOTICE"] as const) : facts.careKind === "SURGERY" ? (["SURGERY_NOTICE"] as const) : (["ADMISSION_NOTICE"] as const);
    return [...listed.filter((kind) => kind !== "ADMISSION_NOTICE").map((kind) => [kind] as const), notice];
  },
  // GREEN_CHANNEL.介绍.1 and GREEN_CHANNEL.标准.2.2: grade 三级甲等, public, the ordinary division (not 特需 or 国际部).
  hospitalLevel: { minLevel: 3, tier: "甲", ownership: "PUBLIC", division: "GENERAL", clause: "GREEN_CHANNEL.介绍.1" },
};

export const greenChannelService: HandbookService = { code: "GREEN_CHANNEL", catalogue, workflow, submission, caseDetails: ["VISIT"] };
