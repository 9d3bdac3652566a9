// Where a case stands in its service's 服务流程 (handbook step order), by status.
import type { ServiceCode } from "../catalogue/codes.js";
import type { CaseStatus } from "./codes.js";

type OpenStatus = Exclude<CaseStatus, "REJECTED" | "CANCELLED" | "NO_SHOW">;

const STEP: Record<ServiceCode, Record<OpenStatus, number>> = {
  FAMILY_DOCTOR: { AWAITING_DOCUMENTS: 1, SUBMITTED: 1, UNDER_REVIEW: 1, INVESTIGATING: 1, APPROVED: 1, SCHEDULED: 1, IN_PROGRESS: 2, COMPLETED: 2 },
  GREEN_CHANNEL: { AWAITING_DOCUMENTS: 2, SUBMITTED: 2, UNDER_REVIEW: 2, INVESTIGATING: 2, APPROVED: 3, SCHEDULED: 3, IN_PROGRESS: 4, COMPLETED: 4 },
  INPATIENT_ADVANCE: { AWAITING_DOCUMENTS: 2, SUBMITTED: 2, UNDER_REVIEW: 3, INVESTIGATING: 4, APPROVED: 4, SCHEDULED: 5, IN_PROGRESS: 5, COMPLETED: 6 },
  SECOND_OPINION: { AWAITING_DOCUMENTS: 2, SUBMITTED: 2, UNDER_REVIEW: 3, INVESTIGATING: 3, APPROVED: 4, SCHEDULED: 4, IN_PROGRESS: 4, COMPLETED: 5 },
  MDT: { AWAITING_DOCUMENTS: 2, SUBMITTED: 2, UNDER_REVIEW: 3, INVESTIGATING: 3, APPROVED: 4, SCHEDULED: 4, IN_PROGRESS: 5, COMPLETED: 5 },
  GENE_TEST: { AWAITING_DOCUMENTS: 3, SUBMITTED: 3, UNDER_REVIEW: 3, INVESTIGATING: 3, APPROVED: 4, SCHEDULED: 4, IN_PROGRESS: 6, COMPLETED: 6 },
  JAPAN_CARE: { AWAITING_DOCUMENTS: 3, SUBMITTED: 3, UNDER_REVIEW: 3, INVESTIGATING: 3, APPROVED: 4, SCHEDULED: 7, IN_PROGRESS: 10, COMPLETED: 12 },
};

/** The step order; a closed case stands where it was when it closed (`lastOpenStatus`). */
export function caseStep(service: ServiceCode, status: CaseStatus, lastOpenStatus: CaseStatus | null): number {
  const open = (s: CaseStatus | null): s is OpenStatus => s !== null && s !== "REJECTED" && s !== "CANCELLED" && s !== "NO_SHOW";
  if (open(status)) return STEP[service][status];
  return open(lastOpenStatus) ? STEP[service][lastOpenStatus] : 1;
}
