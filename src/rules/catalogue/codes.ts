// The code lists of the public contract (contract.graphql). One `as const` list each, so a
// Record keyed by a code type fails to compile when a code has no entry.

export const SERVICE_CODES = [
  "FAMILY_DOCTOR",
  "GREEN_CHANNEL",
  "INPATIENT_ADVANCE",
  "SECOND_OPINION",
  "MDT",
  "GENE_TEST",
  "JAPAN_CARE",
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const BENEFIT_CODES = [
  "FAMILY_DOCTOR",
  "GREEN_CHANNEL_OUTPATIENT",
  "GREEN_CHANNEL_INPATIENT_OR_SURGERY",
  "INPATIENT_ADVANCE_PAYMENT",
  "SECOND_OPINION",
  "MDT_CONSULTATION",
  "GENE_TEST",
  "JAPAN_TREATMENT",
] as const;
export type BenefitCode = (typeof BENEFIT_CODES)[number];

export const DOCUMENT_KINDS = [
  "OUTPATIENT_RECORD",
  "BLOOD_TEST",
  "CT_REPORT",
  "MRI_REPORT",
  "PATHOLOGY_REPORT",
  "ADMISSION_NOTICE",
  "SURGERY_NOTICE",
  "DISCHARGE_SUMMARY",
  "DEPOSIT_RECEIPT",
  "ADVANCE_GUARANTEE_LETTER",
  "ADVANCE_CONSENT",
  "CLAIM_AUTHORIZATION",
  "HOSPITAL_INVOICE",
  "MDT_PROXY_AUTHORIZATION",
  "GENE_SAMPLE",
  "HOSPITAL_ACCEPTANCE_LETTER",
  "DIRECT_BILLING_AUTHORIZATION",
  "OTHER",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
