// The handbook's own words a front end shows beside a service: its 服务条件 and 服务标准 as printed
// (GENE_TEST.条件.3 the sample kinds, SECOND_OPINION.标准.1 副主任及以上, GREEN_CHANNEL.标准.2.3 and
// SECOND_OPINION.提示.4 不可指定医生, the hours), FAMILY_DOCTOR.介绍.1 (为被保险人及家人: also Applicant
// FAMILY_MEMBER), and the notice at the front (GENERAL.说明.4.1, GENERAL.说明.4.3, GENERAL.说明.7). The words are
// looked up by clause id (src/rules/handbook/clauses.ts); a piece of a clause is cut by code, never typed.
import { clauseExcerpt, clauseText, stepRemark } from "../handbook/clauses.js";
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

/** The hours of a service open 7x24 (its 服务时间 clause from 7x24 to the bracket that closes them). */
const allHours = (zh: string) => t(zh, "7×24, public holidays and the Spring Festival included");
const IN_FORCE = t(clauseExcerpt("SECOND_OPINION.条件.1", undefined, "等待期后"), "Within the policy period and after the waiting period");
/** Name and policy number (服务条件 2), without the item's closing ；. */
const nameAndPolicy = (zh: string) => t(zh, "The insured gives the insured's name and the policy number so that the entitlement and services can be confirmed");
const HOURS_STANDARD_EN = "Service hours: 7×24, public holidays and the Spring Festival included";

export const SERVICE_TEXT: Record<ServiceCode, ServiceText> = {
  // FAMILY_DOCTOR.介绍.1: 为被保险人及家人; the service hours (7*24) as the handbook prints them.
  FAMILY_DOCTOR: {
    hours: t(clauseExcerpt("FAMILY_DOCTOR.标准.1", "7*24"), "7×24"),
    conditions: [t(clauseExcerpt("FAMILY_DOCTOR.介绍.1", "为被保险人", "专业解答"), "Unlimited answers by pictures and text, for the insured and the insured's family")],
    standards: [t(clauseText("FAMILY_DOCTOR.标准.1"), "Service hours: 7×24")],
  },
  GREEN_CHANNEL: {
    hours: allHours(clauseExcerpt("GREEN_CHANNEL.标准.1", "7x24", ")")),
    conditions: [
      t(clauseText("GREEN_CHANNEL.条件.1"), "Within the policy period and after the waiting period, when the insured first has a critical illness the policy covers, the insured may apply."),
      nameAndPolicy(clauseExcerpt("GREEN_CHANNEL.条件.2", undefined, "服务内容")),
      t(clauseText("GREEN_CHANNEL.条件.3"), "The insured submits medical records (including but not limited to the outpatient record, blood tests, CT, MRI or pathology reports) to apply."),
    ],
    standards: [
      t(clauseText("GREEN_CHANNEL.标准.1"), HOURS_STANDARD_EN),
      t(`${clauseText("GREEN_CHANNEL.标准.2.2")}${clauseExcerpt("GREEN_CHANNEL.标准.2.3", undefined, "）")}`, "The insured is seen at a grade-3A hospital of a covered city. A doctor cannot be named."),
      t(`${clauseText("GREEN_CHANNEL.标准.2.6")}${clauseText("GREEN_CHANNEL.标准.2.7")}`, "Time limits count from complete documents; incomplete documents delay the arrangement accordingly."),
      t(clauseExcerpt("GREEN_CHANNEL.标准.3", "覆盖中国"), "Grade-3A public hospitals in 31 provinces and municipalities of mainland China (see the network list)."),
    ],
  },
  INPATIENT_ADVANCE: {
    hours: allHours(clauseExcerpt("ADVANCE.标准.1", "7x24", ")")),
    conditions: [
      t(clauseText("ADVANCE.条件.1"), "Within the policy period and after the waiting period, when the insured first has a covered critical illness."),
      t(`${clauseText("ADVANCE.条件.2.1")}${clauseExcerpt("ADVANCE.条件.2.2", undefined, "）")}`, "Apply at least 5 working days before admission; not once admitted."),
      t(clauseText("ADVANCE.条件.3"), "The insured gives name and policy number to confirm the entitlement."),
      t(
        clauseText("ADVANCE.条件.4"),
        "Documents of this admission: outpatient record, CT, MRI or pathology reports, admission notice, deposit receipt, guarantee letter; with a cancer diagnosis the pathology report is required.",
      ),
    ],
    standards: [
      t(clauseText("ADVANCE.标准.1"), "Service hours: 7×24, public holidays and the Spring Festival included."),
      t(clauseText("ADVANCE.标准.2"), "The advance is arranged within 5 working days of complete documents."),
      t(clauseExcerpt("ADVANCE.介绍.1", "中国大陆", "公立医院"), "Grade-2 or higher public hospitals in mainland China"),
    ],
  },
  SECOND_OPINION: {
    hours: null,
    conditions: [IN_FORCE, t(clauseText("SECOND_OPINION.条件.2"), "When the insured first has a covered critical illness")],
    standards: [
      t(clauseText("SECOND_OPINION.标准.1"), "Doctors are associate chief physicians or more senior, at grade-3A hospitals nationwide."),
      t(clauseText("SECOND_OPINION.标准.2"), "With complete documents, the written opinion is issued within 10–15 working days."),
      t(clauseText("SECOND_OPINION.提示.4"), "A doctor cannot be named."),
    ],
  },
  MDT: {
    hours: allHours(clauseExcerpt("MDT.标准.1", "7x24", ")")),
    conditions: [
      t(clauseText("MDT.条件.1"), "Within the policy period and after the waiting period, when the insured first has a covered critical illness."),
      nameAndPolicy(clauseExcerpt("MDT.条件.2", undefined, "服务内容")),
      t(clauseText("MDT.条件.3"), "Relevant documents (including but not limited to the admission notice, outpatient record, blood tests, CT, MRI or pathology reports)."),
    ],
    standards: [
      t(clauseText("MDT.标准.1"), HOURS_STANDARD_EN),
      t(clauseExcerpt("MDT.标准.2", "我司收到"), "Consultation arranged within 10 working days of complete documents; written report 5–10 working days after it."),
      t(clauseExcerpt("MDT.介绍.1", "北京", "医学专家"), "Grade-3A hospitals in Beijing, Shanghai, Guangzhou and Chengdu; experts of three or more relevant departments"),
    ],
  },
  GENE_TEST: {
    hours: allHours(clauseExcerpt("GENE_TEST.标准.1", "7x24", ")")),
    conditions: [
      t(clauseText("GENE_TEST.条件.1"), "Within the policy period and after the waiting period, when the insured first has a covered malignant tumour."),
      t(clauseText("GENE_TEST.条件.2"), "Relevant documents (including but not limited to the admission notice, outpatient record, blood tests, CT, MRI or pathology reports)."),
      t(
        clauseText("GENE_TEST.条件.3"),
        "A sample meeting the test's requirements, which depend on the tumour: usually a pathology slide, peripheral blood, biopsy tissue or saliva, as the laboratory asks.",
      ),
    ],
    standards: [
      t(clauseText("GENE_TEST.标准.1"), "Applications: 7×24, public holidays and the Spring Festival included."),
      t(clauseExcerpt("GENE_TEST.标准.2", "实验室"), "Electronic and paper reports within 15 working days of the laboratory receiving the sample."),
    ],
  },
  JAPAN_CARE: {
    hours: allHours(clauseExcerpt("JAPAN.标准.1", "7x24", ")")),
    conditions: [
      t(clauseText("JAPAN.条件.1"), "Within the policy period and after the waiting period, an insured who first has a covered malignant tumour and wishes to be treated in Japan."),
      // The handbook never closes the bracket it opens; it is closed here.
      t(`${clauseText("JAPAN.条件.2")}）`, "Documents to assess the condition (including but not limited to the outpatient record, blood tests, CT, MRI or pathology reports, admission notice, discharge summary)."),
      t(stepRemark("JAPAN.流程.2"), "The insured's name and ID number confirm the cover."),
    ],
    standards: [
      t(clauseText("JAPAN.标准.1"), HOURS_STANDARD_EN),
      t(clauseText("JAPAN.标准.2"), "Hospitals: the network list of Japanese hospitals."),
      t(
        clauseExcerpt("JAPAN.标准.3", "在资料齐全"),
        "With complete documents, the hospital's acceptance and the medical visa granted, the arrangement is completed within 40 working days.",
      ),
    ],
  },
};

/** The notice at the front of the handbook. */
export const HANDBOOK_NOTICE = {
  edition: "卓越守护百万住院医疗保险 健康管理服务手册 2022 版",
  disclaimer: [
    t(clauseText("GENERAL.说明.4.1"), "This handbook describes the product's health-management services; it is not part of the insurance contract."),
    t(clauseText("GENERAL.说明.4.3"), "Services are improved as the market develops; the insurer reserves the right to interpret and change the handbook."),
    t(clauseExcerpt("GENERAL.说明.7", "被保险人"), "What the insured may use is what the policy actually lists."),
  ],
  networkCaveat: t(
    clauseText("GREEN_CHANNEL.网络.0"),
    "Coverage is updated continually; the insurer's official channels (website, official account, customer service) prevail.",
  ),
} as const;
