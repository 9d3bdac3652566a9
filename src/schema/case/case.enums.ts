import { APPLICANTS, CASE_ACTIONS, CASE_STATUSES, QUOTA_EFFECTS } from "../../rules/case-workflow/codes.js";
import { SLA_STATES } from "../../rules/sla/compute-sla-clocks.js";
import { enumFromCodes } from "../shared/enums.js";

export const CaseStatusEnum = enumFromCodes(CASE_STATUSES, "CaseStatus", "Where a case is in its workflow. 案件状态。");
export const CaseActionEnum = enumFromCodes(CASE_ACTIONS, "CaseAction", "A step that moves a case. 案件操作。", {
  START_REVIEW: { description: "SUBMITTED → UNDER_REVIEW (资料审核; second opinion: record preparation starts)" },
  APPROVE: { description: "UNDER_REVIEW/INVESTIGATING → APPROVED" },
  REJECT: { description: "before APPROVED → REJECTED; the quota is released" },
  REQUEST_INVESTIGATION: { description: "advance payment only: UNDER_REVIEW → INVESTIGATING (查勘)" },
  SCHEDULE: { description: "APPROVED → SCHEDULED with scheduledFor; the quota is consumed" },
  START: { description: "SCHEDULED → IN_PROGRESS (admission, consultation held, sample at the lab, departure)" },
  COMPLETE: { description: "IN_PROGRESS → COMPLETED" },
  RECORD_NO_SHOW: { description: "SCHEDULED → NO_SHOW; counts as used" },
  CANCEL: { description: "→ CANCELLED where the service allows; used once past its cut-off" },
  RECORD_ACCOMPANIMENT: { description: "Japan, IN_PROGRESS: add accompaniment hours (40 in total at most)" },
});
export const QuotaEffectEnum = enumFromCodes(QUOTA_EFFECTS, "QuotaEffect", "What the case does to its benefit's quota. 对服务次数的影响。");
export const ApplicantEnum = enumFromCodes(APPLICANTS, "Applicant", "Who applied: the insured, or the policyholder on the insured's behalf.");
export const SlaStateEnum = enumFromCodes(SLA_STATES, "SlaState", "State of an SLA clock. 时效状态。");
