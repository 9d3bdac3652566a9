// Handbook 2022 §家庭医生: 服务介绍, 服务标准, 服务流程, 温馨提示.
import type { ServiceDefinition } from "../service-definition.js";
import { t } from "../text.js";

export const familyDoctorService: ServiceDefinition = {
  code: "FAMILY_DOCTOR",
  name: t("家庭医生", "Online family doctor"),
  description: t(
    "7*24 小时在线的专属家庭医生团队为被保险人及家人提供图片、文字等无限次的专业解答，全方位守护被保险人和家人的健康。",
    "A dedicated family-doctor team online 7×24 answers the insured and family by picture and text, without limit.",
  ),
  network: "ONLINE",
  benefits: [
    {
      code: "FAMILY_DOCTOR",
      name: t("家庭医生咨询", "Family-doctor consultations"),
      quota: null,
      standard: true,
      requiredDiagnosis: "NONE",
      requiredDocuments: [],
    },
  ],
  steps: [
    {
      order: 1,
      name: t("访问路径", "Open the service"),
      description: t(
        "被保险人通过“安盛天平保险”微信公众号服务菜单进入“安盛健康在线”小程序，通过信息授权后，即可登录。",
        "From the service menu of the AXA Tianping WeChat account, open the “AXA Health Online” mini-program and log in after authorising.",
      ),
    },
    {
      order: 2,
      name: t("开始咨询", "Start a consultation"),
      description: t("点击家庭医生按钮，一键开始咨询。", "Tap the family-doctor button to start a consultation."),
    },
  ],
  slas: [],
  requiredDocuments: [],
  notes: [
    t(
      "本服务中提供的相关健康医疗咨询建议及解答均属个人建议及经验，不能替代执业医师当面诊断，请谨慎参阅。",
      "Advice given here is personal opinion and experience; it does not replace a face-to-face diagnosis by a licensed physician.",
    ),
    t(
      "在特定的场景中，为了保障您的合法权益，您需要按照我们的提示，提供包括但不限于真实姓名和有效身份证件以便于我们进行实名认证。如果您不提供这些信息，可能会影响您对家庭医生部分核心业务功能的正常使用，如网络咨询、药品推荐等，但不会影响您进行基本的浏览、搜索。",
      "In some situations you must give your real name and a valid ID for real-name verification; without them some core functions (online consultation, drug recommendations) may be unavailable, but browsing and search are not affected.",
    ),
    t(
      "您通过平台接受互联网诊疗服务时，需依照《互联网医院管理办法（试行）》等法律法规规定，对已在实体医疗机构明确诊断为某种或某几种常见病和慢性病的患者进行复诊咨询，对于以下情况互联网医院的医生有权拒绝咨询和开具处方：(1) 首诊患者；(2) 急危重症患者；(3) 婴幼儿、孕产妇等因疾病的特殊性，病情变化快、病史难采集的患者；(4) 无监护人和专业医师陪伴的低龄儿童患者（6岁以下）；(5) 其他超出平台互联网医院门诊范围的疾病患者。",
      "Under the Internet Hospital Administration Measures, online care is follow-up care for common and chronic conditions already diagnosed in a physical institution; the doctors may decline to consult or prescribe for (1) first visits, (2) acute or critical cases, (3) infants, pregnant women and others whose condition changes fast, (4) children under 6 without a guardian and a physician, (5) conditions outside the platform's outpatient scope.",
    ),
    t(
      "首诊患者应到线下实体医疗机构进行就诊。平台互联网医院门诊不开展治疗、检验、放射等线下医疗科目，建议您到线下实体医疗机构实施治疗。",
      "First visits belong in a physical medical institution; the online outpatient service does no treatment, laboratory or imaging work.",
    ),
  ],
};
