// Handbook §赴日就医协助 服务流程 1–12 and 温馨提示 2: review (2 working days), the start notice
// (1), a specialist (2), the Japanese hospital's acceptance letter before the medical visa, the
// direct-billing and claim authorisations before treatment, the whole arrangement within 40 working
// days while the hospital's acceptance and the visa are awaited, accompaniment in Japan, the records
// and bills at the end. Once the service has started, the insured's own failure (no documents, visa
// refused, not accepted by the hospital) counts as completed.
import { t } from "../../catalogue/text.js";
import type { CaseStage } from "../codes.js";
import type { Workflow } from "../workflow-definition.js";
import { defineWorkflow } from "../check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./common.js";

const clause = (id: string, source: string) => ({ clause: id, source });

const review = clause("JAPAN.流程.3", "经我司审核，2个工作日内通知审核结果");
const notify = clause("JAPAN.流程.4", "服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务");
const specialist = clause("JAPAN.流程.5", "2个工作日内安排专员协助被保险人收集资料、翻译、与医院沟通等");
const acceptance = clause("JAPAN.流程.6", "资料翻译及医院沟通完毕，日本医院出具接收函，服务商协助办理医疗签证 *须有日本医院接收函方可办理医疗签证");
const visa = clause("JAPAN.流程.7", "医疗签证办理完毕，服务商协助安排赴日机票、住宿及行程");
const billing = clause("JAPAN.流程.8", "服务商与日本医院联络，为被保险人启动住院费用直付和费用监控 *被保险人须配合签署直付和理赔授权书");
const depart = clause("JAPAN.流程.9", "赴日行前工作安排完毕，被保险人前往日本，服务商安排当地陪诊人员 *当地就医陪诊累计总时长不得超过40小时，陪诊仅限医疗相关环节");
const arrive = clause("JAPAN.流程.10", "被保险人抵达日本医院就诊");
const admit = clause("JAPAN.流程.11", "根据医院安排，陪诊人员协调被保险人入院进行治疗");
const finish = clause("JAPAN.流程.12", "治疗结束回国，服务商收集资料，完成理赔申请服务完成 *日本医院邮寄完整医疗资料与账单至服务商");
const ownFailure = {
  clause: "JAPAN.提示.2",
  source: "若我司已为被保险人完成服务安排，但由于被保险人无法提交相应医疗资料、医疗签证无法办理、不符合医院接收条件等被保险人个人自身原因导致无法赴日就医，亦视为本项服务已完成。",
};

/** From the start notice on, the vendor is arranging the trip. */
const ARRANGING: readonly CaseStage[] = ["SERVICE_STARTED", "SPECIALIST_ASSIGNED", "AWAITING_HOSPITAL_ACCEPTANCE", "AWAITING_VISA", "VISA_ISSUED", "DIRECT_BILLING_SET_UP"];
const DIRECT_BILLING = ["DIRECT_BILLING_AUTHORIZATION", "CLAIM_AUTHORIZATION"] as const;

export const japanCareWorkflow: Workflow = defineWorkflow({
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
      sentence: "若我司已为被保险人完成服务安排，但由于被保险人无法提交相应医疗资料、医疗签证无法办理、不符合医院接收条件等…亦视为本项服务已完成。",
      reading: "The failures it names all happen in steps 5–7, before the trip is arranged, so 服务安排 is read as the arrangement work having started: from the start notice (NOTIFY_START) an own failure (RECORD_INSURED_FAILURE) or a withdrawal (CANCEL) counts as used; before it a cancellation gives the use back.",
    },
    {
      clause: "JAPAN.标准.3",
      sentence: "在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下，我司将在40个工作日内为被保险人完成赴日本的就医安排。",
      reading: "Counted from complete documents, without the days spent waiting for the hospital's acceptance (REQUEST_HOSPITAL_ACCEPTANCE → RECORD_HOSPITAL_ACCEPTANCE) or for the visa (→ RECORD_VISA_ISSUED); met when the arrangement is complete (SCHEDULE, step 9), not at arrival.",
    },
    {
      clause: "JAPAN.流程.4",
      sentence: "服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务",
      reading: "Starts when the review passes (APPROVE); a negative result is a rejection and closes the case.",
    },
    {
      clause: "JAPAN.流程.12",
      sentence: "日本医院邮寄完整医疗资料与账单至服务商",
      reading: "COMPLETE needs the discharge summary and the hospital invoice on the case.",
    },
    {
      clause: "JAPAN.流程.9",
      sentence: "赴日行前工作安排完毕，被保险人前往日本",
      reading: "Clients that record only the coarse steps may SCHEDULE straight from approval (with the acceptance letter); the milestones they skip stay unrecorded and their clocks say so (missed or breached).",
    },
  ],
});
