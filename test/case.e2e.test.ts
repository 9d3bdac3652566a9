// Cases through the graph on every database target: the walk-through, idempotency, documents,
// versions, quota, and the per-service rules that need the database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import { statementsSoFar } from "../src/db/driver/statement-counter.js";
import {
  AddCaseDocumentsDocument,
  PoliciesWithCasesDocument,
  PolicyCasesDocument,
  PolicyEntitlementsDocument,
  ServiceCaseDocument,
  ServiceCasesDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  UpsertPolicyDocument,
  type CaseAction,
  type SubmitCaseInput,
} from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { idNumber, policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const NOW = "2026-03-02T02:00:00.000Z"; // the test clock; 10:00 in Shanghai

describe.each(testTargets())("cases on %s", (kind) => {
  let server: TestServer;
  let keySeq = 0;
  const key = () => `k-${kind}-${++keySeq}`;
  const submit = (input: Omit<SubmitCaseInput, "idempotencyKey"> & { idempotencyKey?: string }) =>
    server.request(SubmitCaseDocument, { input: { idempotencyKey: key(), ...input } }, admin);
  const move = (caseId: string, action: CaseAction, expectedVersion: number, extra: Record<string, unknown> = {}) =>
    server.request(TransitionCaseDocument, { input: { caseId, action, expectedVersion, ...extra } }, admin);

  beforeAll(async () => {
    server = await startTestServer(kind, { now: NOW });
    await policyWithDiagnosis(server, "CASE-1");
    await policyWithDiagnosis(server, "CASE-2");
    await policyWithDiagnosis(server, "CASE-CANCER", "MALIGNANT_TUMOR", { benefits: ["GENE_TEST", "JAPAN_TREATMENT", "INPATIENT_ADVANCE_PAYMENT"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("GREEN_CHANNEL.提示.4 本项服务可由投保人代被保险人申请预约 — walks a green-channel outpatient case, applied for by the policyholder, from submission to completion", async () => {
    const submitted = await submit({ policyNo: "CASE-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "POLICYHOLDER", place: "襄阳" });
    expect(submitted.data?.submitCase.userErrors).toEqual([]);
    let c = submitted.data!.submitCase.serviceCase!;
    expect(c).toMatchObject({ status: "AWAITING_DOCUMENTS", quotaEffect: "RESERVED", version: 1, missingDocuments: ["OUTPATIENT_RECORD"], step: { order: 2 } });
    expect(c.caseNo).toMatch(/^SC2026-\d{7}$/);
    expect(c.sla).toEqual([expect.objectContaining({ milestone: "APPOINTMENT_ARRANGED", state: "NOT_STARTED", dueOn: null })]);

    const withDocs = await server.request(AddCaseDocumentsDocument, { input: { caseId: c.id, documents: [{ kind: "OUTPATIENT_RECORD", reference: "dms://records/1" }] } }, admin);
    c = withDocs.data!.addCaseDocuments.serviceCase!;
    expect(c).toMatchObject({ status: "SUBMITTED", version: 2, missingDocuments: [], documentsCompletedAt: NOW });

    for (const [action, extra] of [
      ["START_REVIEW", {}],
      ["APPROVE", {}],
      ["SCHEDULE", { scheduledFor: "2026-03-02" }],
      ["START", {}],
      ["COMPLETE", {}],
    ] as const) {
      const moved = await move(c.id, action, c.version, extra);
      expect(moved.data?.transitionCase.userErrors, action).toEqual([]);
      c = moved.data!.transitionCase.serviceCase!;
    }
    expect(c).toMatchObject({ status: "COMPLETED", quotaEffect: "CONSUMED", version: 7, scheduledFor: "2026-03-02", closedAt: NOW, step: { order: 4 } });
    expect(c.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["SUBMIT", null, "AWAITING_DOCUMENTS"],
      ["DOCUMENTS_COMPLETED", "AWAITING_DOCUMENTS", "SUBMITTED"],
      ["START_REVIEW", "SUBMITTED", "UNDER_REVIEW"],
      ["APPROVE", "UNDER_REVIEW", "APPROVED"],
      ["SCHEDULE", "APPROVED", "SCHEDULED"],
      ["START", "SCHEDULED", "IN_PROGRESS"],
      ["COMPLETE", "IN_PROGRESS", "COMPLETED"],
    ]);
    expect(c.events.every((e) => e.actor === "admin-key")).toBe(true);
    expect(c.sla).toEqual([
      { milestone: "APPOINTMENT_ARRANGED", workingDaysAllowed: 5, startedOn: "2026-03-02", dueOn: "2026-03-09", metOn: "2026-03-02", state: "MET", provisional: false, pausedReason: null, pausedSince: null, pausedWorkingDays: 0 },
    ]);
    const policy = await server.request(PolicyCasesDocument, { policyNo: "CASE-1" }, admin);
    expect(policy.data?.policy?.entitlements.find((e) => e.benefit === "GREEN_CHANNEL_OUTPATIENT")).toEqual({ benefit: "GREEN_CHANNEL_OUTPATIENT", used: 1, reserved: 0, remaining: 0 });

    const again = await submit({ policyNo: "CASE-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "武汉" });
    expect(again.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([["QUOTA_EXHAUSTED", ["input", "benefit"]]]);
  });

  it("returns the first result for a retried key and refuses the key for another request", async () => {
    const input = { idempotencyKey: `retry-${kind}`, policyNo: "CASE-2", benefit: "MDT_CONSULTATION" as const, applicant: "INSURED" as const };
    const first = await submit(input);
    const second = await submit(input);
    expect(second.data?.submitCase.serviceCase?.caseNo).toBe(first.data?.submitCase.serviceCase?.caseNo);
    const reused = await submit({ ...input, applicant: "POLICYHOLDER" });
    expect(reused.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    const cases = await server.request(ServiceCasesDocument, { filter: { policyNo: "CASE-2", services: ["MDT"] } }, admin);
    expect(cases.data?.serviceCases.totalCount).toBe(1);
  });

  it("runs every rule on dryRun and writes nothing", async () => {
    const before = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from service_case`);
    const dry = await submit({ policyNo: "CASE-2", benefit: "SECOND_OPINION", applicant: "INSURED", dryRun: true });
    expect(dry.data?.submitCase).toMatchObject({ serviceCase: null, eligibility: { eligible: true }, userErrors: [] });
    const refused = await submit({ policyNo: "CASE-2", benefit: "GENE_TEST", applicant: "INSURED", place: "杭州", dryRun: true });
    expect(refused.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["NOT_MALIGNANT_TUMOR"]);
    const after = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from service_case`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("refuses a stale version, a future occurredAt and one before the previous event, writing nothing", async () => {
    const c = (await submit({ policyNo: "CASE-2", benefit: "SECOND_OPINION", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r-1" }] })).data!.submitCase.serviceCase!;
    expect(c.status).toBe("SUBMITTED");
    const stale = await move(c.id, "START_REVIEW", c.version + 1);
    expect(stale.data?.transitionCase.userErrors.map((e) => [e.code, e.field])).toEqual([["STALE_VERSION", ["input", "expectedVersion"]]]);
    const future = await move(c.id, "START_REVIEW", c.version, { occurredAt: "2026-03-02T03:00:00Z" });
    expect(future.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["OCCURRED_IN_FUTURE"]);
    const early = await move(c.id, "START_REVIEW", c.version, { occurredAt: "2026-03-01T00:00:00Z" });
    expect(early.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["OCCURRED_BEFORE_PREVIOUS_EVENT"]);
    const wrong = await move(c.id, "SCHEDULE", c.version, { scheduledFor: "2026-03-05" });
    expect(wrong.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["ACTION_NOT_ALLOWED"]);
    const unknown = await move("U0MyMDI2LTk5OTk5OTk", "START_REVIEW", 1);
    expect(unknown.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_CASE"]);
    const now = (await server.request(ServiceCaseDocument, { caseNo: c.caseNo }, admin)).data!.serviceCase!;
    expect(now).toMatchObject({ status: "SUBMITTED", version: 1 });
    expect(now.events).toHaveLength(1);

    // Second opinion: a cancellation after record preparation started counts as used.
    const reviewing = (await move(c.id, "START_REVIEW", 1)).data!.transitionCase.serviceCase!;
    const cancelled = (await move(c.id, "CANCEL", reviewing.version)).data!.transitionCase.serviceCase!;
    expect(cancelled).toMatchObject({ status: "CANCELLED", quotaEffect: "CONSUMED", step: { order: 3 } });
  });

  it("FAMILY_DOCTOR.介绍.1 为被保险人及家人提供图片、文字等无限次的专业解答 — a family member may consult; only the family doctor serves them", async () => {
    const family = await submit({ policyNo: "CASE-1", benefit: "FAMILY_DOCTOR", applicant: "FAMILY_MEMBER" });
    expect(family.data?.submitCase.userErrors).toEqual([]);
    expect(family.data?.submitCase.serviceCase).toMatchObject({ applicant: "FAMILY_MEMBER", status: "SUBMITTED" });
    const other = await submit({ policyNo: "CASE-1", benefit: "SECOND_OPINION", applicant: "FAMILY_MEMBER" });
    expect(other.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([["APPLICANT_NOT_FOR_BENEFIT", ["input", "applicant"]]]);
    expect(other.data?.submitCase.serviceCase).toBeNull();
  });

  it("applies the advance-payment rules: admission notice, social insurance, first advance", async () => {
    const base = { policyNo: "CASE-CANCER", benefit: "INPATIENT_ADVANCE_PAYMENT" as const, applicant: "INSURED" as const, place: "武汉" };
    const noDate = await submit(base);
    // ADVANCE.提示.4.2: an insured with social insurance must say whether the treatment settles through it.
    expect(noDate.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["PLANNED_ADMISSION_DATE_REQUIRED", ["input", "plannedAdmissionDate"]],
      ["SOCIAL_INSURANCE_SETTLEMENT_REQUIRED", ["input", "usesSocialInsuranceSettlement"]],
    ]);
    const tooSoon = await submit({ ...base, plannedAdmissionDate: "2026-03-06", usesSocialInsuranceSettlement: true });
    expect(tooSoon.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([["ADMISSION_TOO_SOON", ["input", "plannedAdmissionDate"]]]);
    expect(tooSoon.data?.submitCase.eligibility?.reasons).toEqual([{ code: "ADMISSION_TOO_SOON", date: "2026-03-01" }]);
    const noSettlement = await submit({ ...base, plannedAdmissionDate: "2026-03-09", usesSocialInsuranceSettlement: false });
    expect(noSettlement.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE"]);
    const ok = await submit({ ...base, plannedAdmissionDate: "2026-03-09", usesSocialInsuranceSettlement: true });
    expect(ok.data?.submitCase.userErrors).toEqual([]);
    expect(ok.data?.submitCase.eligibility?.warnings.map((w) => w.code)).toEqual(["PATHOLOGY_REPORT_REQUIRED", "FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    const c = ok.data!.submitCase.serviceCase!;
    expect(c.missingDocuments).toEqual(["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT", "PATHOLOGY_REPORT"]);
    // ADVANCE.提示.2.1 之前已因相同疾病住院成功申请过: the first case was never carried out, so a second is still a first advance.
    const later = await submit({ ...base, plannedAdmissionDate: "2026-04-09", usesSocialInsuranceSettlement: true });
    expect(later.data?.submitCase.eligibility?.warnings.map((w) => w.code)).toEqual(["PATHOLOGY_REPORT_REQUIRED", "FIRST_ADVANCE_MAY_NEED_REVIEW"]);
  });

  it("caps Japan accompaniment at 40 hours and needs the acceptance letter before the visa step", async () => {
    let c = (await submit({ policyNo: "CASE-CANCER", benefit: "JAPAN_TREATMENT", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "a" }, { kind: "PATHOLOGY_REPORT", reference: "b" }] })).data!.submitCase.serviceCase!;
    c = (await move(c.id, "START_REVIEW", c.version)).data!.transitionCase.serviceCase!;
    c = (await move(c.id, "APPROVE", c.version)).data!.transitionCase.serviceCase!;
    const noLetter = await move(c.id, "SCHEDULE", c.version, { scheduledFor: "2026-04-01" });
    expect(noLetter.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["DOCUMENTS_REQUIRED"]);
    c = (await server.request(AddCaseDocumentsDocument, { input: { caseId: c.id, documents: [{ kind: "HOSPITAL_ACCEPTANCE_LETTER", reference: "letter" }], expectedVersion: c.version } }, admin)).data!.addCaseDocuments.serviceCase!;
    c = (await move(c.id, "SCHEDULE", c.version, { scheduledFor: "2026-04-01" })).data!.transitionCase.serviceCase!;
    // JAPAN.流程.8 被保险人须配合签署直付和理赔授权书 — before the treatment step.
    const unsigned = await move(c.id, "START", c.version);
    expect(unsigned.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["DOCUMENTS_REQUIRED"]);
    const signed = [{ kind: "DIRECT_BILLING_AUTHORIZATION" as const, reference: "db" }, { kind: "CLAIM_AUTHORIZATION" as const, reference: "ca" }];
    c = (await server.request(AddCaseDocumentsDocument, { input: { caseId: c.id, documents: signed, expectedVersion: c.version } }, admin)).data!.addCaseDocuments.serviceCase!;
    c = (await move(c.id, "START", c.version)).data!.transitionCase.serviceCase!;
    c = (await move(c.id, "RECORD_ACCOMPANIMENT", c.version, { accompanimentHours: 32 })).data!.transitionCase.serviceCase!;
    const over = await move(c.id, "RECORD_ACCOMPANIMENT", c.version, { accompanimentHours: 8.5 });
    expect(over.data?.transitionCase.userErrors.map((e) => [e.code, e.field])).toEqual([["ACCOMPANIMENT_LIMIT_EXCEEDED", ["input", "accompanimentHours"]]]);
    c = (await move(c.id, "RECORD_ACCOMPANIMENT", c.version, { accompanimentHours: 8 })).data!.transitionCase.serviceCase!;
    expect(c.accompanimentHours).toBe(40);
    expect(c.step.order).toBe(10);
  });

  it("needs a covered place for city-list services and shows what it understood", async () => {
    const none = await submit({ policyNo: "CASE-2", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", careKind: "INPATIENT" });
    expect(none.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([["PLACE_REQUIRED", ["input", "place"]]]);
    const outside = await submit({ policyNo: "CASE-2", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", careKind: "INPATIENT", place: "三沙" });
    expect(outside.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["PLACE_NOT_COVERED"]);
    const unknown = await submit({ policyNo: "CASE-2", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", careKind: "INPATIENT", place: "朝阳区" });
    expect(unknown.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_PLACE"]);
    // GREEN_CHANNEL.流程.2 我司服务人员与被保险人确认就诊城市、医院、科室、就诊日期、是否已具住院单等信息
    const ok = await submit({ policyNo: "CASE-2", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", careKind: "SURGERY", place: "襄樊", hospitalName: "襄阳市中心医院", department: "胸外科" });
    const c = ok.data!.submitCase.serviceCase!;
    expect(c.missingDocuments).toEqual(["OUTPATIENT_RECORD", "SURGERY_NOTICE"]);
    const read = await server.request(ServiceCaseDocument, { caseNo: c.caseNo }, admin);
    expect(read.data?.serviceCase?.place).toEqual({ code: "420600", name: "襄阳市" });
    expect(read.data?.serviceCase?.visit).toEqual({ careKind: "SURGERY", hospitalName: "襄阳市中心医院", department: "胸外科" });
  });

  it("keeps the event log append-only in the database", async () => {
    await expect(server.database.db.execute(sql`update case_event set note = 'x'`)).rejects.toThrow();
    await expect(server.database.db.execute(sql`delete from case_event`)).rejects.toThrow();
  });

  it("refuses bad documents and unknown policies with userErrors", async () => {
    const bad = await submit({ policyNo: "CASE-2", benefit: "SECOND_OPINION", applicant: "INSURED", documents: [{ kind: "OTHER", reference: " ", receivedAt: "2030-01-01T00:00:00Z" }] });
    expect(bad.data?.submitCase.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_DOCUMENT_REFERENCE", ["input", "documents", "0", "reference"]],
      ["RECEIVED_IN_FUTURE", ["input", "documents", "0", "receivedAt"]],
    ]);
    const unknown = await submit({ policyNo: "NOPE-9", benefit: "SECOND_OPINION", applicant: "INSURED" });
    expect(unknown.data?.submitCase.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_POLICY"]);
  });

  it("pages policies with entitlements and cases in the same number of statements for 10 and 100 policies", async () => {
    for (let i = 0; i < 100; i++) {
      const no = `PC-${String(i).padStart(3, "0")}`;
      await policyWithDiagnosis(server, no);
      if (i % 3 === 0) {
        await submit({ policyNo: no, benefit: "FAMILY_DOCTOR", applicant: "INSURED" });
        await submit({ policyNo: no, benefit: "SECOND_OPINION", applicant: "INSURED" });
      }
    }
    const counted = async (first: number) => {
      const start = statementsSoFar();
      const response = await server.request(PoliciesWithCasesDocument, { first, prefix: "PC-" }, admin);
      return { statements: statementsSoFar() - start, response };
    };
    const ten = await counted(10);
    const hundred = await counted(100);
    expect(hundred.response.errors).toBeUndefined();
    expect(hundred.response.data?.policies.edges).toHaveLength(100);
    expect(hundred.response.data?.policies.edges[99]?.node.cases.totalCount).toBe(2);
    expect(hundred.response.data?.policies.edges[98]?.node.cases.totalCount).toBe(0);
    expect(hundred.response.data?.policies.edges[0]?.node.entitlements.length).toBeGreaterThan(0);
    expect(ten.statements).toBeGreaterThan(0);
    expect(hundred.statements).toBe(ten.statements);
  });

  it("a policy update that would drop a benefit an open case holds is refused, and what it wrote before finding out is rolled back", async () => {
    await policyWithDiagnosis(server, "CASE-HELD");
    const opened = await submit({ policyNo: "CASE-HELD", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "襄阳" });
    expect(opened.data?.submitCase.userErrors).toEqual([]);
    const before = await server.request(PolicyEntitlementsDocument, { policyNo: "CASE-HELD" }, admin);

    const refused = await server.request(
      UpsertPolicyDocument,
      {
        input: {
          policyNo: "CASE-HELD",
          status: "ACTIVE",
          effectiveFrom: "2025-07-01",
          effectiveTo: "2026-06-30",
          waitingPeriodEndsOn: "2025-09-28",
          hasSocialInsurance: false,
          insured: { name: "改名测试", idNumber: idNumber("19800101") },
          benefits: ["FAMILY_DOCTOR"],
        },
      },
      admin,
    );
    expect(refused.data?.upsertPolicy).toEqual({
      policy: null,
      userErrors: [
        {
          code: "BENEFIT_IN_USE",
          field: ["input", "benefits"],
          message: {
            zh: "以下权益已使用或有处理中的申请，不能移除：GREEN_CHANNEL_OUTPATIENT",
            en: "These benefits are used or held by open cases and cannot be removed: GREEN_CHANNEL_OUTPATIENT",
          },
        },
      ],
    });
    const after = await server.request(PolicyEntitlementsDocument, { policyNo: "CASE-HELD" }, admin);
    expect(after.data?.policy?.insured.name).toBe("案件测试");
    expect(after.data).toEqual(before.data);
  });
});
