// The shape of a service's own workflow, as data: its stages in the handbook's 服务流程 order, the
// actions that move a case between them, what each action needs and records, and its quota effect.
// One definition per service (./workflows/) drives the transition rule, the step a case shows, the
// milestones its SLA clocks read and the generated diagrams (docs/workflows.md).
import type { WorkflowRefusalCode } from "./case-codes.js";
import type { DocumentKind, ServiceCode } from "../catalogue/codes.js";
import type { LocalizedText } from "../shared/localized-text.js";
import type { CaseAction, CaseStage, CaseStatus, RecordedMilestone } from "./codes.js";
import type { SuspendableFeature } from "../suspension/suspensions.js";

export interface StageDefinition {
  readonly stage: CaseStage;
  /** The coarse status lists and metrics show. */
  readonly status: CaseStatus;
  /** The 服务流程 row the case is at; null for an ending, which stays at the row it closed from. */
  readonly step: number | null;
  readonly name: LocalizedText;
  /** Kept for cases opened before the service had its own workflow; no action leads here any more. */
  readonly legacy?: true;
}

/** Where the action's day stands against the case's appointment (scheduledFor). */
export type AppointmentTiming = "BEFORE_APPOINTMENT_DAY" | "ON_OR_AFTER_APPOINTMENT_DAY";

/** What an action does to the benefit's quota (src/rules/quota). */
export type QuotaRule = "CONSUME" | "RELEASE";

export interface ActionRule {
  readonly action: CaseAction;
  readonly from: readonly CaseStage[];
  /** The stage it moves to; null: the case stays where it is. */
  readonly to: CaseStage | null;
  /** Milestones recorded on the action's day (each only the first time). */
  readonly records?: readonly RecordedMilestone[];
  /** Documents that must be on the case first. */
  readonly needs?: readonly DocumentKind[];
  /** Documents needed when the action is done by the vendor's staff on the insured's behalf (byProxy). */
  readonly byProxyNeeds?: readonly DocumentKind[];
  readonly quota?: QuotaRule;
  /** The rule holds only on these days relative to the appointment (a cancellation before the day gives the use back). */
  readonly when?: AppointmentTiming;
  /** Refused before the appointment day: a visit, an admission, an attendance or a no-show happens on the day or later. */
  readonly notBeforeAppointment?: true;
  /** The departments the action records (MDT: the consultation panel), with the fewest it takes. */
  readonly panel?: { readonly minDepartments: number };
  /** Done by proxy, refused while an operator has this feature suspended. */
  readonly byProxySuspendedBy?: SuspendableFeature;
  /** Refused while the policy is in force: the case ends with the policy. */
  readonly onlyOncePolicyEnded?: true;
  /** The hospital that accepts the insured is named and must be one of the service's listed hospitals. */
  readonly checksAcceptingHospital?: true;
  /** Input the action cannot do without. */
  readonly input?: "SCHEDULED_FOR" | "ACCOMPANIMENT_HOURS";
  /** Refused from these stages, with the handbook's reason. */
  readonly refusal?: { readonly code: WorkflowRefusalCode; readonly message: LocalizedText };
  /** The handbook clause id(s) the rule follows, comma-separated (docs/handbook-trace.md); the docs print their words. */
  readonly clause: string;
}

/** A choice made where the handbook is silent or ambiguous, with the sentence it reads. */
export interface Reading {
  readonly clause: string;
  /** The words read, looked up from the clause (src/rules/handbook/clauses.ts), never typed. */
  readonly sentence: string;
  readonly reading: string;
}

export interface Workflow {
  readonly service: ServiceCode;
  readonly stages: readonly StageDefinition[];
  readonly actions: readonly ActionRule[];
  readonly readings?: readonly Reading[];
}
