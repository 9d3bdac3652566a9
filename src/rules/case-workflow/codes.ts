// Case statuses, actions and quota effects (contract enums CaseStatus, CaseAction, QuotaEffect, Applicant).
export const CASE_STATUSES = [
  "SUBMITTED",
  "AWAITING_DOCUMENTS",
  "UNDER_REVIEW",
  "INVESTIGATING",
  "APPROVED",
  "SCHEDULED",
  "IN_PROGRESS",
  "COMPLETED",
  "REJECTED",
  "CANCELLED",
  "NO_SHOW",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSED_STATUSES: readonly CaseStatus[] = ["COMPLETED", "REJECTED", "CANCELLED", "NO_SHOW"];
export const isClosed = (status: CaseStatus): boolean => CLOSED_STATUSES.includes(status);

export const CASE_ACTIONS = [
  "START_REVIEW",
  "APPROVE",
  "REJECT",
  "REQUEST_INVESTIGATION",
  "SCHEDULE",
  "START",
  "COMPLETE",
  "RECORD_NO_SHOW",
  "CANCEL",
  "RECORD_ACCOMPANIMENT",
  // Actions named after the step of a service's own workflow (src/rules/case-workflow/workflows/).
  "REQUEST_LIABILITY_REVIEW",
  "RECORD_INVESTIGATION_RESULT",
  "RECORD_REFUSAL_TO_SIGN",
  "START_SAMPLE_COLLECTION",
  "NOTIFY_START",
  "ASSIGN_SPECIALIST",
  "REQUEST_HOSPITAL_ACCEPTANCE",
  "RECORD_HOSPITAL_ACCEPTANCE",
  "RECORD_VISA_ISSUED",
  "SET_UP_DIRECT_BILLING",
  "RECORD_ADMISSION",
  "RECORD_INSURED_FAILURE",
  "RECORD_NO_SAMPLE",
  "END_WITH_POLICY",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Every action the case event log records: the opening, documents, and the workflow's actions. */
export const LOGGED_CASE_ACTIONS = ["SUBMIT", "ADD_DOCUMENTS", "DOCUMENTS_COMPLETED", "ASSIGN_PARTNER", ...CASE_ACTIONS] as const;
export type LoggedCaseAction = (typeof LOGGED_CASE_ACTIONS)[number];

/**
 * Where a case stands in its service's workflow: the coarse statuses, and the finer stages some
 * services' 服务流程 name. Each workflow maps its stages to a status and a handbook step.
 */
export const CASE_STAGES = [
  ...CASE_STATUSES,
  "LIABILITY_REVIEW",
  "SAMPLE_COLLECTION",
  "SERVICE_STARTED",
  "SPECIALIST_ASSIGNED",
  "AWAITING_HOSPITAL_ACCEPTANCE",
  "AWAITING_VISA",
  "VISA_ISSUED",
  "DIRECT_BILLING_SET_UP",
  "ADMITTED",
  "REFUSED_TO_SIGN",
  "INSURED_FAILURE",
  "AWAITING_SAMPLE",
  "ENDED_WITH_POLICY",
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * The milestones a case records, each on the day it first happens: what starts, pauses and meets
 * the SLA clocks. DOCUMENTS_COMPLETE and CLOSED are the case's own columns; the rest come from
 * the workflow's actions.
 */
export const CASE_MILESTONES = [
  "DOCUMENTS_COMPLETE",
  "REVIEW_STARTED",
  "LIABILITY_REVIEW_REQUESTED",
  "INVESTIGATION_REQUESTED",
  "INVESTIGATION_RESULT",
  "REVIEW_RESULT",
  "APPROVED",
  "START_NOTICE",
  "SPECIALIST_ASSIGNED",
  "ACCEPTANCE_REQUESTED",
  "HOSPITAL_ACCEPTED",
  "VISA_ISSUED",
  "DIRECT_BILLING_SET_UP",
  "SAMPLE_COLLECTION_STARTED",
  "ARRANGED",
  "STARTED",
  "ADMITTED",
  "COMPLETED",
  "CLOSED",
] as const;
export type CaseMilestone = (typeof CASE_MILESTONES)[number];
/** The milestones the workflow's actions record (the others are the case's own columns). */
export type RecordedMilestone = Exclude<CaseMilestone, "DOCUMENTS_COMPLETE" | "CLOSED">;

export const QUOTA_EFFECTS = ["NONE", "RESERVED", "CONSUMED", "RELEASED"] as const;
export type QuotaEffect = (typeof QUOTA_EFFECTS)[number];

/** GREEN_CHANNEL.提示.4 and the same note of every service: the policyholder may apply for the insured. */
/** FAMILY_MEMBER: the family doctor serves 被保险人及家人 (FAMILY_DOCTOR.介绍.1); every other service only the insured. */
export const APPLICANTS = ["INSURED", "POLICYHOLDER", "FAMILY_MEMBER"] as const;
export type Applicant = (typeof APPLICANTS)[number];

/** JAPAN.流程.9 — handbook 赴日就医 服务流程 9 / 温馨提示 3: accompaniment at most 40 hours in total. */
export const MAX_ACCOMPANIMENT_HOURS = 40;
