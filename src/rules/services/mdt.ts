// Handbook 2022 §MDT 多学科会诊: 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
// Clauses: MDT.介绍.2 (quota), MDT.条件.3 (documents), MDT.标准.2, MDT.流程.4, MDT.流程.5 (SLA).
// Its workflow, 多学科会诊 服务流程 1–5 and 温馨提示 1, 3: assessment, the consultation arranged
// within 10 working days of complete documents, attended in person or by the vendor's staff with a
// signed 多学科会诊委托书, the written report 5–10 working days after it. A no-show once arranged
// counts as used.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { applyStep, t } from "../catalogue/text.js";
import { clauseExcerpt, clauseQuote, clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { approve, CANCELLED, NO_SHOW, openingStages, reject, REJECTED, startReview } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "MDT",
  name: t("MDT 多学科会诊", "MDT multidisciplinary consultation"),
  description: t(
    clauseText("MDT.介绍.1"),
    "When the insured has a critical illness covered by this insurance, we select, from the insured's medical history and test reports, a grade-3A hospital in Beijing, Shanghai, Guangzhou or Chengdu and match medical experts of three or more relevant departments (the number of experts depends on the assessment of the case), who give the insured a face-to-face multidisciplinary opinion to help plan the next steps of diagnosis and treatment.",
  ),
  network: "HOSPITAL_LIST",
  // MDT.提示.1.1: 北京, 上海 (municipalities) and 广州, 成都 (prefectures); MDT.提示.4: travelling there is the insured's cost.
  heldIn: {
    cityCodes: ["110000", "310000", "440100", "510100"],
    travel: t(`从外省市前往${clauseExcerpt("MDT.提示.4", "须自理", "费用")}`, "travelling there from elsewhere, the insured pays lodging, transport and meals"),
  },
  benefits: [
    {
      code: "MDT_CONSULTATION",
      name: t("多学科会诊", "MDT consultation"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // MDT.条件.3 lists the documents "including but not limited to": open-ended, and a consultation does not need an
      // admission, so the outpatient record is the minimum.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  steps: [
    { order: 1, name: t(stepTitle("MDT.流程.1"), "Apply"), description: applyStep(stepRemark("MDT.流程.1")) },
    {
      order: 2,
      name: t(stepTitle("MDT.流程.2"), "Submit documents and the request"),
      description: t(
        stepRemark("MDT.流程.2"),
        "Submit the medical records and the consultation request (including but not limited to the outpatient record, discharge summary, blood test, CT, MRI or pathology reports and visit details).",
      ),
    },
    {
      order: 3,
      name: t(stepTitle("MDT.流程.3"), "Case assessment"),
      description: t(
        stepRemark("MDT.流程.3"),
        "The insured must provide and complete the medical records as the experts ask, for the multidisciplinary opinion.",
      ),
    },
    {
      order: 4,
      name: t(stepTitle("MDT.流程.4"), "Attend the consultation"),
      description: t(
        stepRemark("MDT.流程.4"),
        "Once the records are complete, our contracted vendor fixes the place and time and, within 10 working days, notifies the insured or family to attend the MDT expert consultation on time.",
      ),
    },
    {
      order: 5,
      name: t(stepTitle("MDT.流程.5"), "Consultation report"),
      description: t(
        stepRemark("MDT.流程.5"),
        "Within 5–10 working days of the multidisciplinary consultation a written opinion report is issued; the service is complete.",
      ),
    },
  ],
  slas: [
    {
      milestone: "CONSULTATION_ARRANGED",
      startsAt: "DOCUMENTS_COMPLETE",
      metBy: ["ARRANGED"],
      startsWhen: t("收到服务申请及完整资料", "Application and complete documents received"),
      workingDays: 10,
      source: clauseExcerpt("MDT.标准.2", "我司收到", "专家会诊"),
      clause: "MDT.标准.2, MDT.流程.4",
    },
    {
      milestone: "REPORT_ISSUED",
      startsAt: "STARTED",
      metBy: ["COMPLETED"],
      startsWhen: t("多科室专家会诊结束", "The multidisciplinary consultation took place"),
      workingDays: 5,
      upToWorkingDays: 10,
      source: clauseExcerpt("MDT.标准.2", "会诊后"),
      clause: "MDT.标准.2, MDT.流程.5",
    },
  ],
  // MDT.条件.3: the documents it names; 服务流程 2 adds 出院小结; MDT.提示.1.3: 多学科会诊委托书, only when the
  // vendor's staff attend in the insured's place.
  requiredDocuments: [
    "ADMISSION_NOTICE",
    "OUTPATIENT_RECORD",
    "DISCHARGE_SUMMARY",
    "BLOOD_TEST",
    "CT_REPORT",
    "MRI_REPORT",
    "PATHOLOGY_REPORT",
    "MDT_PROXY_AUTHORIZATION",
  ],
  // MDT.提示.1.2 opens a "（" it never closes; it is dropped. The stray note 6 after the network table repeats
  // note 5 and is not repeated here.
  notes: [
    t(
      clauseText("MDT.提示.1", { omit: ["（"] }),
      "Expert teams of grade-3A hospitals in Beijing, Shanghai, Guangzhou and Chengdu provide the service and issue the report. If the insured or family cannot attend the MDT consultation in person, the staff of our contracted vendor may attend in their place. Note: (1) attendance by the vendor's staff requires the MDT proxy authorisation (多学科会诊委托书) signed by the insured or family; (2) during the epidemic, as hospitals' control rules differ, proxy attendance is temporarily not supported.",
    ),
    t(
      clauseText("MDT.提示.2"),
      "If the insured does not apply within the policy period, the service ends when the policy expires.",
    ),
    t(
      clauseText("MDT.提示.3"),
      "If we have arranged the service but the insured does not attend at the set time, the service counts as completed and is counted against the quota.",
    ),
    t(
      clauseText("MDT.提示.4"),
      "If the insured or family travel from another province or city to Beijing, Shanghai, Guangzhou or Chengdu for the consultation, they pay their own lodging, transport, meals and other costs.",
    ),
    t(
      clauseText("MDT.提示.5"),
      "The policyholder may apply on the insured's behalf, but we provide the service only to the insured of this product.",
    ),
  ],
};

const assess = { clause: "MDT.流程.3" };
const attend = { clause: "MDT.流程.4" };
const proxy = { clause: "MDT.提示.1.2, MDT.提示.1.3, MDT.提示.1.4" };
const panel = { clause: "MDT.介绍.1" };
const report = { clause: "MDT.流程.5" };
const noShow = { clause: "MDT.提示.3" };

const workflow: Workflow = defineWorkflow({
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
      sentence: clauseQuote("MDT.提示.3", undefined, "已完成"),
      reading: "The sentence names only not attending (未在预定时间参加): a no-show or an attendance is recorded on the appointment day (scheduledFor) or later; a cancellation before that day gives the use back, one on or after it is not attending and counts as used, as does one after the consultation was held. Otherwise the use is counted when the report is issued.",
    },
    {
      clause: "MDT.提示.1.4",
      sentence: clauseQuote("MDT.提示.1.4", "疫情期间"),
      reading: "An operator suspends attendance by proxy for a period (suspendServiceFeature MDT_PROXY_ATTENDANCE); a START byProxy on a day inside it is refused (PROXY_ATTENDANCE_SUSPENDED), attending in person is not.",
    },
    {
      clause: "MDT.介绍.1",
      sentence: clauseQuote("MDT.介绍.1", "匹配三个", "为准）"),
      reading: "SCHEDULE records the panel's departments (departments: three or more distinct names); the number of experts is left to the assessment.",
    },
  ],
});

export const mdtService: HandbookService = { code: "MDT", catalogue, workflow, caseDetails: ["MDT_PANEL"] };
