// Handbook 2022 §家庭医生: 服务介绍, 服务标准, 服务流程, 温馨提示.
// Its workflow, 服务流程: 1 访问路径, 2 开始咨询. Unlimited, 7×24, no review and no clock; a
// consultation is a case only so that its use is recorded.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { t } from "../catalogue/text.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { CANCELLED, legacy, NO_SHOW, openingStages, REJECTED } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "FAMILY_DOCTOR",
  name: t("家庭医生", "Online family doctor"),
  description: t(
    "7*24 小时在线的专属家庭医生团队为被保险人及家人提供图片、文字等无限次的专业解答，全方位守护被保险人和家人的健康。",
    "A dedicated family-doctor team, online 7×24, gives the insured and family unlimited professional answers by picture, text and other means, safeguarding their health in every respect.",
  ),
  network: "ONLINE",
  benefits: [
    {
      code: "FAMILY_DOCTOR",
      name: t("家庭医生咨询", "Family-doctor consultations"),
      quota: null,
      standard: true,
      requiredDiagnosis: "NONE", // no 服务条件: open to the insured and family (服务介绍)
      requiredDocuments: [],
    },
  ],
  steps: [
    {
      order: 1,
      name: t("访问路径", "Open the service"),
      description: t(
        "被保险人通过“安盛天平保险”微信公众号服务菜单进入“安盛健康在线”小程序，通过信息授权后，即可登录。",
        "The insured opens the “AXA Health Online” (安盛健康在线) mini-program from the service menu of the “AXA Tianping Insurance” WeChat official account and logs in after authorising their information.",
      ),
    },
    {
      order: 2,
      name: t("开始咨询", "Start a consultation"),
      description: t("点击家庭医生按钮，一键开始咨询。", "Tap the family-doctor button to start a consultation."),
    },
  ],
  // The section gives no working-day time limit (服务标准 is only 服务时间：7*24 小时) and asks for no documents.
  slas: [],
  requiredDocuments: [],
  notes: [
    t(
      "本服务中提供的相关健康医疗咨询建议及解答均属个人建议及经验，不能替代执业医师当面诊断，请谨慎参阅。",
      "The health and medical advice and answers given in this service are personal advice and experience; they cannot replace a face-to-face diagnosis by a licensed physician. Please refer to them with care.",
    ),
    t(
      "在特定的场景中，为了保障您的合法权益，您需要按照我们的提示，提供包括但不限于真实姓名和有效身份证件以便于我们进行实名认证。如果您不提供这些信息，可能会影响您对家庭医生部分核心业务功能的正常使用，如网络咨询、药品推荐等，但不会影响您进行基本的浏览、搜索。",
      "In certain situations, to protect your lawful rights, you must follow our prompts and provide information including but not limited to your real name and a valid ID for real-name verification. Without it, some core family-doctor functions such as online consultation and drug recommendations may not work normally, but basic browsing and search are not affected.",
    ),
    t(
      "您通过平台接受互联网诊疗服务时，需依照《互联网医院管理办法（试行）》等法律法规规定，对已在实体医疗机构明确诊断为某种或某几种常见病和慢性病的患者进行复诊咨询，对于以下情况互联网医院的医生有权拒绝咨询和开具处方：(1) 首诊患者；(2) 急危重症患者；(3) 婴幼儿、孕产妇等因疾病的特殊性，病情变化快、病史难采集的患者；(4) 无监护人和专业医师陪伴的低龄儿童患者（6岁以下）；(5) 其他超出平台互联网医院门诊范围的疾病患者；",
      "Internet medical services on the platform follow the Internet Hospital Administration Measures (Trial) and other laws and regulations: they are follow-up consultations for patients already clearly diagnosed in a physical medical institution with one or more common or chronic diseases. The internet hospital's doctors may decline to consult or prescribe for: (1) first-visit patients; (2) acute, critical or severe cases; (3) infants, pregnant and postpartum women and other patients whose condition changes fast or whose history is hard to take; (4) young children (under 6) without a guardian and a professional physician; (5) other conditions outside the scope of the platform's internet-hospital outpatient service.",
    ),
    t(
      "首诊患者应到线下实体医疗机构进行就诊。平台互联网医院门诊不开展治疗、检验、放射等线下医疗科目，建议您到线下实体医疗机构实施治疗。",
      "First-visit patients should go to a physical medical institution. The platform's internet-hospital outpatient service does not provide treatment, laboratory tests, radiology or other in-person services; please seek treatment at a physical medical institution.",
    ),
  ],
};

const consult = { clause: "FAMILY_DOCTOR.流程.2", source: "开始咨询 点击家庭医生按钮，一键开始咨询。" };

const workflow: Workflow = defineWorkflow({
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

// FAMILY_DOCTOR.介绍.1: for the insured and the insured's family.
export const familyDoctorService: HandbookService = { code: "FAMILY_DOCTOR", catalogue, workflow, submission: { familyMayApply: true } };
