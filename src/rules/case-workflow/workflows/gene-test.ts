// Handbook §靶向药基因检测 服务流程 1–6 and 温馨提示 4: entitlement confirmed, records and the test
// chosen, the sample collected and sent to the laboratory, the report (electronic and paper) within
// 15 working days of the laboratory receiving it. No cancellation once sample collection has started.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, legacy, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const confirm = { clause: "GENE_TEST.流程.2", source: "我司服务人员确认被保险人的保单身份、保障及服务内容" };
const needs = { clause: "GENE_TEST.流程.3", source: "我司服务人员协助被保险人提供病历资料，确认病情及检测项目" };
const sample = { clause: "GENE_TEST.流程.4", source: "依据检测项目不同，服务人员指导被保人提供组织切片、血液等检测样本" };
const lab = { clause: "GENE_TEST.流程.5", source: "采集样本送至指定实验室" };
const report = { clause: "GENE_TEST.流程.6", source: "实验室收到样本后15个工作日内，出具电子版及纸质版报告" };
const noCancel = { clause: "GENE_TEST.提示.4", source: "本服务自启动样本采集开始，不可取消。" };
const noSample = { clause: "GENE_TEST.提示.1", source: "若被保险人未在保单有效期内申请本服务或无法提供检测样本，则本服务随保单有效期到期终止。" };
const refusal = { code: "CANCELLATION_NOT_ALLOWED" as const, message: t("本服务自启动样本采集开始，不可取消。", "A gene test cannot be cancelled once sample collection has started.") };

export const geneTestWorkflow: Workflow = defineWorkflow({
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
      sentence: "本服务自启动样本采集开始，不可取消。",
      reading: "Collection starts with START_SAMPLE_COLLECTION, or at the latest with START (the laboratory has the sample); a booked collection (SCHEDULE) can still be cancelled and the reservation is released.",
    },
    {
      clause: "GENE_TEST.提示.1",
      sentence: "若被保险人…无法提供检测样本，则本服务随保单有效期到期终止。",
      reading: "RECORD_NO_SAMPLE records that the insured cannot provide a sample: the case waits (AWAITING_SAMPLE), still taking a late sample (START), and is ended by END_WITH_POLICY once the policy is no longer in force (refused before: POLICY_STILL_IN_FORCE); The service was never rendered, so the use is given back.",
    },
  ],
});
