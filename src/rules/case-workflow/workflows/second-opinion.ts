// Handbook §国内第二诊疗意见 服务流程 1–5 and 温馨提示 3: record preparation (病情评估), the expert
// arranged within 10 working days, the written report within 10–15. Once record preparation has
// started the service cannot be cancelled; a cancellation then counts as used.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, legacy, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const assess = { clause: "SECOND_OPINION.流程.3", source: "病情评估 *被保险人须配合提供收集病历资料，以供专家做出第二诊疗意见" };
const arrange = { clause: "SECOND_OPINION.流程.4", source: "资料收集完整后由我司特约服务商协调相关医院科室医生，启动服务，10个工作日内安排。" };
const report = { clause: "SECOND_OPINION.流程.5", source: "专家出具诊疗意见报告给被保险人，服务完成。" };
const noCancel = { clause: "SECOND_OPINION.提示.3", source: "收到资料且开始病历整理环节后，本服务不可取消，如需取消亦视为本项服务已完成。" };

const preparing = ["UNDER_REVIEW", "APPROVED", "SCHEDULED", "IN_PROGRESS"] as const;

export const secondOpinionWorkflow: Workflow = defineWorkflow({
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
      sentence: "收到资料且开始病历整理环节后，本服务不可取消，如需取消亦视为本项服务已完成。",
      reading: "Record preparation starts with the assessment (START_REVIEW, 服务流程 3); a cancellation from then is allowed and counts as used. Otherwise the use is counted when the report is issued (COMPLETE).",
    },
  ],
});
