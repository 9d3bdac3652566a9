// Handbook 2022 §靶向药基因检测: 服务内容, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: GENE_TEST.介绍.2 (quota), GENE_TEST.标准.2, GENE_TEST.流程.6 (SLA).
// Its workflow, 服务流程 1–6 and 温馨提示 4: entitlement confirmed, records and the test
// chosen, the sample collected and sent to the laboratory, the report (electronic and paper) within
// 15 working days of the laboratory receiving it. No cancellation once sample collection has started.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { applyStep, t } from "../catalogue/text.js";
import { clauseExcerpt, clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, legacy, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "GENE_TEST",
  name: t("靶向药基因检测", "Targeted-drug gene testing"),
  description: t(
    clauseText("GENE_TEST.介绍.1", { omit: ["（下称“本服务”）"] }),
    "When the insured has a malignant tumour covered by this policy, we recommend a qualified, professional third-party testing institution for the condition and provide targeted-drug gene testing, helping to match targeted drugs to the tumour and to assess drug efficacy or resistance, and so guide a sound treatment plan.",
  ),
  network: "CITY_LIST",
  benefits: [
    {
      code: "GENE_TEST",
      name: t("基因检测", "Gene test"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "MALIGNANT_TUMOR",
      // GENE_TEST.条件.2 lists records and reports "including but not limited to": open-ended, the pathology report one option
      // among them, so the outpatient record is the minimum, as for the other services. The sample (GENE_TEST.条件.3) comes
      // later and starts the report clock when the laboratory has it.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  steps: [
    { order: 1, name: t(stepTitle("GENE_TEST.流程.1"), "Apply"), description: applyStep(stepRemark("GENE_TEST.流程.1")) },
    {
      order: 2,
      name: t(stepTitle("GENE_TEST.流程.2"), "Confirm the entitlement"),
      description: t(stepRemark("GENE_TEST.流程.2"), "Our staff confirm the insured's policy status, cover and services."),
    },
    {
      order: 3,
      name: t(stepTitle("GENE_TEST.流程.3"), "Documents and test choice"),
      description: t(stepRemark("GENE_TEST.流程.3"), "Our staff help the insured provide the medical records and confirm the condition and the tests."),
    },
    {
      order: 4,
      name: t(stepTitle("GENE_TEST.流程.4"), "Provide the sample"),
      description: t(
        stepRemark("GENE_TEST.流程.4"),
        "Depending on the tests, staff guide the insured to provide a tissue section, blood or another sample.",
      ),
    },
    {
      order: 5,
      name: t(stepTitle("GENE_TEST.流程.5"), "Send the sample"),
      description: t(stepRemark("GENE_TEST.流程.5"), "The collected sample is sent to the designated laboratory."),
    },
    {
      order: 6,
      name: t(stepTitle("GENE_TEST.流程.6"), "Test report"),
      description: t(
        stepRemark("GENE_TEST.流程.6"),
        "Within 15 working days of receiving the sample the laboratory issues electronic and paper reports.",
      ),
    },
  ],
  slas: [
    {
      milestone: "LAB_REPORT",
      startsAt: "STARTED",
      metBy: ["COMPLETED"],
      startsWhen: t("实验室收到样本", "The laboratory received the sample"),
      workingDays: 15,
      source: clauseExcerpt("GENE_TEST.标准.2", "实验室"),
      clause: "GENE_TEST.标准.2, GENE_TEST.流程.6",
    },
  ],
  // GENE_TEST.条件.2: the records and reports it names; GENE_TEST.条件.3: the sample.
  requiredDocuments: ["ADMISSION_NOTICE", "OUTPATIENT_RECORD", "BLOOD_TEST", "CT_REPORT", "MRI_REPORT", "PATHOLOGY_REPORT", "GENE_SAMPLE"],
  notes: [
    t(
      clauseText("GENE_TEST.提示.1"),
      "If the insured does not apply within the policy period or cannot provide a sample, the service ends when the policy expires.",
    ),
    t(clauseText("GENE_TEST.提示.2"), "Gene-test products and the like that the insured buys on their own are not covered and are not reimbursed."),
    t(
      clauseText("GENE_TEST.提示.3"),
      "The policyholder may apply on the insured's behalf, but we provide the service only to the insured of this product.",
    ),
    t(clauseText("GENE_TEST.提示.4"), "From the start of sample collection, the service cannot be cancelled."),
  ],
};

const confirm = { clause: "GENE_TEST.流程.2" };
const needs = { clause: "GENE_TEST.流程.3" };
const sample = { clause: "GENE_TEST.流程.4" };
const lab = { clause: "GENE_TEST.流程.5" };
const report = { clause: "GENE_TEST.流程.6" };
const noCancel = { clause: "GENE_TEST.提示.4" };
const noSample = { clause: "GENE_TEST.提示.1" };
const refusal = { code: "CANCELLATION_NOT_ALLOWED" as const, message: t(clauseText("GENE_TEST.提示.4"), "A gene test cannot be cancelled once sample collection has started.") };

const workflow: Workflow = defineWorkflow({
  service: "GENE_TEST",
  stages: [
    ...openingStages(3),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 2, name: t("确认保单权益", "Entitlement being confirmed") },
    { stage: "APPROVED", status: "APPROVED", step: 3, name: t("确认病情及检测项目", "Condition and test being confirmed") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 4, name: t("已预约样本采集", "Sample collection booked") },
    { stage: "SAMPLE_COLLECTION", status: "SCHEDULED", step: 4, name: t("样本采集中", "Sample being collected") },
    { stage: "AWAITING_SAMPLE", status: "SCHEDULED", step: 4, name: t("无法提供样本，随保单到期终止", "No sample: ends with the policy") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 6, name: t("实验室已收到样本", "Sample at the laboratory") },
    { stage: "COMPLETED", status: "COMPLETED", step: 6, name: t("已出具检测报告", "Report issued") },
    REJECTED, CANCELLED, legacy(NO_SHOW),
    { stage: "ENDED_WITH_POLICY", status: "CANCELLED", step: null, name: t("随保单有效期到期终止", "Ended with the policy") },
  ],
  actions: [
    startReview(confirm),
    approve(["UNDER_REVIEW"], needs),
    reject(["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW"], confirm),
    { action: "SCHEDULE", from: ["APPROVED"], to: "SCHEDULED", records: ["ARRANGED"], input: "SCHEDULED_FOR", ...sample },
    { action: "START_SAMPLE_COLLECTION", from: ["APPROVED", "SCHEDULED"], to: "SAMPLE_COLLECTION", records: ["SAMPLE_COLLECTION_STARTED"], ...sample },
    // START: the laboratory has the sample (so its collection had started).
    { action: "RECORD_NO_SAMPLE", from: ["SCHEDULED", "SAMPLE_COLLECTION"], to: "AWAITING_SAMPLE", ...noSample },
    { action: "END_WITH_POLICY", from: ["AWAITING_SAMPLE"], to: "ENDED_WITH_POLICY", quota: "RELEASE", onlyOncePolicyEnded: true, ...noSample },
    { action: "START", from: ["APPROVED", "SCHEDULED", "SAMPLE_COLLECTION", "AWAITING_SAMPLE"], to: "IN_PROGRESS", records: ["SAMPLE_COLLECTION_STARTED", "STARTED"], ...lab },
    { action: "COMPLETE", from: ["IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], quota: "CONSUME", ...report },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "APPROVED", "SCHEDULED"], to: "CANCELLED", quota: "RELEASE", ...noCancel },
    { action: "CANCEL", from: ["SAMPLE_COLLECTION", "AWAITING_SAMPLE", "IN_PROGRESS"], to: null, refusal, ...noCancel },
  ],
  readings: [
    {
      clause: "GENE_TEST.提示.4",
      sentence: clauseText("GENE_TEST.提示.4"),
      reading: "Collection starts with START_SAMPLE_COLLECTION, or at the latest with START (the laboratory has the sample); a booked collection (SCHEDULE) can still be cancelled and the reservation is released.",
    },
    {
      clause: "GENE_TEST.提示.1",
      sentence: clauseText("GENE_TEST.提示.1"),
      reading: "RECORD_NO_SAMPLE records that the insured cannot provide a sample: the case waits (AWAITING_SAMPLE), still taking a late sample (START), and ends once the policy is no longer in force: the SLA sweep records END_WITH_POLICY itself (an operator may too; before the policy ends it is refused: POLICY_STILL_IN_FORCE). The service was never rendered, so the use is given back.",
    },
  ],
});

export const geneTestService: HandbookService = { code: "GENE_TEST", catalogue, workflow };
