// The handbook's own words a front end shows beside a service: its 服务条件 and 服务标准 as printed
// (GENE_TEST.条件.3 the sample kinds, SECOND_OPINION.标准.1 副主任及以上, GREEN_CHANNEL.标准.2.3 and
// SECOND_OPINION.提示.4 不可指定医生, the hours), FAMILY_DOCTOR.介绍.1 (为被保险人及家人: also Applicant
// FAMILY_MEMBER), and the notice at the front (GENERAL.说明.4.1, GENERAL.说明.4.3, GENERAL.说明.7).
import type { LocalizedText } from "../shared/localized-text.js";
import type { ServiceCode } from "./codes.js";
import { t } from "./text.js";

export interface ServiceText {
  /** 服务时间 (null where the handbook gives none). */
  readonly hours: LocalizedText | null;
  /** 服务条件, item by item. */
  readonly conditions: readonly LocalizedText[];
  /** 服务标准, item by item. */
  readonly standards: readonly LocalizedText[];
}

const ALL_HOURS = t("7x24小时(含公共节假日、春节)", "7×24, public holidays and the Spring Festival included");
const IN_FORCE = t("保单有效期内且等待期后", "Within the policy period and after the waiting period");
const NAME_AND_POLICY = t("被保险人需要提供被保险人姓名及保单号等以确认权益及服务内容", "The insured gives the insured's name and the policy number so that the entitlement and services can be confirmed");

export const SERVICE_TEXT: Record<ServiceCode, ServiceText> = {
  // FAMILY_DOCTOR.介绍.1: 为被保险人及家人; the service hours (7*24) as the handbook prints them.
  FAMILY_DOCTOR: {
    hours: t("7*24 小时", "7×24"),
    conditions: [t("为被保险人及家人提供图片、文字等无限次的专业解答", "Unlimited answers by pictures and text, for the insured and the insured's family")],
    standards: [t("服务时间：7*24 小时", "Service hours: 7×24")],
  },
  GREEN_CHANNEL: {
    hours: ALL_HOURS,
    conditions: [
      t("保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的重大疾病时，可向我司申请本服务；", "Within the policy period and after the waiting period, when the insured first has a critical illness the policy covers, the insured may apply."),
      NAME_AND_POLICY,
      t("被保险人需要递交医疗资料（包括但不限于门诊病历、血液检测报告、CT 报告、MRI 报告或病理报告等）以申请服务。", "The insured submits medical records (including but not limited to the outpatient record, blood tests, CT, MRI or pathology reports) to apply."),
    ],
    standards: [
      t("服务时间：7x24小时(含公共节假日、春节)", "Service hours: 7×24, public holidays and the Spring Festival included"),
      t("被保险人可在本服务覆盖城市的三级甲等医院安排就医。（本服务不可指定医生）", "The insured is seen at a grade-3A hospital of a covered city. A doctor cannot be named."),
      t("服务时效自收到被保险人提供的完整资料开始计算。如因资料提交不全导致服务启动时间延迟，则服务安排时间顺延。", "Time limits count from complete documents; incomplete documents delay the arrangement accordingly."),
      t("覆盖中国大陆境内31个省/直辖市（详见《服务覆盖网络》列表）的三级甲等公立医院。", "Grade-3A public hospitals in 31 provinces and municipalities of mainland China (see the network list)."),
    ],
  },
  INPATIENT_ADVANCE: {
    hours: ALL_HOURS,
    conditions: [
      t("保单有效期内且等待期后，当被保险人初次罹患本保险产品条款保障范围内的重大疾病时，可申请本服务；", "Within the policy period and after the waiting period, when the insured first has a covered critical illness."),
      t("被保险人须在入院前5个工作日预约本服务。（如被保险人已住院，则不能申请住院垫付服务）", "Apply at least 5 working days before admission; not once admitted."),
      t("被保险人需要提供姓名及保单号以确认权益及服务内容；", "The insured gives name and policy number to confirm the entitlement."),
      t("申请服务时被保险人须配合提供包括但不限于本次住院相关的门诊病历、检查报告如CT、MRI、病理报告、住院通知单、住院押金单、住院垫付担保函等，注意：如被保人确诊癌症，则病理报告为必须递交的资料；", "Documents of this admission: outpatient record, CT, MRI or pathology reports, admission notice, deposit receipt, guarantee letter; with a cancer diagnosis the pathology report is required."),
    ],
    standards: [
      t("服务时间：7x24小时(含公共节假日、春节)。", "Service hours: 7×24, public holidays and the Spring Festival included."),
      t("服务时效：收到被保险人的申请及住院相关资料齐全后5个工作日内安排垫付。", "The advance is arranged within 5 working days of complete documents."),
      t("中国大陆境内二级及以上公立医院", "Grade-2 or higher public hospitals in mainland China"),
    ],
  },
  SECOND_OPINION: {
    hours: null,
    conditions: [IN_FORCE, t("当被保险人初次罹患本保险产品条款保障范围内的重大疾病时", "When the insured first has a covered critical illness")],
    standards: [
      t("提供本服务的医生资源覆盖全国三级甲等医院副主任及以上级别；", "Doctors are associate chief physicians or more senior, at grade-3A hospitals nationwide."),
      t("资料齐全的情况下，10-15个工作日内，出具书面意见报告。", "With complete documents, the written opinion is issued within 10–15 working days."),
      t("此服务不可指定医生。", "A doctor cannot be named."),
    ],
  },
  MDT: {
    hours: ALL_HOURS,
    conditions: [
      t("保单有效期内且等待期后，被保险人初次罹患本保险产品条款保障范围内的重大疾病，可申请本服务；", "Within the policy period and after the waiting period, when the insured first has a covered critical illness."),
      NAME_AND_POLICY,
      t("被保险人须提交相关资料（包括但不限于入院通知书、门诊病历、血液检测报告、CT 报告、MRI 报告或病理报告等）以申请服务。", "Relevant documents (including but not limited to the admission notice, outpatient record, blood tests, CT, MRI or pathology reports)."),
    ],
    standards: [
      t("服务时间：7x24小时(含公共节假日、春节)", "Service hours: 7×24, public holidays and the Spring Festival included"),
      t("我司收到服务申请及完整资料后，服务人员将在10 个工作日内安排线下 MDT 专家会诊，会诊后 5-10 个工作日内，出具书面诊疗意见报告。", "Consultation arranged within 10 working days of complete documents; written report 5–10 working days after it."),
      t("北京、上海、广州、成都三甲医院，匹配三个或三个以上相关科室医学专家", "Grade-3A hospitals in Beijing, Shanghai, Guangzhou and Chengdu; experts of three or more relevant departments"),
    ],
  },
  GENE_TEST: {
    hours: ALL_HOURS,
    conditions: [
      t("保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时可向我司申请本服务。", "Within the policy period and after the waiting period, when the insured first has a covered malignant tumour."),
      t("被保险人需要提交相关资料（包括但不限于入院通知书、门诊病历、血液检测报告、CT报告、MRI报告或病理报告等）。", "Relevant documents (including but not limited to the admission notice, outpatient record, blood tests, CT, MRI or pathology reports)."),
      t(
        "根据所检测的恶性肿瘤类型不同，被保险人须配合检测服务方提供符合基因检测要求的样本，样本根据不同疾病有所不同，一般为病理切片、外周血、活检组织或唾液，以检测服务方要求为准。",
        "A sample meeting the test's requirements, which depend on the tumour: usually a pathology slide, peripheral blood, biopsy tissue or saliva, as the laboratory asks.",
      ),
    ],
    standards: [
      t("服务申请时间：7x24小时(含公共节假日、春节)。", "Applications: 7×24, public holidays and the Spring Festival included."),
      t("实验室收到样本后15个工作日内，出具电子版及纸质版报告。", "Electronic and paper reports within 15 working days of the laboratory receiving the sample."),
    ],
  },
  JAPAN_CARE: {
    hours: ALL_HOURS,
    conditions: [
      t("保单有效期内且等待期后，若被保险人因初次罹患本产品条款保障范围内的恶性肿瘤，且有意愿需要赴日本医疗机构进行治疗的，可申请日本就医综合服务。", "Within the policy period and after the waiting period, an insured who first has a covered malignant tumour and wishes to be treated in Japan."),
      t("被保险人需要提交相关资料以判断病情（包括但不限于门诊病历、血液检测报告、CT报告、MRI报告或病理报告、入院通知书、出院小结等。）", "Documents to assess the condition (including but not limited to the outpatient record, blood tests, CT, MRI or pathology reports, admission notice, discharge summary)."),
      t("被保险人须提供姓名及身份证号码以确认保障及服务内容", "The insured's name and ID number confirm the cover."),
    ],
    standards: [
      t("服务时间：7x24小时(含公共节假日、春节)", "Service hours: 7×24, public holidays and the Spring Festival included"),
      t("服务医院范围：详见赴日医疗服务网络医院列表。", "Hospitals: the network list of Japanese hospitals."),
      t(
        "在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下，我司将在40个工作日内为被保险人完成赴日本的就医安排。",
        "With complete documents, the hospital's acceptance and the medical visa granted, the arrangement is completed within 40 working days.",
      ),
    ],
  },
};

/** The notice at the front of the handbook. */
export const HANDBOOK_NOTICE = {
  edition: "卓越守护百万住院医疗保险 健康管理服务手册 2022 版",
  disclaimer: [
    t("本手册仅供了解本产品的健康管理服务使用，不构成保险合同的一部分。", "This handbook describes the product's health-management services; it is not part of the insurance contract."),
    t("我们将结合健康医疗服务市场发展情况动态优化服务，并保留对本服务手册的细则解释、内容变更的权利。", "Services are improved as the market develops; the insurer reserves the right to interpret and change the handbook."),
    t("被保险人可享有的具体服务内容请以保险单实际载明的保障责任为准。", "What the insured may use is what the policy actually lists."),
  ],
  networkCaveat: t(
    "覆盖范围持续更新，我司保留修订权利，具体以我司官方正式渠道（包括但不限于官网、官微、官方客服）的通知为准",
    "Coverage is updated continually; the insurer's official channels (website, official account, customer service) prevail.",
  ),
} as const;
