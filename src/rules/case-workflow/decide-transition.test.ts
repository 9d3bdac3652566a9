import { describe, expect, it } from "vitest";
import type { BenefitCode, DocumentKind, ServiceCode } from "../catalogue/codes.js";
import type { CaseAction, CaseStatus, QuotaEffect } from "./codes.js";
import { decideTransition } from "./decide-transition.js";

const BENEFIT: Record<ServiceCode, BenefitCode> = {
  FAMILY_DOCTOR: "FAMILY_DOCTOR",
  GREEN_CHANNEL: "GREEN_CHANNEL_OUTPATIENT",
  INPATIENT_ADVANCE: "INPATIENT_ADVANCE_PAYMENT",
  SECOND_OPINION: "SECOND_OPINION",
  MDT: "MDT_CONSULTATION",
  GENE_TEST: "GENE_TEST",
  JAPAN_CARE: "JAPAN_TREATMENT",
};

type Row = [
  name: string,
  service: ServiceCode,
  status: CaseStatus,
  quota: QuotaEffect,
  action: CaseAction,
  extra: { documents?: DocumentKind[]; scheduledFor?: string; hours?: number; used?: number; proxy?: boolean },
  expected: { to: CaseStatus; quota: QuotaEffect; change: string } | string,
];

const rows: Row[] = [
  ["review starts from SUBMITTED", "GREEN_CHANNEL", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { to: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["no review while documents are missing", "GREEN_CHANNEL", "AWAITING_DOCUMENTS", "RESERVED", "START_REVIEW", {}, "ACTION_NOT_ALLOWED"],
  ["approve after review", "MDT", "UNDER_REVIEW", "RESERVED", "APPROVE", {}, { to: "APPROVED", quota: "RESERVED", change: "NONE" }],
  ["approve after investigation", "INPATIENT_ADVANCE", "INVESTIGATING", "RESERVED", "APPROVE", {}, { to: "APPROVED", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果 — investigation is for advance payments", "INPATIENT_ADVANCE", "UNDER_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, { to: "INVESTIGATING", quota: "RESERVED", change: "NONE" }],
  ["no investigation for MDT", "MDT", "UNDER_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, "ACTION_NOT_FOR_SERVICE"],
  ["reject releases the quota", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "REJECT", {}, { to: "REJECTED", quota: "RELEASED", change: "RELEASE" }],
  ["no reject once approved", "SECOND_OPINION", "APPROVED", "RESERVED", "REJECT", {}, "ACTION_NOT_ALLOWED"],
  ["ADVANCE.提示.1 责任认定完成后，方可为被保险人提供本服务 — no arrangement before the review approves", "INPATIENT_ADVANCE", "UNDER_REVIEW", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-05" }, "ACTION_NOT_ALLOWED"],
  ["scheduling consumes", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-05" }, { to: "SCHEDULED", quota: "CONSUMED", change: "CONSUME" }],
  ["scheduling needs a date", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", {}, "SCHEDULED_FOR_REQUIRED"],
  ["scheduling in the past", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-01" }, "SCHEDULED_IN_PAST"],
  ["JAPAN.流程.6 须有日本医院接收函方可办理医疗签证 — Japan: no visa step without the acceptance letter", "JAPAN_CARE", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01" }, "DOCUMENTS_REQUIRED"],
  ["Japan: with the acceptance letter", "JAPAN_CARE", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01", documents: ["HOSPITAL_ACCEPTANCE_LETTER"] }, { to: "SCHEDULED", quota: "CONSUMED", change: "CONSUME" }],
  ["ADVANCE.流程.5 我司服务人员协助被保险人在预约日期至医院办理住院，签署授权书 — ADVANCE.提示.3.1 提供垫付服务时，被保险人须签署医疗垫付知情同意书和理赔授权书 — advance: admission needs consent and authorisation", "INPATIENT_ADVANCE", "SCHEDULED", "CONSUMED", "START", { documents: ["ADVANCE_CONSENT"] }, "DOCUMENTS_REQUIRED"],
  ["advance: admitted with both signed", "INPATIENT_ADVANCE", "SCHEDULED", "CONSUMED", "START", { documents: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"] }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["ADVANCE.流程.6 被保险人须提交住院发票、出院小结等资料 — ADVANCE.提示.3.2 垫付服务完成后，被保险人须交付住院发票、出院小结等理赔资料 — advance: discharge needs invoice and summary", "INPATIENT_ADVANCE", "IN_PROGRESS", "CONSUMED", "COMPLETE", { documents: ["HOSPITAL_INVOICE"] }, "DOCUMENTS_REQUIRED"],
  ["advance: discharge closes it", "INPATIENT_ADVANCE", "IN_PROGRESS", "CONSUMED", "COMPLETE", { documents: ["HOSPITAL_INVOICE", "DISCHARGE_SUMMARY"] }, { to: "COMPLETED", quota: "CONSUMED", change: "NONE" }],
  ["MDT.提示.1.3 注意：①由服务商的服务人员代为前往现场，需被保险人或家属签署多学科会诊委托书 — MDT by proxy needs the signed authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", { proxy: true }, "DOCUMENTS_REQUIRED"],
  ["MDT.提示.1.2 若被保险人或家属无法亲自前往MDT多学科会诊现场，可选择由我司特约服务商的服务人员代为前往获取此服务 — MDT by proxy with the authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", { proxy: true, documents: ["MDT_PROXY_AUTHORIZATION"] }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["MDT attended in person needs no authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", {}, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["proxy attendance is MDT's only", "GENE_TEST", "SCHEDULED", "CONSUMED", "START", { proxy: true }, "ACTION_NOT_FOR_SERVICE"],
  ["MDT.提示.3 如我司已为被保险人完成本服务安排，但被保险人未在预定时间参加，亦视为本项服务已完成，须计入有效服务次数 — a no-show counts as used", "MDT", "SCHEDULED", "CONSUMED", "RECORD_NO_SHOW", {}, { to: "NO_SHOW", quota: "CONSUMED", change: "NONE" }],
  ["GREEN_CHANNEL.提示.2 由于被保险人迟到、爽约等个人原因导致号源或床位失效，最终未能在预定时间就医，亦视为本项服务已完成，计入服务次数 — green channel: a no-show counts as used", "GREEN_CHANNEL", "SCHEDULED", "CONSUMED", "RECORD_NO_SHOW", {}, { to: "NO_SHOW", quota: "CONSUMED", change: "NONE" }],
  ["no no-show before scheduling", "MDT", "APPROVED", "RESERVED", "RECORD_NO_SHOW", {}, "ACTION_NOT_ALLOWED"],
  ["family doctor: a consultation starts straight away and is used", "FAMILY_DOCTOR", "SUBMITTED", "RESERVED", "START", {}, { to: "IN_PROGRESS", quota: "CONSUMED", change: "CONSUME" }],
  ["cancel before review releases", "SECOND_OPINION", "SUBMITTED", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["SECOND_OPINION.提示.3 收到资料且开始病历整理环节后，本服务不可取消，如需取消亦视为本项服务已完成 — second opinion: cancel after record preparation counts as used", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["green channel: cancel before approval releases", "GREEN_CHANNEL", "UNDER_REVIEW", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消 — green channel: no cancellation once approved", "GREEN_CHANNEL", "APPROVED", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["green channel: no cancellation once arranged", "GREEN_CHANNEL", "SCHEDULED", "CONSUMED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["gene test: cancel before sample collection", "GENE_TEST", "SCHEDULED", "CONSUMED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "NONE" }],
  ["GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消 — gene test: no cancellation once the sample is collected", "GENE_TEST", "IN_PROGRESS", "CONSUMED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["Japan: cancelling after arrangement stays used", "JAPAN_CARE", "SCHEDULED", "CONSUMED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "NONE" }],
  ["no cancelling a closed case", "MDT", "COMPLETED", "CONSUMED", "CANCEL", {}, "ACTION_NOT_ALLOWED"],
  ["JAPAN.流程.9 当地就医陪诊累计总时长不得超过40小时 — Japan: 40 hours in total is the cap", "JAPAN_CARE", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 8, used: 32 }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["JAPAN.流程.9 当地就医陪诊累计总时长不得超过40小时 — Japan: one hour over the cap", "JAPAN_CARE", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 9, used: 32 }, "ACCOMPANIMENT_LIMIT_EXCEEDED"],
  ["Japan: hours must be positive", "JAPAN_CARE", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 0 }, "ACCOMPANIMENT_HOURS_REQUIRED"],
  ["accompaniment is Japan's only", "MDT", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 2 }, "ACTION_NOT_FOR_SERVICE"],
];

describe("decideTransition", () => {
  it.each(rows)("%s", (_name, service, status, quota, action, extra, expected) => {
    const decision = decideTransition(
      { service, benefit: BENEFIT[service], status, quotaEffect: quota, documents: extra.documents ?? [], accompanimentHours: extra.used ?? 0 },
      { action, occurredOn: "2026-03-02", scheduledFor: extra.scheduledFor ?? null, accompanimentHours: extra.hours ?? null, byProxy: extra.proxy },
    );
    if (typeof expected === "string") {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.problems[0]?.code).toBe(expected);
    } else {
      expect(decision).toMatchObject({ ok: true, to: expected.to, quotaEffect: expected.quota, quotaChange: expected.change });
    }
  });
});
