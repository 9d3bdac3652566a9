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
  ["investigation is for advance payments", "INPATIENT_ADVANCE", "UNDER_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, { to: "INVESTIGATING", quota: "RESERVED", change: "NONE" }],
  ["no investigation for MDT", "MDT", "UNDER_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, "ACTION_NOT_FOR_SERVICE"],
  ["reject releases the quota", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "REJECT", {}, { to: "REJECTED", quota: "RELEASED", change: "RELEASE" }],
  ["no reject once approved", "SECOND_OPINION", "APPROVED", "RESERVED", "REJECT", {}, "ACTION_NOT_ALLOWED"],
  ["scheduling consumes", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-05" }, { to: "SCHEDULED", quota: "CONSUMED", change: "CONSUME" }],
  ["scheduling needs a date", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", {}, "SCHEDULED_FOR_REQUIRED"],
  ["scheduling in the past", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-01" }, "SCHEDULED_IN_PAST"],
  ["Japan: no visa step without the acceptance letter", "JAPAN_CARE", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01" }, "DOCUMENTS_REQUIRED"],
  ["Japan: with the acceptance letter", "JAPAN_CARE", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01", documents: ["HOSPITAL_ACCEPTANCE_LETTER"] }, { to: "SCHEDULED", quota: "CONSUMED", change: "CONSUME" }],
  ["advance: admission needs consent and authorisation", "INPATIENT_ADVANCE", "SCHEDULED", "CONSUMED", "START", { documents: ["ADVANCE_CONSENT"] }, "DOCUMENTS_REQUIRED"],
  ["advance: admitted with both signed", "INPATIENT_ADVANCE", "SCHEDULED", "CONSUMED", "START", { documents: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"] }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["advance: discharge needs invoice and summary", "INPATIENT_ADVANCE", "IN_PROGRESS", "CONSUMED", "COMPLETE", { documents: ["HOSPITAL_INVOICE"] }, "DOCUMENTS_REQUIRED"],
  ["advance: discharge closes it", "INPATIENT_ADVANCE", "IN_PROGRESS", "CONSUMED", "COMPLETE", { documents: ["HOSPITAL_INVOICE", "DISCHARGE_SUMMARY"] }, { to: "COMPLETED", quota: "CONSUMED", change: "NONE" }],
  ["MDT by proxy needs the signed authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", { proxy: true }, "DOCUMENTS_REQUIRED"],
  ["MDT by proxy with the authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", { proxy: true, documents: ["MDT_PROXY_AUTHORIZATION"] }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["MDT attended in person needs no authorisation", "MDT", "SCHEDULED", "CONSUMED", "START", {}, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["proxy attendance is MDT's only", "GENE_TEST", "SCHEDULED", "CONSUMED", "START", { proxy: true }, "ACTION_NOT_FOR_SERVICE"],
  ["a no-show counts as used", "MDT", "SCHEDULED", "CONSUMED", "RECORD_NO_SHOW", {}, { to: "NO_SHOW", quota: "CONSUMED", change: "NONE" }],
  ["no no-show before scheduling", "MDT", "APPROVED", "RESERVED", "RECORD_NO_SHOW", {}, "ACTION_NOT_ALLOWED"],
  ["family doctor: a consultation starts straight away and is used", "FAMILY_DOCTOR", "SUBMITTED", "RESERVED", "START", {}, { to: "IN_PROGRESS", quota: "CONSUMED", change: "CONSUME" }],
  ["cancel before review releases", "SECOND_OPINION", "SUBMITTED", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["second opinion: cancel after record preparation counts as used", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["green channel: cancel before approval releases", "GREEN_CHANNEL", "UNDER_REVIEW", "RESERVED", "CANCEL", {}, { to: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["green channel: no cancellation once approved", "GREEN_CHANNEL", "APPROVED", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["green channel: no cancellation once arranged", "GREEN_CHANNEL", "SCHEDULED", "CONSUMED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["gene test: cancel before sample collection", "GENE_TEST", "SCHEDULED", "CONSUMED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "NONE" }],
  ["gene test: no cancellation once the sample is collected", "GENE_TEST", "IN_PROGRESS", "CONSUMED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["Japan: cancelling after arrangement stays used", "JAPAN_CARE", "SCHEDULED", "CONSUMED", "CANCEL", {}, { to: "CANCELLED", quota: "CONSUMED", change: "NONE" }],
  ["no cancelling a closed case", "MDT", "COMPLETED", "CONSUMED", "CANCEL", {}, "ACTION_NOT_ALLOWED"],
  ["Japan: 40 hours in total is the cap", "JAPAN_CARE", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 8, used: 32 }, { to: "IN_PROGRESS", quota: "CONSUMED", change: "NONE" }],
  ["Japan: one hour over the cap", "JAPAN_CARE", "IN_PROGRESS", "CONSUMED", "RECORD_ACCOMPANIMENT", { hours: 9, used: 32 }, "ACCOMPANIMENT_LIMIT_EXCEEDED"],
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
