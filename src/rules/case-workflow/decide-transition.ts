// Whether an action may move a case, and where to: the service's own workflow (./workflows/) read
// as data. The action's rule for the case's stage names the next stage, the documents it needs, the
// milestones it records and its quota effect; a rule with a refusal carries the handbook's reason.
import type { DocumentKind, ServiceCode } from "../catalogue/codes.js";
import { decideQuota, type QuotaChange } from "../quota/quota-change.js";
import { policyInForce, type PolicyFacts } from "../eligibility/check-eligibility.js";
import { suspensionOn, type SuspensionFacts } from "../suspension/suspensions.js";
import type { Problem } from "../shared/problem.js";
import { caseProblem, type CaseCode } from "./case-codes.js";
import { MAX_ACCOMPANIMENT_HOURS, type CaseAction, type CaseStage, type CaseStatus, type QuotaEffect, type RecordedMilestone } from "./codes.js";
import type { ActionRule, AppointmentTiming, Workflow } from "./workflow-definition.js";
import { WORKFLOWS } from "./workflows.js";

export interface CaseFacts {
  readonly service: ServiceCode;
  readonly stage: CaseStage;
  /** The 服务流程 row the case is at. */
  readonly step: number;
  readonly quotaEffect: QuotaEffect;
  readonly documents: readonly DocumentKind[];
  readonly accompanimentHours: number;
  /** The appointment day (SCHEDULE's scheduledFor); null before one is made. */
  readonly scheduledFor: string | null;
  /** The case's policy: some endings come with the policy's end. */
  readonly policy?: PolicyFacts;
  /** Features an operator has suspended, with their periods. */
  readonly suspensions?: readonly SuspensionFacts[];
}

export interface TransitionRequest {
  readonly action: CaseAction;
  /** The Shanghai date the action happened on. */
  readonly occurredOn: string;
  readonly scheduledFor: string | null;
  readonly accompanimentHours: number | null;
  /** The vendor's staff act on the insured's behalf (MDT: 多学科会诊委托书). */
  readonly byProxy?: boolean;
  /** MDT SCHEDULE: the departments on the panel. */
  readonly departments?: readonly string[] | null;
}

export type TransitionDecision =
  | {
      readonly ok: true;
      readonly stage: CaseStage;
      readonly status: CaseStatus;
      readonly step: number;
      readonly quotaChange: QuotaChange;
      readonly quotaEffect: QuotaEffect;
      readonly records: readonly RecordedMilestone[];
      readonly scheduledFor?: string;
      readonly accompanimentHours?: number;
      readonly panelDepartments?: readonly string[];
      /** The handbook clause(s) the move follows. */
      readonly clause: string;
    }
  | { readonly ok: false; readonly problems: readonly Problem<CaseCode>[] };

export function workflowOf(service: ServiceCode): Workflow {
  return WORKFLOWS[service];
}

/** The stage's status and row; an ending stays at the row it closed from. */
export function stageOf(workflow: Workflow, stage: CaseStage): { status: CaseStatus; step: number | null } {
  const found = workflow.stages.find((s) => s.stage === stage);
  if (!found) throw new Error(`${workflow.service} has no stage ${stage}`);
  return found;
}

/** The rule an action follows from a stage on a day, if the workflow has one. */
export function ruleFor(workflow: Workflow, action: CaseAction, stage: CaseStage, timing: AppointmentTiming = "ON_OR_AFTER_APPOINTMENT_DAY"): ActionRule | undefined {
  return workflow.actions.find((rule) => rule.action === action && rule.from.includes(stage) && (rule.when === undefined || rule.when === timing));
}

/** Before the appointment day only when there is an appointment and the day has not come. */
export function appointmentTiming(scheduledFor: string | null, occurredOn: string): AppointmentTiming {
  return scheduledFor !== null && occurredOn < scheduledFor ? "BEFORE_APPOINTMENT_DAY" : "ON_OR_AFTER_APPOINTMENT_DAY";
}

const field = (name: string) => ["input", name];

export function decideTransition(facts: CaseFacts, request: TransitionRequest): TransitionDecision {
  const { action } = request;
  const workflow = workflowOf(facts.service);
  const timing = appointmentTiming(facts.scheduledFor, request.occurredOn);
  const rule = ruleFor(workflow, action, facts.stage, timing);
  if (!rule) {
    return workflow.actions.some((r) => r.action === action)
      ? refuse(caseProblem("ACTION_NOT_ALLOWED", field("action"), { action, stage: facts.stage }))
      : refuse(caseProblem("ACTION_NOT_FOR_SERVICE", field("action"), { action, service: facts.service }));
  }
  if (rule.refusal) return refuse(caseProblem(rule.refusal.code, field("action"), { serviceRule: rule.refusal.message }));
  if (rule.notBeforeAppointment && timing === "BEFORE_APPOINTMENT_DAY") {
    return refuse(caseProblem("BEFORE_APPOINTMENT_DAY", field("occurredAt"), { action, scheduledFor: facts.scheduledFor! }));
  }
  if (rule.onlyOncePolicyEnded && facts.policy && policyInForce(facts.policy, request.occurredOn) === true) {
    return refuse(caseProblem("POLICY_STILL_IN_FORCE", field("action"), { effectiveTo: facts.policy.effectiveTo }));
  }
  if (request.byProxy && !rule.byProxyNeeds) {
    return refuse(caseProblem("ACTION_NOT_FOR_SERVICE", field("byProxy"), { action, service: facts.service, byProxy: true }));
  }

  if (request.byProxy && rule.byProxySuspendedBy) {
    const suspended = suspensionOn(facts.suspensions ?? [], rule.byProxySuspendedBy, request.occurredOn);
    if (suspended) return refuse(caseProblem("PROXY_ATTENDANCE_SUSPENDED", field("byProxy"), { startsOn: suspended.startsOn, endsOn: suspended.endsOn }));
  }
  if (request.departments != null && !rule.panel) {
    return refuse(caseProblem("FIELD_NOT_FOR_ACTION", field("departments"), { field: "departments", action }));
  }

  const needed = [...(rule.needs ?? []), ...(request.byProxy ? (rule.byProxyNeeds ?? []) : [])];
  const lacking = needed.filter((kind) => !facts.documents.includes(kind));
  if (lacking.length > 0) {
    return refuse(caseProblem("DOCUMENTS_REQUIRED", field("action"), { action, lacking }));
  }

  const extra: { scheduledFor?: string; accompanimentHours?: number; panelDepartments?: readonly string[] } = {};
  if (rule.panel) {
    const departments = panelOf(request.departments ?? null, rule.panel.minDepartments);
    if (!departments) return refuse(caseProblem("PANEL_DEPARTMENTS_REQUIRED", field("departments"), { min: rule.panel.minDepartments }));
    extra.panelDepartments = departments;
  }
  if (rule.input === "SCHEDULED_FOR") {
    if (request.scheduledFor === null) return refuse(caseProblem("SCHEDULED_FOR_REQUIRED", field("scheduledFor"), { action }));
    if (request.scheduledFor < request.occurredOn) {
      return refuse(caseProblem("SCHEDULED_IN_PAST", field("scheduledFor")));
    }
    extra.scheduledFor = request.scheduledFor;
  }
  if (rule.input === "ACCOMPANIMENT_HOURS") {
    const hours = request.accompanimentHours;
    if (hours === null || !(hours > 0)) {
      return refuse(caseProblem("ACCOMPANIMENT_HOURS_REQUIRED", field("accompanimentHours")));
    }
    const total = facts.accompanimentHours + hours;
    if (total > MAX_ACCOMPANIMENT_HOURS) {
      return refuse(caseProblem("ACCOMPANIMENT_LIMIT_EXCEEDED", field("accompanimentHours"), { limit: MAX_ACCOMPANIMENT_HOURS, used: facts.accompanimentHours }));
    }
    extra.accompanimentHours = total;
  }

  const stage = rule.to ?? facts.stage;
  const next = stageOf(workflow, stage);
  const quota = decideQuota(rule.quota, facts.quotaEffect);
  return {
    ok: true,
    stage,
    status: next.status,
    step: next.step ?? facts.step,
    quotaChange: quota.change,
    quotaEffect: quota.effect,
    records: rule.records ?? [],
    clause: rule.clause,
    ...extra,
  };
}

/** MDT.介绍.1 (experts of three or more relevant departments): distinct names, trimmed, 1–50 characters, at most 20. */
export function panelOf(departments: readonly string[] | null, min: number): string[] | null {
  if (departments === null || departments.length > 20) return null;
  const names = departments.map((d) => d.trim());
  if (names.some((n) => n.length === 0 || n.length > 50)) return null;
  const distinct = [...new Set(names)];
  return distinct.length >= min && distinct.length === names.length ? distinct : null;
}

function refuse(refusal: Problem<CaseCode>): TransitionDecision {
  return { ok: false, problems: [refusal] };
}
