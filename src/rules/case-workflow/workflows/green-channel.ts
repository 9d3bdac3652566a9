// Handbook §就医绿色通道 服务流程 1–4 and 温馨提示 1–2: reviewed, arranged within 5 (outpatient) or
// 10 (inpatient or surgery) working days of approval, then the visit. No change or cancellation once
// the appointment is made; a late arrival or a no-show counts as used.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const confirm = { clause: "GREEN_CHANNEL.流程.2", source: "我司服务人员与被保险人确认就诊城市、医院、科室、就诊日期、是否已具住院单等信息" };
const arrange = {
  clause: "GREEN_CHANNEL.流程.3",
  source: "【专家门诊预约】启动服务后 5 个工作日内完成安排 *【住院或手术协调】启动服务且住院通知单开具之日起 10 个工作日内完成安排",
};
const visit = { clause: "GREEN_CHANNEL.流程.4", source: "被保险人在预约医院、预约时间内就医，服务完成" };
const noChange = { clause: "GREEN_CHANNEL.提示.1", source: "本项服务申请成功后不接受改期或取消。" };
const noShow = {
  clause: "GREEN_CHANNEL.提示.2",
  source: "若我司已为被保险人完成门诊、住院安排，但由于被保险人迟到、爽约等个人原因导致号源或床位失效，最终未能在预定时间就医，亦视为本项服务已完成，计入服务次数。",
};
const refusal = { code: "CANCELLATION_NOT_ALLOWED" as const, message: t("本项服务申请成功后不接受改期或取消。", "Once the appointment is made it cannot be changed or cancelled.") };

export const greenChannelWorkflow: Workflow = defineWorkflow({
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
      sentence: "本项服务申请成功后不接受改期或取消。",
      reading: "申请成功 is the appointment being made (SCHEDULE): until then the insured may cancel and the reservation is released; from then CANCEL and a second SCHEDULE are refused.",
    },
    {
      clause: "GREEN_CHANNEL.流程.3",
      sentence: "【住院或手术协调】启动服务且住院通知单开具之日起 10 个工作日内完成安排",
      reading: "The notice's issue date is not recorded apart: the clock starts at approval, which needs the notice among the complete documents, so it never starts before the notice reached us.",
    },
    {
      clause: "GREEN_CHANNEL.提示.2",
      sentence: "…亦视为本项服务已完成，计入服务次数。",
      reading: "The use is counted at the visit (START or COMPLETE) or at a no-show; nothing booked can be cancelled, so a booked case always ends used.",
    },
    {
      clause: "GREEN_CHANNEL.提示.2, GREEN_CHANNEL.流程.4",
      sentence: "被保险人在预约医院、预约时间内就医 … 最终未能在预定时间就医，亦视为本项服务已完成",
      reading: "A visit or a no-show is recorded on the appointment day (scheduledFor) or later; before it both are refused (BEFORE_APPOINTMENT_DAY), so the use cannot be spent early.",
    },
    {
      clause: "GREEN_CHANNEL.标准.2.3",
      sentence: "（本服务不可指定医生）",
      reading: "A submission carries the hospital and department asked for (服务流程 2) and has no doctor field; the catalogue says so.",
    },
  ],
});
