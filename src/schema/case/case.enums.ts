import { APPLICANTS, CASE_ACTIONS, CASE_MILESTONES, CASE_STAGES, CASE_STATUSES, QUOTA_EFFECTS } from "../../rules/case-workflow/codes.js";
import { CARE_KINDS } from "../../rules/case-workflow/submission-rules.js";
import { SLA_PAUSE_REASONS } from "../../rules/catalogue/service-definition.js";
import { SLA_STATES } from "../../rules/sla/compute-sla-clocks.js";
import { enumFromCodes } from "../shared/enums.js";

export const CaseStatusEnum = enumFromCodes(CASE_STATUSES, "CaseStatus", "Where a case is in its workflow. 案件状态。");
export const CaseActionEnum = enumFromCodes(CASE_ACTIONS, "CaseAction", "A step that moves a case. 案件操作。", {
  START_REVIEW: { description: "SUBMITTED → UNDER_REVIEW (资料审核; second opinion: record preparation starts)" },
  APPROVE: { description: "UNDER_REVIEW/INVESTIGATING → APPROVED" },
  REJECT: { description: "before APPROVED → REJECTED; the quota is released" },
  REQUEST_INVESTIGATION: { description: "advance payment only: UNDER_REVIEW → INVESTIGATING (查勘)" },
  SCHEDULE: { description: "APPROVED → SCHEDULED with scheduledFor: the service is arranged (Japan: the whole trip, 服务流程 9)" },
  START: { description: "SCHEDULED → IN_PROGRESS (visit, admission, consultation held, sample at the lab, arrival in Japan)" },
  COMPLETE: { description: "→ COMPLETED; the quota is consumed" },
  RECORD_NO_SHOW: { description: "SCHEDULED → NO_SHOW; counts as used" },
  CANCEL: { description: "→ CANCELLED where the service allows; used once past its cut-off" },
  RECORD_ACCOMPANIMENT: { description: "Japan, in Japan: add accompaniment hours (40 in total at most)" },
  REQUEST_LIABILITY_REVIEW: { description: "Advance: a liability determination is needed (温馨提示 1); the arrangement clock pauses" },
  RECORD_INVESTIGATION_RESULT: { description: "Advance: the investigation (查勘) result is notified; meets its 15-day clock" },
  RECORD_REFUSAL_TO_SIGN: { description: "Advance: the insured refused to sign at admission; counts as completed (温馨提示 5)" },
  START_SAMPLE_COLLECTION: { description: "Gene test: sample collection starts (服务流程 4); no cancellation from here" },
  NOTIFY_START: { description: "Japan: the insured is told the service starts (服务流程 4, 1 working day)" },
  ASSIGN_SPECIALIST: { description: "Japan: a specialist is assigned (服务流程 5, 2 working days)" },
  REQUEST_HOSPITAL_ACCEPTANCE: { description: "Japan: records sent to the Japanese hospital; the 40-day clock pauses until it accepts" },
  RECORD_HOSPITAL_ACCEPTANCE: { description: "Japan: the acceptance letter is in (服务流程 6); the medical visa is applied for (the clock stays paused)" },
  RECORD_VISA_ISSUED: { description: "Japan: the medical visa is issued (服务流程 7); the 40-day clock resumes" },
  SET_UP_DIRECT_BILLING: { description: "Japan: direct billing set up, direct-billing and claim authorisations signed (服务流程 8)" },
  RECORD_ADMISSION: { description: "Japan: admitted for treatment (服务流程 11)" },
  RECORD_INSURED_FAILURE: { description: "Japan: the insured cannot go for reasons of their own once the service started; counts as used (温馨提示 2)" },
  RECORD_NO_SAMPLE: { description: "Gene test: the insured cannot provide a sample (温馨提示 1); the case waits, still open, for a sample or the policy's end" },
  END_WITH_POLICY: { description: "Gene test without a sample: the service ends with the policy (温馨提示 1 随保单有效期到期终止); only once the policy is no longer in force; the use is given back" },
});
export const QuotaEffectEnum = enumFromCodes(QUOTA_EFFECTS, "QuotaEffect", "What the case does to its benefit's quota. 对服务次数的影响。");
export const ApplicantEnum = enumFromCodes(APPLICANTS, "Applicant", "Who applied: the insured, the policyholder on the insured's behalf, or (family doctor only) a family member of the insured.");
export const SlaStateEnum = enumFromCodes(SLA_STATES, "SlaState", "State of an SLA clock. 时效状态。");
export const CaseStageEnum = enumFromCodes(CASE_STAGES, "CaseStage", "A stage of a service's own workflow (docs/workflows.md). 案件阶段。");
export const CaseMilestoneEnum = enumFromCodes(CASE_MILESTONES, "CaseMilestone", "A milestone a case records; SLA clocks start, pause and are met at milestones. 节点。");
export const SlaPauseReasonEnum = enumFromCodes(SLA_PAUSE_REASONS, "SlaPauseReason", "Why an SLA clock is paused. 时效暂停原因。");
export const CareKindEnum = enumFromCodes(CARE_KINDS, "CareKind", "Green channel 住院或手术协调: an admission or surgery. 住院或手术。");
