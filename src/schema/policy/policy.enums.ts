import { DIAGNOSIS_CATEGORIES, POLICY_STATUSES } from "../../rules/policy/codes.js";
import { enumFromCodes } from "../shared/enums.js";

export const PolicyStatusEnum = enumFromCodes(POLICY_STATUSES, "PolicyStatus", "保单状态 Policy status.", {
  ACTIVE: { description: "有效 In force (within its dates)." },
  LAPSED: { description: "失效 Lapsed (premium unpaid)." },
  CANCELLED: { description: "退保/撤销 Cancelled." },
  EXPIRED: { description: "满期 Expired." },
});

export const DiagnosisCategoryEnum = enumFromCodes(DIAGNOSIS_CATEGORIES, "DiagnosisCategory", "诊断类别 Diagnosis category.", {
  CRITICAL_ILLNESS: { description: "保障范围内的重大疾病 A covered critical illness." },
  MALIGNANT_TUMOR: { description: "保障范围内的恶性肿瘤 A covered malignant tumour (itself a critical illness)." },
});
