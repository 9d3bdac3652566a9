// Handbook 2022 §赴日就医协助 (with its remark, JAPAN.介绍.0): 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: JAPAN.介绍.0 (not a standard benefit), JAPAN.介绍.2 (quota), JAPAN.流程.3 (SLA).
// Its workflow, 服务流程 1–12 and 温馨提示 2: review (2 working days), the start notice
// (1), a specialist (2), the Japanese hospital's acceptance letter before the medical visa, the
// direct-billing and claim authorisations before treatment, the whole arrangement within 40 working
// days while the hospital's acceptance and the visa are awaited, accompaniment in Japan, the records
// and bills at the end. Once the service has started, the insured's own failure (no documents, visa
// refused, not accepted by the hospital) counts as completed.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { applyStep, t } from "../catalogue/text.js";
import { clauseExcerpt, clauseQuote, clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { CaseStage } from "../case-workflow/codes.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";
import type { SubmissionRules } from "../case-workflow/submission-rules.js";

const catalogue: ServiceDefinition = {
  code: "JAPAN_CARE",
  name: t("赴日就医协助", "Treatment in Japan"),
  description: t(
    clauseText("JAPAN.介绍.1"),
    "When the insured has a malignant tumour, we provide treatment in Japan: a comprehensive service of matching a suitable Japanese hospital to the insured's condition, translating medical records, assisting with the Japanese medical visa, local accompaniment in Japan and direct billing, so that the insured reaches treatment in Japan smoothly and receives quality medical assistance.",
  ),
  network: "HOSPITAL_LIST",
  benefits: [
    {
      code: "JAPAN_TREATMENT",
      name: t("赴日就医", "Treatment in Japan"),
      quota: 10,
      standard: false,
      requiredDiagnosis: "MALIGNANT_TUMOR",
      // JAPAN.条件.2 lists records and reports "including but not limited to": open-ended, the pathology report one option
      // among them, so the outpatient record is the minimum, as for the other services.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  // 服务流程: name = the row's title, description = its starred remark. Row 11 has no remark, so its
  // name is made from its text and the text is the description.
  steps: [
    { order: 1, name: t(stepTitle("JAPAN.流程.1"), "Apply"), description: applyStep(stepRemark("JAPAN.流程.1")) },
    {
      order: 2,
      name: t(stepTitle("JAPAN.流程.2"), "Confirm the insured's identity, cover and services"),
      description: t(stepRemark("JAPAN.流程.2"), "The insured must give name and ID number so that the cover and services can be confirmed."),
    },
    {
      order: 3,
      name: t(
        stepTitle("JAPAN.流程.3"),
        "Our contracted vendor confirms the condition with the insured, collects documents and confirms the cover",
      ),
      description: t(stepRemark("JAPAN.流程.3"), "After our review, the result is notified within 2 working days."),
    },
    {
      order: 4,
      name: t(stepTitle("JAPAN.流程.4"), "Tell the insured the Japan treatment service starts"),
      description: t(
        stepRemark("JAPAN.流程.4"),
        "Within 1 working day of receiving our review result, the vendor tells the insured whether the Japan treatment service starts.",
      ),
    },
    {
      order: 5,
      name: t(
        stepTitle("JAPAN.流程.5"),
        "Pre-trip work: collecting records, translating the medical history, liaising with Japanese hospitals",
      ),
      description: t(
        stepRemark("JAPAN.流程.5"),
        "Within 2 working days a specialist is assigned to help the insured collect records, translate and liaise with the hospital.",
      ),
    },
    {
      order: 6,
      name: t(
        stepTitle("JAPAN.流程.6"),
        "Translation and hospital liaison done, the Japanese hospital issues an acceptance letter and the vendor helps with the medical visa",
      ),
      description: t(stepRemark("JAPAN.流程.6"), "The medical visa can only be applied for with the Japanese hospital's acceptance letter."),
    },
    {
      order: 7,
      name: t(stepTitle("JAPAN.流程.7"), "Visa issued, the vendor helps book flights, lodging and the itinerary"),
      description: t(stepRemark("JAPAN.流程.7"), "The insured pays the flights, lodging and itinerary."),
    },
    {
      order: 8,
      name: t(
        stepTitle("JAPAN.流程.8"),
        "The vendor sets up direct billing and cost monitoring of inpatient costs with the Japanese hospital",
      ),
      description: t(stepRemark("JAPAN.流程.8"), "The insured must sign the direct-billing and claim authorisations."),
    },
    {
      order: 9,
      name: t(
        stepTitle("JAPAN.流程.9"),
        "Preparations done, the insured travels to Japan and the vendor assigns a local companion",
      ),
      description: t(
        stepRemark("JAPAN.流程.9"),
        "Local accompaniment may not exceed 40 hours in total and covers medical steps only.",
      ),
    },
    {
      order: 10,
      name: t(stepTitle("JAPAN.流程.10"), "The insured arrives at the Japanese hospital"),
      description: t(
        stepRemark("JAPAN.流程.10"),
        "On arrival in Japan the insured contacts the local companion and agrees the times of accompaniment.",
      ),
    },
    {
      order: 11,
      name: t("入院治疗", "Admission and treatment"),
      description: t(
        clauseText("JAPAN.流程.11"),
        "As the hospital arranges, the companion coordinates the insured's admission for treatment.",
      ),
    },
    {
      order: 12,
      name: t(
        stepTitle("JAPAN.流程.12"),
        "Treatment over, the insured returns; the vendor collects the documents and completes the claim; the service is complete",
      ),
      description: t(
        stepRemark("JAPAN.流程.12"),
        "The Japanese hospital mails the complete medical records and bills to the vendor.",
      ),
    },
  ],
  slas: [
    {
      milestone: "REVIEW_RESULT",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["REVIEW_RESULT"],
      startsWhen: t("服务商收集的相关资料齐全", "The documents the vendor collects are complete"),
      workingDays: 2,
      source: stepRemark("JAPAN.流程.3"),
      clause: "JAPAN.流程.3",
    },
    {
      milestone: "START_NOTICE",
      startsAt: "APPROVED",
      metBy: ["START_NOTICE"],
      startsWhen: t("服务商收到审核结果", "The vendor received the review result"),
      workingDays: 1,
      source: stepRemark("JAPAN.流程.4"),
      clause: "JAPAN.流程.4",
    },
    {
      milestone: "SPECIALIST_ASSIGNED",
      startsAt: "START_NOTICE",
      metBy: ["SPECIALIST_ASSIGNED"],
      startsWhen: t(`服务商${stepTitle("JAPAN.流程.4")}`, "The vendor told the insured the service starts"),
      workingDays: 2,
      source: stepRemark("JAPAN.流程.5"),
      clause: "JAPAN.流程.5",
    },
    {
      milestone: "ARRANGEMENT_COMPLETE",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["ARRANGED"],
      // JAPAN.标准.3 holds the arrangement to the hospital's acceptance and the visa: the days spent waiting for them do not count.
      pausedWhile: [
        { reason: "AWAITING_HOSPITAL_ACCEPTANCE", from: "ACCEPTANCE_REQUESTED", until: ["HOSPITAL_ACCEPTED"] },
        { reason: "AWAITING_VISA", from: "HOSPITAL_ACCEPTED", until: ["VISA_ISSUED"] },
      ],
      startsWhen: t(
        `资料齐全（以${clauseExcerpt("JAPAN.标准.3", "符合医院", "顺利签署")}为前提）`,
        "Documents complete (provided the hospital's admission conditions are met and the medical visa is granted)",
      ),
      workingDays: 40,
      source: clauseExcerpt("JAPAN.标准.3", "在资料齐全"),
      clause: "JAPAN.标准.3",
    },
  ],
  // JAPAN.条件.2: the records and reports it names; JAPAN.流程.6: the Japanese hospital's acceptance letter, before the visa.
  requiredDocuments: [
    "OUTPATIENT_RECORD",
    "BLOOD_TEST",
    "CT_REPORT",
    "MRI_REPORT",
    "PATHOLOGY_REPORT",
    "ADMISSION_NOTICE",
    "DISCHARGE_SUMMARY",
    "HOSPITAL_ACCEPTANCE_LETTER",
  ],
  notes: [
    t(
      clauseText("JAPAN.提示.1"),
      "So as not to affect its use, apply as early as possible when needed; if the insured does not apply within the policy period, the service ends when the policy expires.",
    ),
    t(
      clauseText("JAPAN.提示.2"),
      "If we have arranged the service but the insured cannot go to Japan for reasons of their own, such as being unable to provide the medical documents, the medical visa not being obtainable or not meeting the hospital's admission conditions, the service counts as completed.",
    ),
    t(
      clauseText("JAPAN.提示.3"),
      "The service includes translation of the medical records, choice of a Japanese hospital, medical-visa assistance, local accompaniment in Japan (40 hours in total at most) and direct billing. Other costs, such as flights to Japan, the medical costs actually incurred at the Japanese institution, local transport, meals and lodging, and visa fees, are not included.",
    ),
    t(clauseText("JAPAN.提示.4"), "Accompaniment is provided for medical steps only."),
    t(
      clauseText("JAPAN.提示.5"),
      "Treatment in Japan the insured buys without arrangement by us or our vendor is not covered and is not reimbursed.",
    ),
    t(
      clauseText("JAPAN.提示.6"),
      "The policyholder may apply on the insured's behalf, but we provide the service only to the insured of this product.",
    ),
  ],
};

const clause = (id: string) => ({ clause: id });

const review = clause("JAPAN.流程.3");
const notify = clause("JAPAN.流程.4");
const specialist = clause("JAPAN.流程.5");
const acceptance = clause("JAPAN.流程.6");
const visa = clause("JAPAN.流程.7");
const billing = clause("JAPAN.流程.8");
const depart = clause("JAPAN.流程.9");
const arrive = clause("JAPAN.流程.10");
const admit = clause("JAPAN.流程.11");
const finish = clause("JAPAN.流程.12");
const ownFailure = clause("JAPAN.提示.2");

/** From the start notice on, the vendor is arranging the trip. */
const ARRANGING: readonly CaseStage[] = ["SERVICE_STARTED", "SPECIALIST_ASSIGNED", "AWAITING_HOSPITAL_ACCEPTANCE", "AWAITING_VISA", "VISA_ISSUED", "DIRECT_BILLING_SET_UP"];
const DIRECT_BILLING = ["DIRECT_BILLING_AUTHORIZATION", "CLAIM_AUTHORIZATION"] as const;

const workflow: Workflow = defineWorkflow({
  service: "JAPAN_CARE",
  stages: [
    ...openingStages(3),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 3, name: t("我司审核中", "Under our review") },
    { stage: "APPROVED", status: "APPROVED", step: 4, name: t("审核通过，待通知启动", "Approved, start notice due") },
    { stage: "SERVICE_STARTED", status: "APPROVED", step: 5, name: t("已通知启动，待安排专员", "Started, specialist due") },
    { stage: "SPECIALIST_ASSIGNED", status: "APPROVED", step: 5, name: t("专员已安排：资料收集、翻译、医院沟通", "Specialist assigned: records, translation, hospital liaison") },
    { stage: "AWAITING_HOSPITAL_ACCEPTANCE", status: "APPROVED", step: 6, name: t("待日本医院接收", "Awaiting the Japanese hospital's acceptance") },
    { stage: "AWAITING_VISA", status: "APPROVED", step: 6, name: t("已获接收函，办理医疗签证中", "Accepted, medical visa in progress") },
    { stage: "VISA_ISSUED", status: "APPROVED", step: 7, name: t("签证已办妥，安排行程", "Visa issued, travel being booked") },
    { stage: "DIRECT_BILLING_SET_UP", status: "APPROVED", step: 8, name: t("已启动费用直付", "Direct billing set up") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 9, name: t("行前安排完毕，前往日本", "Arrangement complete, travelling to Japan") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 10, name: t("已抵达日本医院就诊", "Arrived at the Japanese hospital") },
    { stage: "ADMITTED", status: "IN_PROGRESS", step: 11, name: t("入院治疗中", "Admitted for treatment") },
    { stage: "COMPLETED", status: "COMPLETED", step: 12, name: t("治疗结束，服务完成", "Treatment over, completed") },
    REJECTED, CANCELLED, NO_SHOW,
    { stage: "INSURED_FAILURE", status: "NO_SHOW", step: null, name: t("因个人原因无法赴日（视为已完成）", "Could not go for reasons of the insured's own (counts as completed)") },
  ],
  actions: [
    startReview(review),
    approve(["UNDER_REVIEW"], review),
    reject(["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW"], review),
    { action: "NOTIFY_START", from: ["APPROVED"], to: "SERVICE_STARTED", records: ["START_NOTICE"], ...notify },
    { action: "ASSIGN_SPECIALIST", from: ["SERVICE_STARTED"], to: "SPECIALIST_ASSIGNED", records: ["SPECIALIST_ASSIGNED"], ...specialist },
    { action: "REQUEST_HOSPITAL_ACCEPTANCE", from: ["SPECIALIST_ASSIGNED"], to: "AWAITING_HOSPITAL_ACCEPTANCE", records: ["ACCEPTANCE_REQUESTED"], ...acceptance },
    {
      action: "RECORD_HOSPITAL_ACCEPTANCE",
      from: ["SPECIALIST_ASSIGNED", "AWAITING_HOSPITAL_ACCEPTANCE"],
      to: "AWAITING_VISA",
      records: ["HOSPITAL_ACCEPTED"],
      needs: ["HOSPITAL_ACCEPTANCE_LETTER"],
      // JAPAN.标准.2: the accepting hospital is one of the listed Japanese hospitals.
      checksAcceptingHospital: true,
      ...acceptance,
    },
    { action: "RECORD_VISA_ISSUED", from: ["AWAITING_VISA"], to: "VISA_ISSUED", records: ["VISA_ISSUED"], needs: ["HOSPITAL_ACCEPTANCE_LETTER"], ...visa },
    { action: "SET_UP_DIRECT_BILLING", from: ["VISA_ISSUED"], to: "DIRECT_BILLING_SET_UP", records: ["DIRECT_BILLING_SET_UP"], needs: DIRECT_BILLING, ...billing },
    // SCHEDULE is the arrangement's completion (step 9). Clients that record only the coarse steps may
    // schedule straight from approval; the milestones they skip stay unrecorded, and their clocks say so.
    {
      action: "SCHEDULE",
      from: ["APPROVED", ...ARRANGING],
      to: "SCHEDULED",
      records: ["ARRANGED"],
      needs: ["HOSPITAL_ACCEPTANCE_LETTER"],
      input: "SCHEDULED_FOR",
      ...depart,
    },
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], needs: DIRECT_BILLING, ...arrive, clause: `${arrive.clause}, ${billing.clause}` },
    { action: "RECORD_ADMISSION", from: ["IN_PROGRESS"], to: "ADMITTED", records: ["ADMITTED"], ...admit },
    { action: "RECORD_ACCOMPANIMENT", from: ["IN_PROGRESS", "ADMITTED"], to: null, input: "ACCOMPANIMENT_HOURS", ...depart },
    { action: "COMPLETE", from: ["IN_PROGRESS", "ADMITTED"], to: "COMPLETED", records: ["COMPLETED"], needs: ["DISCHARGE_SUMMARY", "HOSPITAL_INVOICE"], quota: "CONSUME", ...finish },
    { action: "RECORD_INSURED_FAILURE", from: [...ARRANGING, "SCHEDULED"], to: "INSURED_FAILURE", quota: "CONSUME", ...ownFailure },
    { action: "RECORD_NO_SHOW", from: ["SCHEDULED"], to: "NO_SHOW", quota: "CONSUME", notBeforeAppointment: true, ...ownFailure },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "APPROVED"], to: "CANCELLED", quota: "RELEASE", ...notify },
    { action: "CANCEL", from: [...ARRANGING, "SCHEDULED", "IN_PROGRESS", "ADMITTED"], to: "CANCELLED", quota: "CONSUME", ...ownFailure },
  ],
  readings: [
    {
      clause: "JAPAN.提示.2",
      sentence: clauseText("JAPAN.提示.2"),
      reading: "The failures it names all happen in steps 5–7, before the trip is arranged, so 服务安排 is read as the arrangement work having started: from the start notice (NOTIFY_START) an own failure (RECORD_INSURED_FAILURE) or a withdrawal (CANCEL) counts as used; before it a cancellation gives the use back.",
    },
    {
      clause: "JAPAN.标准.3",
      sentence: clauseQuote("JAPAN.标准.3", "在资料齐全"),
      reading: "Counted from complete documents, without the days spent waiting for the hospital's acceptance (REQUEST_HOSPITAL_ACCEPTANCE → RECORD_HOSPITAL_ACCEPTANCE) or for the visa (→ RECORD_VISA_ISSUED); met when the arrangement is complete (SCHEDULE, step 9), not at arrival.",
    },
    {
      clause: "JAPAN.流程.4",
      sentence: stepRemark("JAPAN.流程.4"),
      reading: "Starts when the review passes (APPROVE); a negative result is a rejection and closes the case.",
    },
    {
      clause: "JAPAN.流程.12",
      sentence: stepRemark("JAPAN.流程.12"),
      reading: "COMPLETE needs the discharge summary and the hospital invoice on the case.",
    },
    {
      clause: "JAPAN.流程.9",
      sentence: clauseQuote("JAPAN.流程.9", undefined, "前往日本"),
      reading: "Clients that record only the coarse steps may SCHEDULE straight from approval (with the acceptance letter); the milestones they skip stay unrecorded and their clocks say so (missed or breached).",
    },
  ],
});

const submission: SubmissionRules = {
  // JAPAN.流程.2: the insured's name and resident ID number are needed to apply.
  check: (facts) => ({ reasons: facts.insuredHasIdNumber ? [] : [{ code: "ID_NUMBER_REQUIRED", date: null, field: ["input", "policyNo"] }], warnings: [], missingInput: [] }),
};

export const japanCareService: HandbookService = { code: "JAPAN_CARE", catalogue, workflow, submission };
