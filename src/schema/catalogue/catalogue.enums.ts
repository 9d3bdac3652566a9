import { BENEFIT_CODES, DOCUMENT_KINDS, SERVICE_CODES } from "../../rules/catalogue/codes.js";
import { enumFromCodes } from "../shared/enums.js";

export const ServiceCodeEnum = enumFromCodes(SERVICE_CODES, "ServiceCode", "The seven health-management services. 七项健康管理服务。", {
  FAMILY_DOCTOR: { description: "家庭医生 Online family doctor" },
  GREEN_CHANNEL: { description: "就医绿色通道 Hospital green channel" },
  INPATIENT_ADVANCE: { description: "住院垫付服务 Hospitalisation advance payment" },
  SECOND_OPINION: { description: "国内第二诊疗意见 Second medical opinion" },
  MDT: { description: "MDT 多学科会诊 Multidisciplinary consultation" },
  GENE_TEST: { description: "靶向药基因检测 Targeted-drug gene testing" },
  JAPAN_CARE: { description: "赴日就医协助 Treatment in Japan" },
});

export const BenefitCodeEnum = enumFromCodes(
  BENEFIT_CODES,
  "BenefitCode",
  "A benefit with its own quota; a service has one or more. 服务权益（各有次数）。",
);

export const DocumentKindEnum = enumFromCodes(DOCUMENT_KINDS, "DocumentKind", "Kinds of documents a case collects. 资料类型。", {
  OUTPATIENT_RECORD: { description: "门诊病历 Outpatient record" },
  BLOOD_TEST: { description: "血液检测报告 Blood test report" },
  CT_REPORT: { description: "CT 报告" },
  MRI_REPORT: { description: "MRI 报告" },
  PATHOLOGY_REPORT: { description: "病理报告 Pathology report" },
  ADMISSION_NOTICE: { description: "住院通知单 Admission notice" },
  SURGERY_NOTICE: { description: "手术通知单 Surgery notice" },
  DISCHARGE_SUMMARY: { description: "出院小结 Discharge summary" },
  DEPOSIT_RECEIPT: { description: "住院押金单 Deposit receipt" },
  ADVANCE_GUARANTEE_LETTER: { description: "住院垫付担保函 Advance guarantee letter" },
  ADVANCE_CONSENT: { description: "医疗垫付知情同意书 Advance-payment consent" },
  CLAIM_AUTHORIZATION: { description: "理赔授权书 Claim authorisation" },
  HOSPITAL_INVOICE: { description: "住院发票 Hospital invoice" },
  MDT_PROXY_AUTHORIZATION: { description: "多学科会诊委托书 MDT proxy authorisation" },
  GENE_SAMPLE: { description: "基因检测样本 Gene-test sample" },
  HOSPITAL_ACCEPTANCE_LETTER: { description: "日本医院接收函 Japanese hospital acceptance letter" },
  DIRECT_BILLING_AUTHORIZATION: { description: "直付授权书 Direct-billing authorisation (Japan, 服务流程 8: 直付和理赔授权书, with CLAIM_AUTHORIZATION)" },
  OTHER: { description: "其他 Other" },
});
