// Handbook 2022 §靶向药基因检测: 服务内容, 服务条件, 服务标准, 服务流程, 温馨提示.
import type { ServiceDefinition } from "../service-definition.js";
import { APPLY_STEP_DESCRIPTION, t } from "../text.js";

export const geneTestService: ServiceDefinition = {
  code: "GENE_TEST",
  name: t("靶向药基因检测", "Targeted-drug gene testing"),
  description: t(
    "当被保险人罹患本保单保障范围内的恶性肿瘤时，我司可根据病情推荐优质专业的第三方检测机构，提供靶向药物基因检测服务，协助匹配肿瘤治疗的靶向药物，评估药物疗效或耐药情况，从而指导科学的治疗方案。",
    "For a covered malignant tumour we recommend a qualified third-party laboratory for targeted-drug gene testing, to match targeted drugs, assess efficacy or resistance and guide treatment.",
  ),
  network: "CITY_LIST",
  benefits: [
    {
      code: "GENE_TEST",
      name: t("基因检测", "Gene test"),
      quota: 1,
      standard: true,
      requiredDiagnosis: "MALIGNANT_TUMOR",
      // 服务条件 2 lists 病理报告 among others; a tumour diagnosis rests on pathology, so it is required with the record.
      requiredDocuments: ["OUTPATIENT_RECORD", "PATHOLOGY_REPORT"],
    },
  ],
  steps: [
    { order: 1, name: t("申请服务", "Apply"), description: APPLY_STEP_DESCRIPTION },
    {
      order: 2,
      name: t("确认保单权益", "Confirm the entitlement"),
      description: t("我司服务人员确认被保险人的保单身份、保障及服务内容", "Our staff confirm the insured's policy, cover and services."),
    },
    {
      order: 3,
      name: t("资料提供、确认需求", "Documents and test choice"),
      description: t("我司服务人员协助被保险人提供病历资料，确认病情及检测项目", "Our staff help provide the records and confirm the condition and the test."),
    },
    {
      order: 4,
      name: t("提供基因检测样本", "Provide the sample"),
      description: t(
        "依据检测项目不同，服务人员指导被保人提供组织切片、血液等检测样本",
        "Depending on the test, staff guide the insured to provide a tissue slide, blood or another sample.",
      ),
    },
    {
      order: 5,
      name: t("样本送检", "Send the sample"),
      description: t("采集样本送至指定实验室", "The sample goes to the designated laboratory."),
    },
    {
      order: 6,
      name: t("出具检测报告", "Test report"),
      description: t(
        "实验室收到样本后15个工作日内，出具电子版及纸质版报告",
        "Within 15 working days of receiving the sample the laboratory issues electronic and paper reports.",
      ),
    },
  ],
  slas: [
    {
      milestone: "LAB_REPORT",
      starts: "SAMPLE_RECEIVED",
      startsWhen: t("实验室收到样本", "The laboratory received the sample"),
      workingDays: 15,
      source: "实验室收到样本后15个工作日内，出具电子版及纸质版报告。",
    },
  ],
  requiredDocuments: ["ADMISSION_NOTICE", "OUTPATIENT_RECORD", "BLOOD_TEST", "CT_REPORT", "MRI_REPORT", "PATHOLOGY_REPORT", "GENE_SAMPLE"],
  notes: [
    t(
      "若被保险人未在保单有效期内申请本服务或无法提供检测样本，则本服务随保单有效期到期终止。",
      "If not applied for within the policy period, or if no sample can be provided, the service ends with the policy.",
    ),
    t("对于被保险人自行购买的基因检测产品等，不在承保范围，亦不予报销。", "Gene tests the insured buys on their own are not covered or reimbursed."),
    t(
      "本服务可由投保人代被保险人申请预约，但我司仅向购买本保险产品的被保险人提供本服务。",
      "The policyholder may apply on the insured's behalf, but only the insured of this product receives the service.",
    ),
    t("本服务自启动样本采集开始，不可取消。", "Once sample collection has started the service cannot be cancelled."),
  ],
};
