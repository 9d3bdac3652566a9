// Handbook 2022 §国内第二诊疗意见: 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: SECOND_OPINION.介绍.2 (quota), SECOND_OPINION.提示.2 (documents), SECOND_OPINION.标准.2, SECOND_OPINION.流程.4 (SLA).
// Its workflow, 服务流程 1–5 and 温馨提示 3: record preparation (病情评估), the expert
// arranged within 10 working days, the written report within 10–15. Once record preparation has
// started the service cannot be cancelled; a cancellation then counts as used.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { applyStep, t } from "../catalogue/text.js";
import { clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, legacy, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "SECOND_OPINION",
  name: t("国内第二诊疗意见", "Second medical opinion"),
  description: t(
    clauseText("SECOND_OPINION.介绍.1"),
    "When the insured is diagnosed with a critical illness covered by this insurance, we arrange for expert doctors of grade-3A hospitals across China to give a second professional opinion on the diagnosis or the treatment plan, helping the customer decide better.",
  ),
  network: "NATIONWIDE",
  benefits: [
    {
      code: "SECOND_OPINION",
      name: t("第二诊疗意见", "Second opinion"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // SECOND_OPINION.提示.2 lists the records "including but not limited to": open-ended, and a discharge summary exists
      // only after an admission, so the outpatient record is the minimum.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  steps: [
    { order: 1, name: t(stepTitle("SECOND_OPINION.流程.1"), "Apply"), description: applyStep(stepRemark("SECOND_OPINION.流程.1")) },
    {
      order: 2,
      name: t(stepTitle("SECOND_OPINION.流程.2"), "Submit documents and the request"),
      description: t(
        stepRemark("SECOND_OPINION.流程.2"),
        "Submit the medical records and the consultation request (including but not limited to the outpatient record, discharge summary, blood test, CT, MRI or pathology reports and visit details).",
      ),
    },
    {
      order: 3,
      name: t(stepTitle("SECOND_OPINION.流程.3"), "Case assessment"),
      description: t(stepRemark("SECOND_OPINION.流程.3"), "The insured must help provide and collect the medical records the expert needs for the second opinion."),
    },
    {
      order: 4,
      name: t(stepTitle("SECOND_OPINION.流程.4"), "Service starts"),
      description: t(
        stepRemark("SECOND_OPINION.流程.4"),
        "Once the records are complete, our contracted vendor coordinates doctors of the relevant hospital departments and starts the service, arranged within 10 working days.",
      ),
    },
    {
      order: 5,
      name: t(stepTitle("SECOND_OPINION.流程.5"), "Opinion report"),
      description: t(stepRemark("SECOND_OPINION.流程.5"), "The expert issues the opinion report to the insured; the service is complete."),
    },
  ],
  // 服务流程 4 (arranged within 10) and 服务标准 2 (report in 10–15) both count from complete documents. The
  // arrangement keeps the milestone name EXPERT_ARRANGED, which the SLA rules (compute-sla-clocks.ts) key on.
  slas: [
    {
      milestone: "EXPERT_ARRANGED",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["ARRANGED"],
      startsWhen: t("资料收集完整", "The medical records are complete"),
      workingDays: 10,
      source: stepRemark("SECOND_OPINION.流程.4"),
      clause: "SECOND_OPINION.流程.4",
    },
    {
      milestone: "REPORT_ISSUED",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["COMPLETED"],
      startsWhen: t("资料齐全", "The documents are complete"),
      workingDays: 10,
      upToWorkingDays: 15,
      source: clauseText("SECOND_OPINION.标准.2"),
      clause: "SECOND_OPINION.标准.2",
    },
  ],
  // 服务流程 2 (SECOND_OPINION.提示.2 likewise): the records and reports it names.
  requiredDocuments: ["OUTPATIENT_RECORD", "DISCHARGE_SUMMARY", "BLOOD_TEST", "CT_REPORT", "MRI_REPORT", "PATHOLOGY_REPORT"],
  notes: [
    t(clauseText("SECOND_OPINION.提示.1"), "The insured must give the insured's name and policy number so that the entitlement and services can be confirmed."),
    t(
      clauseText("SECOND_OPINION.提示.2"),
      "When applying, the insured must provide, including but not limited to, the outpatient record, discharge summary and test reports such as CT, MRI and pathology for this hospitalisation.",
    ),
    t(
      clauseText("SECOND_OPINION.提示.3"),
      "Once the documents are received and preparation of the medical records has started, the service cannot be cancelled; a cancellation then counts as completed.",
    ),
    t(clauseText("SECOND_OPINION.提示.4"), "The doctor cannot be named by the insured."),
    t(
      clauseText("SECOND_OPINION.提示.5"),
      "If the insured does not apply within the policy period, the service ends when the policy expires.",
    ),
  ],
};

const assess = { clause: "SECOND_OPINION.流程.3" };
const arrange = { clause: "SECOND_OPINION.流程.4" };
const report = { clause: "SECOND_OPINION.流程.5" };
const noCancel = { clause: "SECOND_OPINION.提示.3" };

const preparing = ["UNDER_REVIEW", "APPROVED", "SCHEDULED", "IN_PROGRESS"] as const;

const workflow: Workflow = defineWorkflow({
  service: "SECOND_OPINION",
  stages: [
    ...openingStages(2),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 3, name: t("病情评估（病历整理）", "Assessment (records being prepared)") },
    { stage: "APPROVED", status: "APPROVED", step: 4, name: t("待安排专家", "Expert being arranged") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 5, name: t("专家已安排", "Expert arranged") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 5, name: t("专家出具意见中", "Opinion being written") },
    { stage: "COMPLETED", status: "COMPLETED", step: 5, name: t("已出具报告", "Report issued") },
    REJECTED, CANCELLED, legacy(NO_SHOW),
  ],
  actions: [
    startReview(assess),
    approve(["UNDER_REVIEW"], assess),
    reject(["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW"], assess),
    { action: "SCHEDULE", from: ["APPROVED"], to: "SCHEDULED", records: ["ARRANGED"], input: "SCHEDULED_FOR", ...arrange },
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], ...arrange },
    { action: "COMPLETE", from: ["SCHEDULED", "IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], quota: "CONSUME", ...report },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS"], to: "CANCELLED", quota: "RELEASE", ...noCancel },
    { action: "CANCEL", from: preparing, to: "CANCELLED", quota: "CONSUME", ...noCancel },
  ],
  readings: [
    {
      clause: "SECOND_OPINION.提示.3",
      sentence: clauseText("SECOND_OPINION.提示.3"),
      reading: "Record preparation starts with the assessment (START_REVIEW, 服务流程 3); a cancellation from then is allowed and counts as used. Otherwise the use is counted when the report is issued (COMPLETE).",
    },
  ],
});

export const secondOpinionService: HandbookService = { code: "SECOND_OPINION", catalogue, workflow };
