// Each service's own workflow through the graph, as a partner records it over weeks: milestones,
// clocks that start, pause and are met between them, and quota by the handbook's words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/context/clock.js";
import { AddCaseDocumentsDocument, PolicyCasesDocument, SubmitCaseDocument, TransitionCaseDocument, type CaseAction, type DocumentKind, type SubmitCaseInput } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };

describe.each(testTargets())("service workflows on %s", (kind) => {
  let server: TestServer;
  let current = new Date("2026-03-02T02:00:00Z");
  const clock: Clock = { now: () => new Date(current) };
  /** 10:00 in Shanghai on `day`. */
  const on = (day: string) => {
    current = new Date(`${day}T10:00:00+08:00`);
  };
  let seq = 0;
  const submit = (input: Omit<SubmitCaseInput, "idempotencyKey">) => server.request(SubmitCaseDocument, { input: { idempotencyKey: `wf-${kind}-${++seq}`, ...input } }, admin);
  const move = async (c: { id: string; version: number }, action: CaseAction, extra: Record<string, unknown> = {}) => {
    const result = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version, ...extra } }, admin);
    return result.data!.transitionCase;
  };
  const step = async (c: { id: string; version: number }, action: CaseAction, extra: Record<string, unknown> = {}) => {
    const moved = await move(c, action, extra);
    expect(moved.userErrors, action).toEqual([]);
    return moved.serviceCase!;
  };
  const attach = async (c: { id: string; version: number }, ...kinds: DocumentKind[]) => {
    const added = await server.request(AddCaseDocumentsDocument, { input: { caseId: c.id, documents: kinds.map((kind) => ({ kind, reference: `ref-${kind}` })), expectedVersion: c.version } }, admin);
    expect(added.data?.addCaseDocuments.userErrors).toEqual([]);
    return added.data!.addCaseDocuments.serviceCase!;
  };
  const entitlement = async (policyNo: string, benefit: string) =>
    (await server.request(PolicyCasesDocument, { policyNo, first: 1 }, admin)).data!.policy!.entitlements.find((e) => e.benefit === benefit)!;
  /** An advance payment on WF-ADVANCE with its documents complete, for admission on `plannedAdmissionDate`. */
  const advance = (plannedAdmissionDate: string) => ({
    policyNo: "WF-ADVANCE",
    benefit: "INPATIENT_ADVANCE_PAYMENT" as const,
    applicant: "INSURED" as const,
    place: "武汉",
    plannedAdmissionDate,
    usesSocialInsuranceSettlement: true,
    documents: (["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"] as const).map((kind) => ({ kind, reference: kind })),
  });
  const states = (c: { sla: { milestone: string; state: string }[] }) => Object.fromEntries(c.sla.map((s) => [s.milestone, s.state]));

  beforeAll(async () => {
    on("2026-03-02");
    server = await startTestServer(kind, { clock });
    await policyWithDiagnosis(server, "WF-JAPAN", "MALIGNANT_TUMOR", { benefits: ["JAPAN_TREATMENT", "GENE_TEST"] });
    await policyWithDiagnosis(server, "WF-ADVANCE");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("JAPAN.流程.3 经我司审核，2个工作日内通知审核结果 — JAPAN.流程.12 治疗结束回国，服务商收集资料 — a Japan case walked step by step meets all four clocks", async () => {
    on("2026-03-02");
    const submitted = await submit({ policyNo: "WF-JAPAN", benefit: "JAPAN_TREATMENT", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] });
    expect(submitted.data?.submitCase.userErrors).toEqual([]);
    let c = submitted.data!.submitCase.serviceCase!;
    // JAPAN.条件.2: the pathology report is one option among records, not a must.
    expect(c).toMatchObject({ status: "SUBMITTED", missingDocuments: [], stage: { code: "SUBMITTED" } });

    on("2026-03-03");
    c = await step(c, "START_REVIEW");
    on("2026-03-04");
    c = await step(c, "APPROVE");
    expect(c.step.order).toBe(4);
    on("2026-03-05");
    c = await step(c, "NOTIFY_START");
    expect(c).toMatchObject({ status: "APPROVED", stage: { code: "SERVICE_STARTED" }, step: { order: 5 } });
    on("2026-03-09");
    c = await step(c, "ASSIGN_SPECIALIST");
    on("2026-03-20");
    c = await step(c, "REQUEST_HOSPITAL_ACCEPTANCE");
    on("2026-04-10");
    const early = await move(c, "RECORD_HOSPITAL_ACCEPTANCE");
    expect(early.userErrors.map((e) => e.code)).toEqual(["DOCUMENTS_REQUIRED"]);
    c = await attach(c, "HOSPITAL_ACCEPTANCE_LETTER");
    c = await step(c, "RECORD_HOSPITAL_ACCEPTANCE", { hospitalName: "癌研有明医院" });
    const waiting = c.sla.find((s) => s.milestone === "ARRANGEMENT_COMPLETE")!;
    expect(waiting).toMatchObject({ state: "PAUSED", pausedReason: "AWAITING_VISA", pausedSince: "2026-03-20", dueOn: null });
    on("2026-04-24");
    c = await step(c, "RECORD_VISA_ISSUED");
    on("2026-04-28");
    c = await attach(c, "DIRECT_BILLING_AUTHORIZATION", "CLAIM_AUTHORIZATION");
    c = await step(c, "SET_UP_DIRECT_BILLING");
    on("2026-05-20");
    c = await step(c, "SCHEDULE", { scheduledFor: "2026-05-25" });
    expect(c).toMatchObject({ status: "SCHEDULED", step: { order: 9 }, quotaEffect: "RESERVED" });
    expect(states(c)).toEqual({ REVIEW_RESULT: "MET", START_NOTICE: "MET", SPECIALIST_ASSIGNED: "MET", ARRANGEMENT_COMPLETE: "MET" });
    expect(c.milestones.map((m) => m.code)).toEqual([
      "DOCUMENTS_COMPLETE",
      "REVIEW_STARTED",
      "REVIEW_RESULT",
      "APPROVED",
      "START_NOTICE",
      "SPECIALIST_ASSIGNED",
      "ACCEPTANCE_REQUESTED",
      "HOSPITAL_ACCEPTED",
      "VISA_ISSUED",
      "DIRECT_BILLING_SET_UP",
      "ARRANGED",
    ]);

    on("2026-05-25");
    c = await step(c, "START");
    c = await step(c, "RECORD_ADMISSION");
    expect(c).toMatchObject({ status: "IN_PROGRESS", stage: { code: "ADMITTED" }, step: { order: 11 } });
    on("2026-06-20");
    c = await attach(c, "DISCHARGE_SUMMARY", "HOSPITAL_INVOICE");
    c = await step(c, "COMPLETE");
    expect(c).toMatchObject({ status: "COMPLETED", quotaEffect: "CONSUMED", step: { order: 12 } });
    expect(await entitlement("WF-JAPAN", "JAPAN_TREATMENT")).toMatchObject({ used: 1, reserved: 0 });
  });

  it("JAPAN.提示.2 …医疗签证无法办理…亦视为本项服务已完成: an own failure once started counts as used", async () => {
    on("2026-03-02");
    let c = (await submit({ policyNo: "WF-JAPAN", benefit: "JAPAN_TREATMENT", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] })).data!.submitCase.serviceCase!;
    const before = await entitlement("WF-JAPAN", "JAPAN_TREATMENT");
    for (const action of ["START_REVIEW", "APPROVE", "NOTIFY_START", "ASSIGN_SPECIALIST"] as const) c = await step(c, action);
    c = await step(c, "RECORD_INSURED_FAILURE", { note: "医疗签证无法办理" });
    expect(c).toMatchObject({ status: "NO_SHOW", stage: { code: "INSURED_FAILURE" }, quotaEffect: "CONSUMED", step: { order: 5 } });
    expect(await entitlement("WF-JAPAN", "JAPAN_TREATMENT")).toMatchObject({ used: before.used + 1, reserved: before.reserved - 1 });
  });

  it("GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消: refused, and nothing written", async () => {
    on("2026-03-02");
    let c = (await submit({ policyNo: "WF-JAPAN", benefit: "GENE_TEST", applicant: "INSURED", place: "上海", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] })).data!.submitCase.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE", "START_SAMPLE_COLLECTION"] as const) c = await step(c, action);
    const refused = await move(c, "CANCEL");
    expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([["CANCELLATION_NOT_ALLOWED", ["input", "action"]]]);
    expect(refused.userErrors[0]!.message.zh).toBe("本服务自启动样本采集开始，不可取消。");
    const again = await step(c, "START"); // the version did not move
    expect(again).toMatchObject({ status: "IN_PROGRESS", version: c.version + 1 });
  });

  it("ADVANCE.提示.1 …责任认定完成后，方可为被保险人提供本服务: the arrangement clock pauses — ADVANCE.提示.2.1 如被保险人之前已因相同疾病住院成功申请过我司垫付服务 — a carried-out advance for the same illness counts", async () => {
    on("2026-03-02");
    const input = advance("2026-03-20");
    const first = await submit(input);
    expect(first.data?.submitCase.eligibility?.warnings.map((w) => w.code)).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    let c = first.data!.submitCase.serviceCase!;
    on("2026-03-03");
    c = await step(c, "START_REVIEW");
    c = await step(c, "REQUEST_LIABILITY_REVIEW");
    on("2026-03-13");
    const paused = c.sla.find((s) => s.milestone === "ADVANCE_ARRANGED")!;
    expect(paused).toMatchObject({ state: "PAUSED", pausedReason: "LIABILITY_REVIEW", pausedSince: "2026-03-03" });
    c = await step(c, "APPROVE");
    // Paused 03-03 → 03-13 (8 working days): due 5 + 8 working days after 03-02, not breached.
    expect(c.sla.find((s) => s.milestone === "ADVANCE_ARRANGED")).toMatchObject({ state: "ON_TRACK", dueOn: "2026-03-19", pausedWorkingDays: 8 });
    c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-20" });
    expect(c.sla.find((s) => s.milestone === "ADVANCE_ARRANGED")).toMatchObject({ state: "MET" });

    const notYet = await submit({ ...input, plannedAdmissionDate: "2026-04-20" });
    expect(notYet.data?.submitCase.eligibility?.warnings.map((w) => w.code)).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    on("2026-03-20");
    c = await attach(c, "ADVANCE_CONSENT", "CLAIM_AUTHORIZATION");
    c = await step(c, "START");
    const repeat = await submit({ ...input, plannedAdmissionDate: "2026-04-20" });
    expect(repeat.data?.submitCase.userErrors).toEqual([]);
    expect(repeat.data?.submitCase.eligibility?.warnings).toEqual([]);
  });

  it("ADVANCE.提示.5.2 …或拒绝签署医疗垫付知情同意书和理赔授权书，亦视为本项服务已完成", async () => {
    on("2026-03-02");
    const input = advance("2026-03-30");
    let c = (await submit(input)).data!.submitCase.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
    c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-30" });
    // 流程 5 在预约日期…办理住院: the refusal happens at the admission, on the appointment day.
    const early = await move(c, "RECORD_REFUSAL_TO_SIGN");
    expect(early.userErrors.map((e) => [e.code, e.field])).toEqual([["BEFORE_APPOINTMENT_DAY", ["input", "occurredAt"]]]);
    on("2026-03-30");
    c = await step(c, "RECORD_REFUSAL_TO_SIGN");
    expect(c).toMatchObject({ status: "NO_SHOW", stage: { code: "REFUSED_TO_SIGN" }, quotaEffect: "CONSUMED", step: { order: 5 } });
  });
});
