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
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Every action the case event log records: the opening, documents, and the workflow's actions. */
export const LOGGED_CASE_ACTIONS = ["SUBMIT", "ADD_DOCUMENTS", "DOCUMENTS_COMPLETED", ...CASE_ACTIONS] as const;
export type LoggedCaseAction = (typeof LOGGED_CASE_ACTIONS)[number];

export const QUOTA_EFFECTS = ["NONE", "RESERVED", "CONSUMED", "RELEASED"] as const;
export type QuotaEffect = (typeof QUOTA_EFFECTS)[number];

/** GREEN_CHANNEL.提示.4 and the same note of every service: the policyholder may apply for the insured. */
export const APPLICANTS = ["INSURED", "POLICYHOLDER"] as const;
export type Applicant = (typeof APPLICANTS)[number];

/** JAPAN.流程.9 — handbook 赴日就医 服务流程 9 / 温馨提示 3: accompaniment at most 40 hours in total. */
export const MAX_ACCOMPANIMENT_HOURS = 40;
