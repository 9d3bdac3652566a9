// Handbook 2022 §MDT 多学科会诊: 服务介绍, 服务条件, 服务标准, 服务流程, 温馨提示.
import type { ServiceDefinition } from "../service-definition.js";
import { APPLY_STEP_DESCRIPTION, t } from "../text.js";

export const mdtService: ServiceDefinition = {
  code: "MDT",
  name: t("MDT 多学科会诊", "MDT multidisciplinary consultation"),
  description: t(
    "当被保险人罹患本保险产品条款保障范围内的重大疾病时，我司可根据被保险人的既往病史、检查报告等臻选北京、上海、广州、成都三甲医院，匹配三个或三个以上相关科室医学专家（具体专家数量以实际病情评估需求为准），为被保险人提供与专家面对面的多学科会诊诊疗意见，协助被保险人规划下一步的诊治方案。",
    "For a covered critical illness we choose, from the insured's history and reports, a grade-3A hospital in Beijing, Shanghai, Guangzhou or Chengdu and match experts of three or more departments, who give a face-to-face multidisciplinary opinion to plan the next treatment.",
  ),
  network: "HOSPITAL_LIST",
  benefits: [
    {
      code: "MDT_CONSULTATION",
      name: t("多学科会诊", "MDT consultation"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "CRITICAL_ILLNESS",
      // 服务条件 3: 入院通知书、门诊病历、血液检测报告、CT、MRI 或病理报告等 (包括但不限于): the record is the minimum.
      requiredDocuments: ["OUTPATIENT_RECORD"],
    },
  ],
  steps: [
    { order: 1, name: t("申请服务", "Apply"), description: APPLY_STEP_DESCRIPTION },
    {
      order: 2,
      name: t("资料提交，确认需求", "Submit documents and the request"),
      description: t(
        "提交相关病情资料及会诊需求（包括但不限于门诊病历、出院小结、血液检测报告、CT、MRI 报告或病理报告及就诊信息）",
        "Submit the medical records and the consultation request (outpatient record, discharge summary, blood tests, CT, MRI or pathology reports and visit details, among others).",
      ),
    },
    {
      order: 3,
      name: t("病情评估", "Case assessment"),
      description: t(
        "被保险人须根据专家要求配合提供和完善病历资料，以供专家做出多学科会诊意见。",
        "The insured completes the records as the experts ask, for the multidisciplinary opinion.",
      ),
    },
    {
      order: 4,
      name: t("准时参加会诊", "Attend the consultation"),
      description: t(
        "资料收集完整后由我司特约服务商协调确定诊疗地点及时间，10 个工作日内通知被保险人或家属准时出席 MDT 专家会诊",
        "Once the records are complete our vendor fixes place and time and, within 10 working days, tells the insured or family to attend the MDT consultation.",
      ),
    },
    {
      order: 5,
      name: t("出具会诊报告", "Consultation report"),
      description: t(
        "多科室专家会诊后 5-10 个工作日内，出具书面诊疗意见报告，服务完成",
        "Within 5–10 working days of the consultation a written opinion is issued; the service is complete.",
      ),
    },
  ],
  slas: [
    {
      milestone: "CONSULTATION_ARRANGED",
      starts: "DOCUMENTS_COMPLETE",
      startsWhen: t("收到服务申请及完整资料", "Application and complete documents received"),
      workingDays: 10,
      source: "我司收到服务申请及完整资料后，服务人员将在10 个工作日内安排线下 MDT 专家会诊",
    },
    {
      milestone: "REPORT_ISSUED",
      starts: "CONSULTATION_HELD",
      startsWhen: t("会诊结束", "The consultation took place"),
      workingDays: 5,
      upToWorkingDays: 10,
      source: "会诊后 5-10 个工作日内，出具书面诊疗意见报告。",
    },
  ],
  requiredDocuments: [
    "ADMISSION_NOTICE",
    "OUTPATIENT_RECORD",
    "BLOOD_TEST",
    "CT_REPORT",
    "MRI_REPORT",
    "PATHOLOGY_REPORT",
    "MDT_PROXY_AUTHORIZATION",
  ],
  notes: [
    t(
      "本服务由北京、上海、广州、成都的三甲医院医生专家团队提供和出具报告。若被保险人或家属无法亲自前往MDT多学科会诊现场，可选择由我司特约服务商的服务人员代为前往获取此服务。注意：①由服务商的服务人员代为前往现场，需被保险人或家属签署多学科会诊委托书；②疫情期间因各医院防控要求不同，暂不支持此代诊服务。",
      "Expert teams of grade-3A hospitals in Beijing, Shanghai, Guangzhou and Chengdu provide the service and the report. If the insured or family cannot attend, the vendor's staff may attend for them: (1) this needs the MDT proxy authorisation signed by the insured or family; (2) during the epidemic proxy attendance was suspended because hospitals' rules differed.",
    ),
    t(
      "若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止。",
      "A service not applied for within the policy period ends with the policy.",
    ),
    t(
      "如我司已为被保险人完成本服务安排，但被保险人未在预定时间参加，亦视为本项服务已完成，须计入有效服务次数。",
      "If the consultation was arranged but the insured did not attend at the set time, the service counts as completed and used.",
    ),
    t(
      "如被保险人或家属从外省市至北上广成都参加多学科会诊，须自理住宿及交通、餐饮等费用。",
      "Travel, lodging and meals to attend in Beijing, Shanghai, Guangzhou or Chengdu are at the insured's own cost.",
    ),
    t(
      "本项服务可由投保人代被保险人申请预约，但我司仅向（购买本保险产品的被保险人）提供本服务。",
      "The policyholder may apply on the insured's behalf, but only the insured of this product receives the service.",
    ),
  ],
};
