// Handbook 2022 §赴日就医协助（是否享有此服务，请以保单载明责任为准）: 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: JAPAN.介绍.0 (not a standard benefit), JAPAN.介绍.2 (quota), JAPAN.流程.3 (SLA).
// Its workflow, 服务流程 1–12 and 温馨提示 2: review (2 working days), the start notice
// (1), a specialist (2), the Japanese hospital's acceptance letter before the medical visa, the
// direct-billing and claim authorisations before treatment, the whole arrangement within 40 working
// days while the hospital's acceptance and the visa are awaited, accompaniment in Japan, the records
// and bills at the end. Once the service has started, the insured's own failure (no documents, visa
// refused, not accepted by the hospital) counts as completed.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { APPLY_STEP_DESCRIPTION, t } from "../catalogue/text.js";
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
    "当被保险人罹患恶性肿瘤时，我司可为被保险人提供赴日本就医服务，包括根据被保险人的病情匹配适合的日本医院、病例翻译、赴日医疗签证的办理协助、日本当地陪诊、费用直付等综合服务，协助被保险人顺利至日本治疗，体验优质的医疗协助服务。",
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
      // JAPAN.条件.2 "…门诊病历、血液检测报告、CT报告、MRI报告或病理报告…": open-ended, the pathology report one option among
      // records and reports, so the outpatient record is the minimum, as for the other services.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  // 服务流程: name = the row's title, description = its starred remark. Row 11 has no remark, so its
  // name is made from its text and the text is the description.
  steps: [
    { order: 1, name: t("申请服务", "Apply"), description: APPLY_STEP_DESCRIPTION },
    {
      order: 2,
      name: t("确认被保险人身份、保障及服务内容", "Confirm the insured's identity, cover and services"),
      description: t("被保险人须提供姓名及身份证号码以确认保障及服务内容", "The insured must give name and ID number so that the cover and services can be confirmed."),
    },
    {
      order: 3,
      name: t(
        "我司特约服务商与被保险人确认病情，收集相关资料，确认保障范围",
        "Our contracted vendor confirms the condition with the insured, collects documents and confirms the cover",
      ),
      description: t("经我司审核，2个工作日内通知审核结果", "After our review, the result is notified within 2 working days."),
    },
    {
      order: 4,
      name: t("通知被保险人启动日本就医综合服务", "Tell the insured the Japan treatment service starts"),
      description: t(
        "服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务",
        "Within 1 working day of receiving our review result, the vendor tells the insured whether the Japan treatment service starts.",
      ),
    },
    {
      order: 5,
      name: t(
        "资料收集、病史翻译、日本医院沟通等行前沟通工作",
        "Pre-trip work: collecting records, translating the medical history, liaising with Japanese hospitals",
      ),
      description: t(
        "2个工作日内安排专员协助被保险人收集资料、翻译、与医院沟通等",
        "Within 2 working days a specialist is assigned to help the insured collect records, translate and liaise with the hospital.",
      ),
    },
    {
      order: 6,
      name: t(
        "资料翻译及医院沟通完毕，日本医院出具接收函，服务商协助办理医疗签证",
        "Translation and hospital liaison done, the Japanese hospital issues an acceptance letter and the vendor helps with the medical visa",
      ),
      description: t("须有日本医院接收函方可办理医疗签证", "The medical visa can only be applied for with the Japanese hospital's acceptance letter."),
    },
    {
      order: 7,
      name: t("医疗签证办理完毕，服务商协助安排赴日机票、住宿及行程", "Visa issued, the vendor helps book flights, lodging and the itinerary"),
      description: t("被保险人须自付赴日机票、住宿及行程等费用", "The insured pays the flights, lodging and itinerary."),
    },
    {
      order: 8,
      name: t(
        "服务商与日本医院联络，为被保险人启动住院费用直付和费用监控",
        "The vendor sets up direct billing and cost monitoring of inpatient costs with the Japanese hospital",
      ),
      description: t("被保险人须配合签署直付和理赔授权书", "The insured must sign the direct-billing and claim authorisations."),
    },
    {
      order: 9,
      name: t(
        "赴日行前工作安排完毕，被保险人前往日本，服务商安排当地陪诊人员",
        "Preparations done, the insured travels to Japan and the vendor assigns a local companion",
      ),
      description: t(
        "当地就医陪诊累计总时长不得超过40小时，陪诊仅限医疗相关环节",
        "Local accompaniment may not exceed 40 hours in total and covers medical steps only.",
      ),
    },
    {
      order: 10,
      name: t("被保险人抵达日本医院就诊", "The insured arrives at the Japanese hospital"),
      description: t(
        "当被保险人抵达日本后，与当地陪诊人员联络并约定陪诊时间",
        "On arrival in Japan the insured contacts the local companion and agrees the times of accompaniment.",
      ),
    },
    {
      order: 11,
      name: t("入院治疗", "Admission and treatment"),
      description: t(
        "根据医院安排，陪诊人员协调被保险人入院进行治疗",
        "As the hospital arranges, the companion coordinates the insured's admission for treatment.",
      ),
    },
    {
      order: 12,
      name: t(
        "治疗结束回国，服务商收集资料，完成理赔申请服务完成",
        "Treatment over, the insured returns; the vendor collects the documents and completes the claim; the service is complete",
      ),
      description: t(
        "日本医院邮寄完整医疗资料与账单至服务商",
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
      source: "经我司审核，2个工作日内通知审核结果",
      clause: "JAPAN.流程.3",
    },
    {
      milestone: "START_NOTICE",
      startsAt: "APPROVED",
      metBy: ["START_NOTICE"],
      startsWhen: t("服务商收到审核结果", "The vendor received the review result"),
      workingDays: 1,
      source: "服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务",
      clause: "JAPAN.流程.4",
    },
    {
      milestone: "SPECIALIST_ASSIGNED",
      startsAt: "START_NOTICE",
      metBy: ["SPECIALIST_ASSIGNED"],
      startsWhen: t("服务商通知被保险人启动日本就医综合服务", "The vendor told the insured the service starts"),
      workingDays: 2,
      source: "2个工作日内安排专员协助被保险人收集资料、翻译、与医院沟通等",
      clause: "JAPAN.流程.5",
    },
    {
      milestone: "ARRANGEMENT_COMPLETE",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["ARRANGED"],
      // 符合医院接收条件且医疗签证顺利签署: the days spent waiting for the hospital's acceptance and for the visa do not count.
      pausedWhile: [
        { reason: "AWAITING_HOSPITAL_ACCEPTANCE", from: "ACCEPTANCE_REQUESTED", until: ["HOSPITAL_ACCEPTED"] },
        { reason: "AWAITING_VISA", from: "HOSPITAL_ACCEPTED", until: ["VISA_ISSUED"] },
      ],
      startsWhen: t(
        "资料齐全（以符合医院接收条件且医疗签证顺利签署为前提）",
        "Documents complete (provided the hospital's admission conditions are met and the medical visa is granted)",
      ),
      workingDays: 40,
      source: "在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下，我司将在40个工作日内为被保险人完成赴日本的就医安排。",
      clause: "JAPAN.标准.3",
    },
  ],
  // 服务条件 2: 门诊病历、血液检测报告、CT报告、MRI报告或病理报告、入院通知书、出院小结; 服务流程 6: 须有日本医院接收函方可办理医疗签证.
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
      "为不影响被保险人使用，需要时请尽可能提早申请本服务，若被保险人未在保单有效期内申请本项服务，则本项服务到期终止。",
      "So as not to affect its use, apply as early as possible when needed; if the insured does not apply within the policy period, the service ends when the policy expires.",
    ),
    t(
      "若我司已为被保险人完成服务安排，但由于被保险人无法提交相应医疗资料、医疗签证无法办理、不符合医院接收条件等被保险人个人自身原因导致无法赴日就医，亦视为本项服务已完成。",
      "If we have arranged the service but the insured cannot go to Japan for reasons of their own, such as being unable to provide the medical documents, the medical visa not being obtainable or not meeting the hospital's admission conditions, the service counts as completed.",
    ),
    t(
      "本服务包含赴日相关病例翻译、日本医院选择、赴日医疗签证办理协助、日本当地陪诊（总时长40小时以内）、费用直付等服务。其它费用如赴日机票、日本医疗机构实际产生的医疗费用、赴日机票及当地交通餐饮住宿费用、赴日签证办理费用等，均不包含在本服务内。",
      "The service includes translation of the medical records, choice of a Japanese hospital, medical-visa assistance, local accompaniment in Japan (40 hours in total at most) and direct billing. Other costs, such as flights to Japan, the medical costs actually incurred at the Japanese institution, local transport, meals and lodging, and visa fees, are not included.",
    ),
    t("陪诊服务仅限医疗相关环节提供。", "Accompaniment is provided for medical steps only."),
    t(
      "未通过我司及我司服务商安排，被保险人自行购买的赴日就医服务，不属于承保范围，亦不予报销。",
      "Treatment in Japan the insured buys without arrangement by us or our vendor is not covered and is not reimbursed.",
    ),
    t(
      "本服务可由投保人代被保险人申请预约，但我司仅向购买本保险产品的被保险人提供本服务。",
      "The policyholder may apply on the insured's behalf, but we provide the service only to the insured of this product.",
    ),
  ],
};

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

const submission: SubmissionRules = {
  // JAPAN.流程.2: the insured's name and resident ID number are needed to apply.
  check: (facts) => ({ reasons: facts.insuredHasIdNumber ? [] : [{ code: "ID_NUMBER_REQUIRED", date: null, field: ["input", "policyNo"] }], warnings: [], missingInput: [] }),
};

export const japanCareService: HandbookService = { code: "JAPAN_CARE", catalogue, workflow, submission };
