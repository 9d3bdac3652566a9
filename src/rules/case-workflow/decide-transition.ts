// Whether an action may move a case, and where to: the service's own workflow (./workflows/) read
// as data. The action's rule for the case's stage names the next stage, the documents it needs, the
// milestones it records and its quota effect; a rule with a refusal carries the handbook's reason.
import type { DocumentKind, ServiceCode } from "../catalogue/codes.js";
import { decideQuota, type QuotaChange } from "../quota/quota-change.js";
import { problem, type Problem } from "../shared/problem.js";
import { MAX_ACCOMPANIMENT_HOURS, type CaseAction, type CaseStage, type CaseStatus, type QuotaEffect, type RecordedMilestone } from "./codes.js";
import type { ActionRule, Workflow } from "./workflow-definition.js";
import { WORKFLOWS } from "./workflows/index.js";

export interface CaseFacts {
  readonly service: ServiceCode;
  readonly stage: CaseStage;
  /** The 服务流程 row the case is at. */
  readonly step: number;
  readonly quotaEffect: QuotaEffect;
  readonly documents: readonly DocumentKind[];
  readonly accompanimentHours: number;
}

export interface TransitionRequest {
  readonly action: CaseAction;
  /** The Shanghai date the action happened on. */
  readonly occurredOn: string;
  readonly scheduledFor: string | null;
  readonly accompanimentHours: number | null;
  /** The vendor's staff act on the insured's behalf (MDT: 多学科会诊委托书). */
  readonly byProxy?: boolean;
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
      /** The handbook clause(s) the move follows. */
      readonly clause: string;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function workflowOf(service: ServiceCode): Workflow {
  return WORKFLOWS[service];
}

/** The stage's status and row; an ending stays at the row it closed from. */
export function stageOf(workflow: Workflow, stage: CaseStage): { status: CaseStatus; step: number | null } {
  const found = workflow.stages.find((s) => s.stage === stage);
  if (!found) throw new Error(`${workflow.service} has no stage ${stage}`);
  return found;
}

/** The rule an action follows from a stage, if the workflow has one. */
export function ruleFor(workflow: Workflow, action: CaseAction, stage: CaseStage): ActionRule | undefined {
  return workflow.actions.find((rule) => rule.action === action && rule.from.includes(stage));
}

const field = (name: string) => ["input", name];

export function decideTransition(facts: CaseFacts, request: TransitionRequest): TransitionDecision {
  const { action } = request;
  const workflow = workflowOf(facts.service);
  const rule = ruleFor(workflow, action, facts.stage);
  if (!rule) {
    return workflow.actions.some((r) => r.action === action)
      ? refuse("ACTION_NOT_ALLOWED", field("action"), `当前阶段 ${facts.stage} 不能执行 ${action}。`, `${action} is not possible while the case is at ${facts.stage}.`)
      : refuse("ACTION_NOT_FOR_SERVICE", field("action"), `${facts.service} 服务没有 ${action} 这一步。`, `${facts.service} has no ${action} step.`);
  }
  if (rule.refusal) return { ok: false, problems: [problem(rule.refusal.code, field("action"), rule.refusal.message.zh, rule.refusal.message.en)] };
  if (request.byProxy && !rule.byProxyNeeds) {
    return refuse("ACTION_NOT_FOR_SERVICE", field("byProxy"), "此步骤不能由服务人员代为完成。", `${action} cannot be done by proxy for ${facts.service}.`);
  }

  const needed = [...(rule.needs ?? []), ...(request.byProxy ? (rule.byProxyNeeds ?? []) : [])];
  const lacking = needed.filter((kind) => !facts.documents.includes(kind));
  if (lacking.length > 0) {
    return refuse("DOCUMENTS_REQUIRED", field("action"), `执行 ${action} 前须提交：${lacking.join(", ")}`, `${action} needs these documents first: ${lacking.join(", ")}`);
  }

  const extra: { scheduledFor?: string; accompanimentHours?: number } = {};
  if (rule.input === "SCHEDULED_FOR") {
    if (request.scheduledFor === null) return refuse("SCHEDULED_FOR_REQUIRED", field("scheduledFor"), "安排服务须给出日期。", `${action} needs scheduledFor.`);
    if (request.scheduledFor < request.occurredOn) {
      return refuse("SCHEDULED_IN_PAST", field("scheduledFor"), "安排日期不能早于操作日期。", "scheduledFor cannot be before the day it is arranged.");
    }
    extra.scheduledFor = request.scheduledFor;
  }
  if (rule.input === "ACCOMPANIMENT_HOURS") {
    const hours = request.accompanimentHours;
    if (hours === null || !(hours > 0)) {
      return refuse("ACCOMPANIMENT_HOURS_REQUIRED", field("accompanimentHours"), "请填写大于0的陪诊时长。", "accompanimentHours must be more than 0.");
    }
    const total = facts.accompanimentHours + hours;
    if (total > MAX_ACCOMPANIMENT_HOURS) {
      return refuse(
        "ACCOMPANIMENT_LIMIT_EXCEEDED",
        field("accompanimentHours"),
        `陪诊累计总时长不得超过${MAX_ACCOMPANIMENT_HOURS}小时（已用${facts.accompanimentHours}小时）。`,
        `Accompaniment may total at most ${MAX_ACCOMPANIMENT_HOURS} hours (${facts.accompanimentHours} used).`,
      );
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

function refuse(code: string, path: readonly string[], zh: string, en: string): TransitionDecision {
  return { ok: false, problems: [problem(code, path, zh, en)] };
}
