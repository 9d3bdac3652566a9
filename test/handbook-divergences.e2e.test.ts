// The handbook's last divergences, tried through the API as an insurer's reviewer and a partner
// would: each test names the clause it follows and quotes its sentence (data/handbook).
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { sql } from "drizzle-orm";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/context/clock.js";
import { queryRows } from "../src/db/driver/rows.js";
import { PolicyEntitlementsDocument, RecordDiagnosisDocument, SubmitCaseDocument, TransitionCaseDocument, type CaseAction, type SubmitCaseInput } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = (text: string) => parse(text) as unknown as TypedDocumentNode<any, any>;

const DIAGNOSIS_IDS = gql(`query ($policyNo: String!) { policy(policyNo: $policyNo) { diagnoses { id category firstDiagnosedOn } } }`);
const CASE_EXTRAS = gql(`query ($caseNo: String!) { serviceCase(caseNo: $caseNo) { advance { outOfArea sharePercent } mdtPanel { departments } stage { code } quotaEffect } }`);
const SUSPEND = gql(`mutation ($input: SuspendServiceFeatureInput!) { suspendServiceFeature(input: $input) { suspension { id feature startsOn endsOn reason } userErrors { code field } } }`);
const LIFT = gql(`mutation ($id: ID!) { liftServiceSuspension(id: $id) { suspension { liftedAt } userErrors { code field } } }`);
const SUSPENSIONS = gql(`{ serviceSuspensions { feature startsOn endsOn reason } }`);

describe.each(testTargets())("the handbook's last divergences on %s", (kind) => {
  let server: TestServer;
  let current = new Date("2026-03-02T02:00:00Z");
  const clock: Clock = { now: () => new Date(current) };
  /** 10:00 in Shanghai on `day`. */
  const on = (day: string) => {
    current = new Date(`${day}T10:00:00+08:00`);
  };
  let seq = 0;
  const submit = (input: Omit<SubmitCaseInput, "idempotencyKey">) => server.request(SubmitCaseDocument, { input: { idempotencyKey: `div-${kind}-${++seq}`, ...input } }, admin);
  const move = async (c: { id: string; version: number }, action: CaseAction, extra: Record<string, unknown> = {}) =>
    (await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version, ...extra } }, admin)).data!.transitionCase;
  const step = async (c: { id: string; version: number }, action: CaseAction, extra: Record<string, unknown> = {}) => {
    const moved = await move(c, action, extra);
    expect(moved.userErrors, action).toEqual([]);
    return moved.serviceCase!;
  };
  const refusal = (errors: readonly { code: string; field?: readonly string[] | null }[]) => errors.map((e) => [e.code, e.field?.join(".")]);
  const entitlements = async (policyNo: string) => (await server.request(PolicyEntitlementsDocument, { policyNo }, admin)).data!.policy!.entitlements;
  const caseCount = async (policyNo: string) =>
    (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from service_case c join policy p on p.id = c.policy_id where p.policy_no = ${policyNo}`))[0]!.n;
  const docs = (...kinds: string[]) => kinds.map((kind) => ({ kind, reference: `ref-${kind}` })) as SubmitCaseInput["documents"];

  beforeAll(async () => {
    on("2026-03-02");
    server = await startTestServer(kind, { clock });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("初次罹患 is the first diagnosis ever of the category (every service's 服务条件 1)", () => {
    beforeAll(async () => {
      // The fixture's policy: waiting period to 2025-09-28; a tumour recorded on 2025-12-01, after it…
      await policyWithDiagnosis(server, "DIV-WAIT", "MALIGNANT_TUMOR");
      // …and first diagnosed inside the waiting period, recorded second.
      const early = await server.request(RecordDiagnosisDocument, { input: { policyNo: "DIV-WAIT", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-09-01" } }, admin);
      expect(early.data?.recordDiagnosis.userErrors).toEqual([]);
    });

    it("GENE_TEST.条件.1 保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时可向我司申请本服务 — no benefit that needs the illness answers eligible", async () => {
      for (const e of await entitlements("DIV-WAIT")) {
        if (e.benefit === "FAMILY_DOCTOR") {
          expect(e.eligibility.eligible, e.benefit).toBe(true);
          continue;
        }
        expect(e.eligibility.eligible, e.benefit).toBe(false);
        expect(e.eligibility.reasons.map((r) => [r.code, r.date]), e.benefit).toEqual([["DIAGNOSED_IN_WAITING_PERIOD", "2025-09-01"]]);
      }
    });

    it("GENE_TEST.条件.1 保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时可向我司申请本服务 — submitCase refuses, dry run or not, and writes nothing", async () => {
      const gene = { policyNo: "DIV-WAIT", benefit: "GENE_TEST" as const, applicant: "INSURED" as const, place: "上海", documents: docs("OUTPATIENT_RECORD") };
      for (const dryRun of [true, false]) {
        const refused = (await submit({ ...gene, dryRun })).data!.submitCase;
        expect(refused.serviceCase).toBeNull();
        expect(refused.userErrors.map((e) => e.code)).toContain("DIAGNOSED_IN_WAITING_PERIOD");
        expect(refused.userErrors.find((e) => e.code === "DIAGNOSED_IN_WAITING_PERIOD")!.message.en).toContain("2025-09-01");
      }
      expect(await caseCount("DIV-WAIT")).toBe(0);
    });

    it("GREEN_CHANNEL.条件.1 保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的重大疾病时，可向我司申请本服务 — naming the later record is refused with the date of the first", async () => {
      const diagnoses = (await server.request(DIAGNOSIS_IDS, { policyNo: "DIV-WAIT" }, admin)).data.policy.diagnoses as { id: string; firstDiagnosedOn: string }[];
      const later = diagnoses.find((d) => d.firstDiagnosedOn === "2025-12-01")!;
      const refused = (await submit({ policyNo: "DIV-WAIT", benefit: "SECOND_OPINION", applicant: "INSURED", diagnosisId: later.id, documents: docs("OUTPATIENT_RECORD") })).data!.submitCase;
      expect(refused.serviceCase).toBeNull();
      expect(refusal(refused.userErrors)).toEqual([["DIAGNOSED_IN_WAITING_PERIOD", "input.diagnosisId"]]);
      expect(refused.userErrors[0]!.message.zh).toContain("2025-09-01");
      expect(await caseCount("DIV-WAIT")).toBe(0);
    });

    it("MDT.条件.1 保单有效期内且等待期后，被保险人初次罹患本保险产品条款保障范围内的重大疾病，可申请本服务 — another illness first diagnosed after the waiting period opens the critical-illness services, and a case naming none attaches to it", async () => {
      await policyWithDiagnosis(server, "DIV-TWO", "MALIGNANT_TUMOR");
      await server.request(RecordDiagnosisDocument, { input: { policyNo: "DIV-TWO", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-15" } }, admin);
      await server.request(RecordDiagnosisDocument, { input: { policyNo: "DIV-TWO", category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2026-01-10" } }, admin);
      const byBenefit = Object.fromEntries((await entitlements("DIV-TWO")).map((e) => [e.benefit, e.eligibility]));
      expect(byBenefit.SECOND_OPINION!.eligible).toBe(true);
      expect(byBenefit.GENE_TEST!.reasons.map((r) => [r.code, r.date])).toEqual([["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-15"]]);

      const opened = (await submit({ policyNo: "DIV-TWO", benefit: "SECOND_OPINION", applicant: "INSURED", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase;
      expect(opened.userErrors).toEqual([]);
      const [attached] = await queryRows<{ category: string; first_diagnosed_on: string }>(
        server.database.db,
        sql`select d.category, d.first_diagnosed_on::text from service_case c join diagnosis d on d.id = c.diagnosis_id where c.case_no = ${opened.serviceCase!.caseNo}`,
      );
      expect(attached).toEqual({ category: "CRITICAL_ILLNESS", first_diagnosed_on: "2026-01-10" });
    });
  });

  describe("a no-show, an admission or an attendance is recorded on or after its appointment day", () => {
    it("GREEN_CHANNEL.提示.2 若我司已为被保险人完成门诊、住院安排，但由于被保险人迟到、爽约等个人原因导致号源或床位失效，最终未能在预定时间就医，亦视为本项服务已完成 — a no-show weeks early is refused and spends nothing", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-GREEN");
      let c = (await submit({ policyNo: "DIV-GREEN", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "襄阳", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-25" });
      for (const action of ["RECORD_NO_SHOW", "START", "COMPLETE"] as const) {
        const early = await move(c, action);
        expect(refusal(early.userErrors), action).toEqual([["BEFORE_APPOINTMENT_DAY", "input.occurredAt"]]);
        expect(early.userErrors[0]!.message.en).toContain("2026-03-25");
      }
      const green = (await entitlements("DIV-GREEN")).find((e) => e.benefit === "GREEN_CHANNEL_OUTPATIENT")!;
      expect([green.used, green.reserved]).toEqual([0, 1]);
      on("2026-03-25");
      c = await step(c, "RECORD_NO_SHOW");
      expect(c).toMatchObject({ status: "NO_SHOW", quotaEffect: "CONSUMED" });
    });

    it("ADVANCE.流程.5 我司服务人员协助被保险人在预约日期至医院办理住院，签署授权书 — no admission before the appointment day", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-ADV");
      let c = (await submit({ ...advance("DIV-ADV", "2026-03-20") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-20" });
      const signed = await server.request(
        gql(`mutation ($input: AddCaseDocumentsInput!) { addCaseDocuments(input: $input) { serviceCase { id version } userErrors { code } } }`),
        { input: { caseId: c.id, expectedVersion: c.version, documents: docs("ADVANCE_CONSENT", "CLAIM_AUTHORIZATION") } },
        admin,
      );
      c = { ...c, version: signed.data.addCaseDocuments.serviceCase.version };
      expect(refusal((await move(c, "START")).userErrors)).toEqual([["BEFORE_APPOINTMENT_DAY", "input.occurredAt"]]);
      expect(refusal((await move(c, "RECORD_NO_SHOW")).userErrors)).toEqual([["BEFORE_APPOINTMENT_DAY", "input.occurredAt"]]);
      on("2026-03-20");
      c = await step(c, "START");
      expect(c.status).toBe("IN_PROGRESS");
    });
  });

  describe("cancellation, one reading per service", () => {
    const mdtCase = async (policyNo: string, scheduledFor: string) => {
      let c = (await submit({ policyNo, benefit: "MDT_CONSULTATION", applicant: "INSURED", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      return step(c, "SCHEDULE", { scheduledFor, departments: ["肿瘤内科", "放疗科", "胸外科"] });
    };

    it("MDT.提示.3 如我司已为被保险人完成本服务安排，但被保险人未在预定时间参加，亦视为本项服务已完成，须计入有效服务次数 — a cancellation before the day gives the use back, one on the day spends it", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-MDT");
      const before = await step(await mdtCase("DIV-MDT", "2026-03-16"), "CANCEL");
      expect(before).toMatchObject({ status: "CANCELLED", quotaEffect: "RELEASED" });
      let mdt = (await entitlements("DIV-MDT")).find((e) => e.benefit === "MDT_CONSULTATION")!;
      expect([mdt.used, mdt.reserved, mdt.remaining]).toEqual([0, 0, 1]);

      const arranged = await mdtCase("DIV-MDT", "2026-03-16");
      on("2026-03-16");
      const late = await step(arranged, "CANCEL");
      expect(late).toMatchObject({ status: "CANCELLED", quotaEffect: "CONSUMED" });
      mdt = (await entitlements("DIV-MDT")).find((e) => e.benefit === "MDT_CONSULTATION")!;
      expect([mdt.used, mdt.reserved, mdt.remaining]).toEqual([1, 0, 0]);
    });

    it("ADVANCE.提示.5.2 若我司已为被保险人完成服务安排，但被保险人未在预定时间办理住院…亦视为本项服务已完成 — a cancellation before the appointment day is released", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-ADV-C");
      let c = (await submit(advance("DIV-ADV-C", "2026-03-20"))).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-20" });
      expect(await step(c, "CANCEL")).toMatchObject({ status: "CANCELLED", quotaEffect: "RELEASED" });
    });

    it("GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消 — the green channel keeps its cut-off before the day", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-GREEN-C");
      let c = (await submit({ policyNo: "DIV-GREEN-C", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "襄阳", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-25" });
      expect(refusal((await move(c, "CANCEL")).userErrors)).toEqual([["CANCELLATION_NOT_ALLOWED", "input.action"]]);
    });
  });

  it("ADVANCE.提示.4.1 若被保险人以有社会医疗保险身份参保并罹患符合本保险产品条款保障范围内的恶性肿瘤需在异地就医时，在被保险人使用社保直接结算医疗费用的情况下，可享受保障范围内住院费用100%垫付服务。", async () => {
    on("2026-03-02");
    await policyWithDiagnosis(server, "DIV-AREA", "MALIGNANT_TUMOR");
    const read = async (caseNo: string) => (await server.request(CASE_EXTRAS, { caseNo }, admin)).data.serviceCase;
    const away = (await submit({ ...advance("DIV-AREA", "2026-03-20"), outOfArea: true, documents: docs("OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT", "PATHOLOGY_REPORT") })).data!.submitCase;
    expect(away.userErrors).toEqual([]);
    expect((await read(away.serviceCase!.caseNo)).advance).toEqual({ outOfArea: true, sharePercent: 100 });
    const local = (await submit({ ...advance("DIV-AREA", "2026-03-23"), outOfArea: false, documents: docs("OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT", "PATHOLOGY_REPORT") })).data!.submitCase;
    expect((await read(local.serviceCase!.caseNo)).advance).toEqual({ outOfArea: false, sharePercent: null });
    const misplaced = (await submit({ policyNo: "DIV-AREA", benefit: "SECOND_OPINION", applicant: "INSURED", outOfArea: true })).data!.submitCase;
    expect(refusal(misplaced.userErrors)).toEqual([["FIELD_NOT_FOR_BENEFIT", "input.outOfArea"]]);
  });

  it("GENE_TEST.提示.1 若被保险人未在保单有效期内申请本服务或无法提供检测样本，则本服务随保单有效期到期终止。", async () => {
    on("2026-03-02");
    await policyWithDiagnosis(server, "DIV-GENE", "MALIGNANT_TUMOR");
    let c = (await submit({ policyNo: "DIV-GENE", benefit: "GENE_TEST", applicant: "INSURED", place: "上海", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE", "START_SAMPLE_COLLECTION", "RECORD_NO_SAMPLE"] as const) c = await step(c, action);
    expect(c).toMatchObject({ status: "SCHEDULED", stage: { code: "AWAITING_SAMPLE" }, quotaEffect: "RESERVED" });
    // The policy runs to 2026-06-30: until then the case cannot be ended, cancelled or rejected.
    expect(refusal((await move(c, "END_WITH_POLICY")).userErrors)).toEqual([["POLICY_STILL_IN_FORCE", "input.action"]]);
    expect(refusal((await move(c, "CANCEL")).userErrors)).toEqual([["CANCELLATION_NOT_ALLOWED", "input.action"]]);
    on("2026-07-01");
    c = await step(c, "END_WITH_POLICY");
    expect(c).toMatchObject({ status: "CANCELLED", stage: { code: "ENDED_WITH_POLICY" }, quotaEffect: "RELEASED" });
    const gene = (await entitlements("DIV-GENE")).find((e) => e.benefit === "GENE_TEST")!;
    expect([gene.used, gene.reserved]).toEqual([0, 0]);
  });

  it("GENE_TEST.提示.1 …则本服务随保单有效期到期终止 — the sweep ends a case waiting for a sample when its policy ends, and gives the use back", async () => {
    on("2026-03-02");
    await policyWithDiagnosis(server, "DIV-GENE-2", "MALIGNANT_TUMOR");
    let c = (await submit({ policyNo: "DIV-GENE-2", benefit: "GENE_TEST", applicant: "INSURED", place: "上海", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE", "START_SAMPLE_COLLECTION", "RECORD_NO_SAMPLE"] as const) c = await step(c, action);
    const stage = async () => (await server.request(CASE_EXTRAS, { caseNo: c.caseNo }, admin)).data.serviceCase;
    on("2026-06-30");
    await server.runtime.slaSweeper.runOnce();
    expect((await stage()).stage.code).toBe("AWAITING_SAMPLE");
    on("2026-07-01");
    await server.runtime.slaSweeper.runOnce();
    expect(await stage()).toMatchObject({ stage: { code: "ENDED_WITH_POLICY" }, quotaEffect: "RELEASED" });
    const [event] = await queryRows<{ actor: string; action: string }>(
      server.database.db,
      sql`select e.actor, e.action from case_event e join service_case c on c.id = e.case_id where c.case_no = ${c.caseNo} order by e.id desc limit 1`,
    );
    expect(event).toEqual({ actor: "system:policy-end", action: "END_WITH_POLICY" });
    const gene = (await entitlements("DIV-GENE-2")).find((e) => e.benefit === "GENE_TEST")!;
    expect([gene.used, gene.reserved]).toEqual([0, 0]);
  });

  describe("MDT", () => {
    it("MDT.提示.1.4 ②疫情期间因各医院防控要求不同，暂不支持此代诊服务。 — an operator suspends attendance by proxy for a period; in person still goes", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-PROXY");
      const suspended = (await server.request(SUSPEND, { input: { feature: "MDT_PROXY_ATTENDANCE", startsOn: "2026-03-01", endsOn: "2026-03-31", reason: "疫情防控" } }, admin)).data
        .suspendServiceFeature;
      expect(suspended.userErrors).toEqual([]);
      expect((await server.request(SUSPENSIONS)).data.serviceSuspensions).toEqual([{ feature: "MDT_PROXY_ATTENDANCE", startsOn: "2026-03-01", endsOn: "2026-03-31", reason: "疫情防控" }]);

      let c = (await submit({ policyNo: "DIV-PROXY", benefit: "MDT_CONSULTATION", applicant: "INSURED", documents: docs("OUTPATIENT_RECORD", "MDT_PROXY_AUTHORIZATION") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-10", departments: ["肿瘤内科", "放疗科", "胸外科"] });
      on("2026-03-10");
      const byProxy = await move(c, "START", { byProxy: true });
      expect(refusal(byProxy.userErrors)).toEqual([["PROXY_ATTENDANCE_SUSPENDED", "input.byProxy"]]);
      expect(byProxy.userErrors[0]!.message.zh).toContain("2026-03-31");

      const lifted = (await server.request(LIFT, { id: suspended.suspension.id }, admin)).data.liftServiceSuspension;
      expect(lifted.userErrors).toEqual([]);
      expect((await move(c, "START", { byProxy: true })).userErrors).toEqual([]);
    });

    it("a suspension must say why and for how long, and only operators may suspend", async () => {
      const bad = (await server.request(SUSPEND, { input: { feature: "MDT_PROXY_ATTENDANCE", startsOn: "2026-04-10", endsOn: "2026-04-01", reason: " " } }, admin)).data.suspendServiceFeature;
      expect(refusal(bad.userErrors)).toEqual([["INVALID_PERIOD", "input.endsOn"], ["INVALID_REASON", "input.reason"]]);
      const anonymous = await server.request(SUSPEND, { input: { feature: "MDT_PROXY_ATTENDANCE", startsOn: "2026-04-01", endsOn: "2026-04-10", reason: "x" } });
      expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    });

    it("MDT.介绍.1 匹配三个或三个以上相关科室医学专家（具体专家数量以实际病情评估需求为准） — the panel's departments are recorded when the consultation is arranged", async () => {
      on("2026-03-02");
      await policyWithDiagnosis(server, "DIV-PANEL");
      let c = (await submit({ policyNo: "DIV-PANEL", benefit: "MDT_CONSULTATION", applicant: "INSURED", documents: docs("OUTPATIENT_RECORD") })).data!.submitCase.serviceCase!;
      for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
      for (const departments of [null, ["肿瘤内科", "放疗科"], ["肿瘤内科", "放疗科", "放疗科"]]) {
        expect(refusal((await move(c, "SCHEDULE", { scheduledFor: "2026-03-10", departments })).userErrors)).toEqual([["PANEL_DEPARTMENTS_REQUIRED", "input.departments"]]);
      }
      c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-10", departments: [" 肿瘤内科", "放疗科", "胸外科"] });
      expect((await server.request(CASE_EXTRAS, { caseNo: c.caseNo }, admin)).data.serviceCase.mdtPanel).toEqual({ departments: ["肿瘤内科", "放疗科", "胸外科"] });
    });
  });

  it("ADVANCE.提示.2.1 如被保险人之前已因相同疾病住院成功申请过我司垫付服务，则入院前5个工作日即可申请本服务 — ADVANCE.提示.2.2 如被保险人是首次申请垫付服务，则由于责任认定时间较长，可能会影响垫付服务安排时间 — the entitlement view and submitCase give one answer, per illness", async () => {
    on("2026-03-02");
    await policyWithDiagnosis(server, "DIV-FIRST");
    const warning = async () => (await entitlements("DIV-FIRST")).find((e) => e.benefit === "INPATIENT_ADVANCE_PAYMENT")!.eligibility.warnings.map((w) => w.code);
    expect(await warning()).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    const first = (await submit(advance("DIV-FIRST", "2026-03-20"))).data!.submitCase;
    expect(first.eligibility?.warnings.map((w) => w.code)).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    // Reserved but not yet admitted: still the first advance for the illness, in both places.
    expect(await warning()).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    let c = first.serviceCase!;
    for (const action of ["START_REVIEW", "APPROVE"] as const) c = await step(c, action);
    c = await step(c, "SCHEDULE", { scheduledFor: "2026-03-20" });
    const signed = await server.request(
      gql(`mutation ($input: AddCaseDocumentsInput!) { addCaseDocuments(input: $input) { serviceCase { id version } userErrors { code } } }`),
      { input: { caseId: c.id, expectedVersion: c.version, documents: docs("ADVANCE_CONSENT", "CLAIM_AUTHORIZATION") } },
      admin,
    );
    on("2026-03-20");
    await step({ id: c.id, version: signed.data.addCaseDocuments.serviceCase.version }, "START");
    // Admitted for the same illness: neither the view nor a new submission warns.
    expect(await warning()).toEqual([]);
    const second = (await submit({ ...advance("DIV-FIRST", "2026-04-10"), dryRun: true })).data!.submitCase;
    expect(second.eligibility?.warnings.map((w) => w.code)).toEqual([]);
  });

  function advance(policyNo: string, plannedAdmissionDate: string) {
    return {
      policyNo,
      benefit: "INPATIENT_ADVANCE_PAYMENT" as const,
      applicant: "INSURED" as const,
      place: "武汉",
      plannedAdmissionDate,
      usesSocialInsuranceSettlement: true,
      documents: docs("OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"),
    };
  }
});
