// Handbook §住院垫付服务 服务流程 1–6 and 温馨提示 1, 3, 5: review, a liability determination or an
// investigation (查勘) where needed, the advance arranged, admission with the consent and claim
// authorisation signed, discharge with the invoice and discharge summary. A no-show or a refusal
// to sign once arranged counts as completed.
import { t } from "../../catalogue/text.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const review = { clause: "ADVANCE.流程.3", source: "资料审核 我司服务人员进行服务资料审核" };
const result = { clause: "ADVANCE.流程.4", source: "如审核通过后告知垫付服务执行时间与细则 *如需查勘，15个工作日内通知查勘结果。" };
const liability = {
  clause: "ADVANCE.提示.1",
  source: "本服务因涉及理赔责任认定，可能需要被保险人提供既往病历材料或配合进行公估调查，责任认定完成后，方可为被保险人提供本服务。",
};
const admit = { clause: "ADVANCE.流程.5", source: "我司服务人员协助被保险人在预约日期至医院办理住院，签署授权书" };
const sign = { clause: "ADVANCE.提示.3.1", source: "提供垫付服务时，被保险人须签署医疗垫付知情同意书和理赔授权书；垫付服务完成后，被保险人须交付住院发票、出院小结等理赔资料给我司服务人员。" };
const discharge = { clause: "ADVANCE.流程.6", source: "我司服务人员协助被保险人办理出院，被保险人须提交住院发票、出院小结等资料，垫付服务完成。" };
const deemedDone = {
  clause: "ADVANCE.提示.5.2",
  source: "若我司已为被保险人完成服务安排，但被保险人未在预定时间办理住院或拒绝签署医疗垫付知情同意书和理赔授权书，亦视为本项服务已完成。",
};

const reviewing = ["UNDER_REVIEW", "LIABILITY_REVIEW", "INVESTIGATING"] as const;

export const inpatientAdvanceWorkflow: Workflow = defineWorkflow({
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
    { action: "START", from: ["SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED", "ADMITTED"], needs: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"], notBeforeAppointment: true, ...admit, clause: `${admit.clause}, ${sign.clause}`, source: sign.source },
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
      sentence: "责任认定完成后，方可为被保险人提供本服务。",
      reading: "REQUEST_LIABILITY_REVIEW pauses the 5-day arrangement clock until the decision (APPROVE or REJECT); an investigation (查勘) pauses it too; overlapping pauses count once.",
    },
    {
      clause: "ADVANCE.流程.4",
      sentence: "如需查勘，15个工作日内通知查勘结果。",
      reading: "Counted from the investigation request, met by RECORD_INVESTIGATION_RESULT (or by the decision taken from INVESTIGATING).",
    },
    {
      clause: "ADVANCE.提示.2.1",
      sentence: "如被保险人之前已因相同疾病住院成功申请过我司垫付服务",
      reading: "An earlier case of this policy for the same diagnosis (SubmitCaseInput.diagnosisId; by default the policy's earliest qualifying diagnosis) that reached admission, i.e. the advance was made. Otherwise the submission warns FIRST_ADVANCE_MAY_NEED_REVIEW.",
    },
    {
      clause: "ADVANCE.提示.5.2",
      sentence: "若我司已为被保险人完成服务安排，但被保险人未在预定时间办理住院或拒绝签署…亦视为本项服务已完成。",
      reading: "Used at discharge (COMPLETE), a no-show, a refusal to sign (RECORD_REFUSAL_TO_SIGN), a cancellation on or after the appointment day or after admission; released at a rejection or a cancellation before the appointment day (the sentence names only not being admitted at the agreed time). Admission (流程 5 在预约日期…办理住院), a no-show and a refusal to sign are recorded on the appointment day or later (BEFORE_APPOINTMENT_DAY otherwise). The benefit is unlimited: used counts the uses.",
    },
    {
      clause: "ADVANCE.提示.4.2",
      sentence: "被保险人若以社会医疗保险身份参保但在就医时无法以社会医疗保险身份就诊并结算的，无法申请住院费用垫付服务。",
      reading: "An insured with social insurance must answer usesSocialInsuranceSettlement; no answer is a userError, not a pass.",
    },
  ],
});
