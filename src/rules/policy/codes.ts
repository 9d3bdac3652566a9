// Code lists for policies and diagnoses (contract enums PolicyStatus, DiagnosisCategory, Applicant).
export const POLICY_STATUSES = ["ACTIVE", "LAPSED", "CANCELLED", "EXPIRED"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** MALIGNANT_TUMOR is itself a covered critical illness (保障范围内的重大疾病 includes 恶性肿瘤). */
export const DIAGNOSIS_CATEGORIES = ["CRITICAL_ILLNESS", "MALIGNANT_TUMOR"] as const;
export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];
