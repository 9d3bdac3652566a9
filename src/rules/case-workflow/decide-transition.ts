// The case state machine: one workflow shape, per-service rules from the handbook's 服务流程 and
// 温馨提示. SUBMITTED → UNDER_REVIEW → (INVESTIGATING) → APPROVED → SCHEDULED → IN_PROGRESS →
// COMPLETED, with exits REJECTED, CANCELLED, NO_SHOW. Quota: reserved at submission, consumed when
// arranged (SCHEDULE), on a no-show or a cancellation past the service's cut-off, released on
// rejection or an allowed cancellation.
// Clauses: ADVANCE.提示.1 (arranged only once approved), ADVANCE.流程.4 (investigation), GREEN_CHANNEL.提示.2 and
// MDT.提示.3 (a no-show counts as used), and those named where they are decided below.
import type { BenefitCode, DocumentKind, ServiceCode } from "../catalogue/codes.js";
import { problem, type Problem } from "../shared/problem.js";
import { MAX_ACCOMPANIMENT_HOURS, type CaseAction, type CaseStatus, type QuotaEffect } from "./codes.js";

export interface CaseFacts {
  readonly service: ServiceCode;
  readonly benefit: BenefitCode;
  readonly status: CaseStatus;
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
  /** MDT: the consultation is attended by the vendor's staff on the insured's behalf. */
  readonly byProxy?: boolean;
}

export type QuotaChange = "NONE" | "CONSUME" | "RELEASE";

export type TransitionDecision =
  | {
      readonly ok: true;
      readonly to: CaseStatus;
      readonly quotaChange: QuotaChange;
      readonly quotaEffect: QuotaEffect;
      readonly scheduledFor?: string;
      readonly accompanimentHours?: number;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  START_REVIEW: ["SUBMITTED"],
  REQUEST_INVESTIGATION: ["UNDER_REVIEW"],
  APPROVE: ["UNDER_REVIEW", "INVESTIGATING"],
  REJECT: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "INVESTIGATING"],
  SCHEDULE: ["APPROVED"],
  START: ["SCHEDULED"],
  COMPLETE: ["IN_PROGRESS"],
  RECORD_NO_SHOW: ["SCHEDULED"],
  CANCEL: ["SUBMITTED", "AWAITING_DOCUMENTS", "UNDER_REVIEW", "INVESTIGATING", "APPROVED", "SCHEDULED", "IN_PROGRESS"],
  RECORD_ACCOMPANIMENT: ["IN_PROGRESS"],
};

const TO: Record<CaseAction, CaseStatus | null> = {
  START_REVIEW: "UNDER_REVIEW",
  REQUEST_INVESTIGATION: "INVESTIGATING",
  APPROVE: "APPROVED",
  REJECT: "REJECTED",
  SCHEDULE: "SCHEDULED",
  START: "IN_PROGRESS",
  COMPLETE: "COMPLETED",
  RECORD_NO_SHOW: "NO_SHOW",
  CANCEL: "CANCELLED",
  RECORD_ACCOMPANIMENT: null,
};

/** Documents an action needs on the case first. */
const ACTION_DOCUMENTS: Partial<Record<BenefitCode, Partial<Record<CaseAction, readonly DocumentKind[]>>>> = {
  // ADVANCE.流程.5, ADVANCE.流程.6, ADVANCE.提示.3.1, ADVANCE.提示.3.2 — 住院垫付 温馨提示 3: consent and claim authorisation signed at admission; invoice and discharge summary close it.
  INPATIENT_ADVANCE_PAYMENT: { START: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"], COMPLETE: ["HOSPITAL_INVOICE", "DISCHARGE_SUMMARY"] },
  // JAPAN.流程.6 — 赴日就医 服务流程 6: 须有日本医院接收函方可办理医疗签证.
  JAPAN_TREATMENT: { SCHEDULE: ["HOSPITAL_ACCEPTANCE_LETTER"] },
};

const field = (name: string) => ["input", name];

export function decideTransition(facts: CaseFacts, request: TransitionRequest): TransitionDecision {
  const { action } = request;
  const allowedFrom = facts.service === "FAMILY_DOCTOR" && action === "START" ? ["SUBMITTED", "SCHEDULED"] : FROM[action];
  if (!allowedFrom.includes(facts.status)) {
    return refuse(
      "ACTION_NOT_ALLOWED",
      field("action"),
      `当前状态 ${facts.status} 不能执行 ${action}。`,
      `${action} is not possible while the case is ${facts.status}.`,
    );
  }
  if (action === "REQUEST_INVESTIGATION" && facts.service !== "INPATIENT_ADVANCE") {
    return refuse("ACTION_NOT_FOR_SERVICE", field("action"), "仅住院垫付服务需要查勘。", "Only advance payments are investigated (查勘).");
  }
  if (action === "RECORD_ACCOMPANIMENT" && facts.service !== "JAPAN_CARE") {
    return refuse("ACTION_NOT_FOR_SERVICE", field("action"), "陪诊时长仅适用于赴日就医。", "Accompaniment hours belong to treatment in Japan.");
  }

  // MDT.提示.1.2, MDT.提示.1.3 — MDT 温馨提示 1: attendance by the vendor's staff needs the signed 多学科会诊委托书.
  const proxyDocuments: DocumentKind[] = request.byProxy && facts.service === "MDT" && action === "START" ? ["MDT_PROXY_AUTHORIZATION"] : [];
  if (request.byProxy && !(facts.service === "MDT" && action === "START")) {
    return refuse("ACTION_NOT_FOR_SERVICE", field("byProxy"), "仅 MDT 会诊可由服务人员代为出席。", "Only an MDT consultation (START) can be attended by proxy.");
  }
  const needed = [...(ACTION_DOCUMENTS[facts.benefit]?.[action] ?? []), ...proxyDocuments];
  const lacking = needed.filter((kind) => !facts.documents.includes(kind));
  if (lacking.length > 0) {
    return refuse(
      "DOCUMENTS_REQUIRED",
      field("action"),
      `执行 ${action} 前须提交：${lacking.join(", ")}`,
      `${action} needs these documents first: ${lacking.join(", ")}`,
    );
  }

  switch (action) {
    case "SCHEDULE": {
      if (request.scheduledFor === null) {
        return refuse("SCHEDULED_FOR_REQUIRED", field("scheduledFor"), "安排服务须给出日期。", "SCHEDULE needs scheduledFor.");
      }
      if (request.scheduledFor < request.occurredOn) {
        return refuse("SCHEDULED_IN_PAST", field("scheduledFor"), "安排日期不能早于操作日期。", "scheduledFor cannot be before the day it is arranged.");
      }
      return { ok: true, to: "SCHEDULED", ...consume(facts), scheduledFor: request.scheduledFor };
    }
    case "RECORD_ACCOMPANIMENT": {
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
      return { ok: true, to: facts.status, quotaChange: "NONE", quotaEffect: facts.quotaEffect, accompanimentHours: total };
    }
    case "CANCEL":
      return decideCancel(facts);
    case "REJECT":
      return { ok: true, to: "REJECTED", ...release(facts) };
    case "START":
      // A family-doctor consultation is used when it starts; other services were consumed when arranged.
      return { ok: true, to: "IN_PROGRESS", ...consume(facts) };
    case "RECORD_NO_SHOW":
      return { ok: true, to: "NO_SHOW", ...consume(facts) };
    case "START_REVIEW":
    case "REQUEST_INVESTIGATION":
    case "APPROVE":
    case "COMPLETE":
      return { ok: true, to: TO[action]!, quotaChange: "NONE", quotaEffect: facts.quotaEffect };
  }
}

/**
 * 温馨提示: green channel — no change or cancellation once the application has succeeded; second
 * opinion — a cancellation once record preparation started counts as used; gene test — no
 * cancellation once sample collection has started; anything cancelled after it was arranged is used.
 * Clauses: GREEN_CHANNEL.提示.1, SECOND_OPINION.提示.3, GENE_TEST.提示.4.
 */
function decideCancel(facts: CaseFacts): TransitionDecision {
  const arranged = ["APPROVED", "SCHEDULED", "IN_PROGRESS"].includes(facts.status);
  if (facts.service === "GREEN_CHANNEL" && arranged) {
    return refuse("CANCELLATION_NOT_ALLOWED", field("action"), "绿色通道申请成功后不接受改期或取消。", "A green-channel service cannot be cancelled once approved.");
  }
  if (facts.service === "GENE_TEST" && facts.status === "IN_PROGRESS") {
    return refuse("CANCELLATION_NOT_ALLOWED", field("action"), "本服务自启动样本采集开始，不可取消。", "A gene test cannot be cancelled once sample collection has started.");
  }
  const pastCutOff = facts.service === "SECOND_OPINION" ? facts.status !== "SUBMITTED" && facts.status !== "AWAITING_DOCUMENTS" : false;
  return { ok: true, to: "CANCELLED", ...(pastCutOff ? consume(facts) : release(facts)) };
}

function consume(facts: CaseFacts): { quotaChange: QuotaChange; quotaEffect: QuotaEffect } {
  return facts.quotaEffect === "RESERVED" ? { quotaChange: "CONSUME", quotaEffect: "CONSUMED" } : { quotaChange: "NONE", quotaEffect: facts.quotaEffect };
}

function release(facts: CaseFacts): { quotaChange: QuotaChange; quotaEffect: QuotaEffect } {
  return facts.quotaEffect === "RESERVED" ? { quotaChange: "RELEASE", quotaEffect: "RELEASED" } : { quotaChange: "NONE", quotaEffect: facts.quotaEffect };
}

function refuse(code: string, path: readonly string[], zh: string, en: string): TransitionDecision {
  return { ok: false, problems: [problem(code, path, zh, en)] };
}
