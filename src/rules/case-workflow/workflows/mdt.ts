// Handbook §MDT 多学科会诊 服务流程 1–5 and 温馨提示 1, 3: assessment, the consultation arranged
// within 10 working days of complete documents, attended in person or by the vendor's staff with a
// signed 多学科会诊委托书, the written report 5–10 working days after it. A no-show once arranged
// counts as used.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const assess = { clause: "MDT.流程.3", source: "病情评估 *被保险人须根据专家要求配合提供和完善病历资料，以供专家做出多学科会诊意见。" };
const attend = {
  clause: "MDT.流程.4",
  source: "资料收集完整后由我司特约服务商协调确定诊疗地点及时间，10 个工作日内通知被保险人或家属准时出席 MDT 专家会诊",
};
const proxy = { clause: "MDT.提示.1.2, MDT.提示.1.3, MDT.提示.1.4", source: "由服务商的服务人员代为前往现场，需被保险人或家属签署多学科会诊委托书；疫情期间…暂不支持此代诊服务" };
const panel = { clause: "MDT.介绍.1", source: "匹配三个或三个以上相关科室医学专家" };
const report = { clause: "MDT.流程.5", source: "多科室专家会诊后 5-10 个工作日内，出具书面诊疗意见报告，服务完成" };
const noShow = { clause: "MDT.提示.3", source: "如我司已为被保险人完成本服务安排，但被保险人未在预定时间参加，亦视为本项服务已完成，须计入有效服务次数。" };

export const mdtWorkflow: Workflow = defineWorkflow({
  service: "MDT",
  stages: [
    ...openingStages(2),
    { stage: "UNDER_REVIEW", status: "UNDER_REVIEW", step: 3, name: t("病情评估", "Assessment") },
    { stage: "APPROVED", status: "APPROVED", step: 4, name: t("安排会诊中", "Consultation being arranged") },
    { stage: "SCHEDULED", status: "SCHEDULED", step: 4, name: t("已通知会诊时间地点", "Consultation time and place notified") },
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 5, name: t("已会诊，待出具报告", "Consultation held, report pending") },
    { stage: "COMPLETED", status: "COMPLETED", step: 5, name: t("已出具会诊报告", "Report issued") },
    REJECTED, CANCELLED, NO_SHOW,
  ],
  actions: [
    startReview(assess),
    approve(["UNDER_REVIEW"], assess),
    reject(["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW"], assess),
    { action: "SCHEDULE", from: ["APPROVED"], to: "SCHEDULED", records: ["ARRANGED"], input: "SCHEDULED_FOR", panel: { minDepartments: 3 }, ...attend, clause: `${attend.clause}, ${panel.clause}` },
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], byProxyNeeds: ["MDT_PROXY_AUTHORIZATION"], byProxySuspendedBy: "MDT_PROXY_ATTENDANCE", notBeforeAppointment: true, ...attend, clause: `${attend.clause}, ${proxy.clause}` },
    { action: "COMPLETE", from: ["IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], quota: "CONSUME", ...report },
    { action: "RECORD_NO_SHOW", from: ["SCHEDULED"], to: "NO_SHOW", quota: "CONSUME", notBeforeAppointment: true, ...noShow },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "APPROVED"], to: "CANCELLED", quota: "RELEASE", ...assess },
    // The sentence names only not attending at the agreed time: a cancellation before the day gives the use back.
    { action: "CANCEL", from: ["SCHEDULED"], to: "CANCELLED", quota: "RELEASE", when: "BEFORE_APPOINTMENT_DAY", ...noShow },
    { action: "CANCEL", from: ["SCHEDULED"], to: "CANCELLED", quota: "CONSUME", when: "ON_OR_AFTER_APPOINTMENT_DAY", ...noShow },
    { action: "CANCEL", from: ["IN_PROGRESS"], to: "CANCELLED", quota: "CONSUME", ...noShow },
  ],
  readings: [
    {
      clause: "MDT.提示.3",
      sentence: "如我司已为被保险人完成本服务安排，但被保险人未在预定时间参加，亦视为本项服务已完成",
      reading: "The sentence names only not attending (未在预定时间参加): a no-show or an attendance is recorded on the appointment day (scheduledFor) or later; a cancellation before that day gives the use back, one on or after it is not attending and counts as used, as does one after the consultation was held. Otherwise the use is counted when the report is issued.",
    },
    {
      clause: "MDT.提示.1.4",
      sentence: "疫情期间因各医院防控要求不同，暂不支持此代诊服务。",
      reading: "An operator suspends attendance by proxy for a period (suspendServiceFeature MDT_PROXY_ATTENDANCE); a START byProxy on a day inside it is refused (PROXY_ATTENDANCE_SUSPENDED), attending in person is not.",
    },
    {
      clause: "MDT.介绍.1",
      sentence: "匹配三个或三个以上相关科室医学专家（具体专家数量以实际病情评估需求为准）",
      reading: "SCHEDULE records the panel's departments (departments: three or more distinct names); the number of experts is left to the assessment.",
    },
  ],
});
