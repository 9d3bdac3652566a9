// Handbook §家庭医生 服务流程: 1 访问路径, 2 开始咨询. Unlimited, 7×24, no review and no clock; a
// consultation is a case only so that its use is recorded.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { CANCELLED, legacy, NO_SHOW, openingStages, REJECTED } from "./common.js";

const consult = { clause: "FAMILY_DOCTOR.流程.2", source: "开始咨询 点击家庭医生按钮，一键开始咨询。" };

export const familyDoctorWorkflow: Workflow = defineWorkflow({
  service: "FAMILY_DOCTOR",
  stages: [
    ...openingStages(1),
    legacy({ stage: "SCHEDULED", status: "SCHEDULED", step: 1, name: t("已预约", "Booked") }),
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 2, name: t("咨询中", "Consultation in progress") },
    { stage: "COMPLETED", status: "COMPLETED", step: 2, name: t("咨询结束", "Consultation over") },
    legacy(REJECTED), CANCELLED, legacy(NO_SHOW),
  ],
  actions: [
    { action: "START", from: ["SUBMITTED", "SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], quota: "CONSUME", ...consult },
    { action: "COMPLETE", from: ["IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], ...consult },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "SCHEDULED"], to: "CANCELLED", quota: "RELEASE", ...consult },
  ],
  readings: [
    {
      clause: "FAMILY_DOCTOR.流程.2",
      sentence: "点击家庭医生按钮，一键开始咨询。",
      reading: "A consultation is a case only so that its use is recorded (START); the handbook gives no review, documents or clock.",
    },
  ],
});
