// Policies, diagnoses and entitlements through the graph, on every database target.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import { statementsSoFar } from "../src/db/driver/statement-counter.js";
import {
  PolicyEntitlementDocument,
  PolicyEntitlementsDocument,
  PolicyPageDocument,
  RecordDiagnosisDocument,
  UpsertPolicyDocument,
  type UpsertPolicyInput,
} from "./generated/graphql.js";
import { DEMO_INSURED_KEY } from "../src/db/seed/seed-demo.js";
import { testTargets } from "./support/databases.js";
import { idNumber, policyInput } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const TODAY = "2026-03-02"; // the test server's clock: 2026-03-02T02:00Z is 10:00 in Shanghai
describe.each(testTargets())("policies on %s", (kind) => {
  let server: TestServer;
  const admin = { token: ADMIN_KEY };
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("creates a policy with the standard benefits and shows people only masked", async () => {
    const { data, errors } = await server.request(UpsertPolicyDocument, { input: policyInput("P-1001") }, admin);
    expect(errors).toBeUndefined();
    expect(data?.upsertPolicy.userErrors).toEqual([]);
    expect(data?.upsertPolicy.policy).toMatchObject({
      policyNo: "P-1001",
      insured: { name: "测试甲", idNumberMasked: `310104********${idNumber("19850615").slice(-4)}`, phoneMasked: "139****1234", birthDate: "1985-06-15" },
      policyholder: { name: "测试甲" },
    });
    const page = await server.request(PolicyEntitlementsDocument, { policyNo: "P-1001" }, admin);
    expect(page.data?.policy?.entitlements.map((e) => e.benefit)).toEqual([
      "FAMILY_DOCTOR",
      "GREEN_CHANNEL_OUTPATIENT",
      "GREEN_CHANNEL_INPATIENT_OR_SURGERY",
      "INPATIENT_ADVANCE_PAYMENT",
      "SECOND_OPINION",
      "MDT_CONSULTATION",
      "GENE_TEST",
    ]);
  });

  it("stores ID numbers and phones encrypted, never in clear", async () => {
    const rows = await queryRows<Record<string, string | null>>(
      server.database.db,
      sql`select p.* from person p join policy x on x.insured_id = p.id where x.policy_no = 'P-1001'`,
    );
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(idNumber("19850615"));
    expect(stored).not.toContain("13900001234");
    expect(rows[0]?.id_number_cipher).toMatch(/^v1\./);
  });

  it.each([
    ["dates out of order", { effectiveFrom: "2026-07-01" }, "DATES_OUT_OF_ORDER", ["input", "effectiveTo"]],
    ["a waiting period past the policy", { waitingPeriodEndsOn: "2026-07-01" }, "WAITING_PERIOD_OUTSIDE_POLICY", ["input", "waitingPeriodEndsOn"]],
    ["a waiting period before the policy", { waitingPeriodEndsOn: "2025-06-01" }, "WAITING_PERIOD_OUTSIDE_POLICY", ["input", "waitingPeriodEndsOn"]],
    ["a bad check digit", { insured: { name: "测试乙", idNumber: "11010519491231002" + "1" } }, "INVALID_ID_NUMBER_CHECK_DIGIT", ["input", "insured", "idNumber"]],
    ["a short ID number", { insured: { name: "测试乙", idNumber: "110105491231002" } }, "INVALID_ID_NUMBER", ["input", "insured", "idNumber"]],
    ["a birth date that contradicts the ID", { insured: { name: "测试乙", idNumber: idNumber("19850615"), birthDate: "1985-06-16" } }, "BIRTH_DATE_MISMATCH", ["input", "insured", "birthDate"]],
    ["a landline as phone", { policyholder: { name: "投保人", phone: "021-12345678" } }, "INVALID_PHONE", ["input", "policyholder", "phone"]],
    ["a benefit twice", { benefits: ["GENE_TEST", "GENE_TEST"] }, "DUPLICATE_BENEFIT", ["input", "benefits", "1"]],
    ["a malformed policy number", { policyNo: "P 1" }, "INVALID_POLICY_NO", ["input", "policyNo"]],
  ] as const)("refuses %s with a userError and writes nothing", async (_name, overrides, code, field) => {
    const before = await queryRows<{ n: number }>(server.database.db, sql`select (select count(*) from policy)::int + (select count(*) from person)::int as n`);
    const { data, errors } = await server.request(UpsertPolicyDocument, { input: policyInput("P-BAD-1", overrides as Partial<UpsertPolicyInput>) }, admin);
    expect(errors).toBeUndefined();
    expect(data?.upsertPolicy.policy).toBeNull();
    expect(data?.upsertPolicy.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(data?.upsertPolicy.userErrors[0]?.message.en).toBeTruthy();
    const after = await queryRows<{ n: number }>(server.database.db, sql`select (select count(*) from policy)::int + (select count(*) from person)::int as n`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("updates a policy in place by number, adding a listed benefit", async () => {
    await server.request(UpsertPolicyDocument, { input: policyInput("P-1002") }, admin);
    const { data } = await server.request(
      UpsertPolicyDocument,
      { input: policyInput("P-1002", { benefits: ["FAMILY_DOCTOR", "GENE_TEST", "JAPAN_TREATMENT"], policyholder: { name: "投保人乙", phone: "13700001111" } }) },
      admin,
    );
    expect(data?.upsertPolicy.policy?.policyholder).toEqual({ name: "投保人乙", idNumberMasked: null, phoneMasked: "137****1111", birthDate: null });
    const page = await server.request(PolicyEntitlementsDocument, { policyNo: "P-1002" }, admin);
    expect(page.data?.policy?.entitlements.map((e) => [e.benefit, e.quotaTotal, e.unlimited])).toEqual([
      ["FAMILY_DOCTOR", null, true],
      ["GENE_TEST", 1, false],
      ["JAPAN_TREATMENT", 10, false],
    ]);
    const rows = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from policy where policy_no = 'P-1002'`);
    expect(rows[0]?.n).toBe(1);
  });

  it("records diagnoses and refuses future, pre-birth and unknown-policy ones", async () => {
    const ok = await server.request(RecordDiagnosisDocument, { input: { policyNo: "P-1001", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-12-01", icd10: "c34.1" } }, admin);
    expect(ok.data?.recordDiagnosis.policy?.diagnoses).toEqual([{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-12-01", icd10: "C34.1", description: null }]);
    const cases = [
      [{ policyNo: "P-1001", firstDiagnosedOn: "2026-03-03" }, "DIAGNOSIS_IN_FUTURE"],
      [{ policyNo: "P-1001", firstDiagnosedOn: "1985-06-14" }, "DIAGNOSIS_BEFORE_BIRTH"],
      [{ policyNo: "NOPE-1", firstDiagnosedOn: "2025-12-01" }, "UNKNOWN_POLICY"],
    ] as const;
    for (const [input, code] of cases) {
      const { data } = await server.request(RecordDiagnosisDocument, { input: { category: "CRITICAL_ILLNESS", ...input } }, admin);
      expect(data?.recordDiagnosis.userErrors.map((e) => e.code)).toEqual([code]);
    }
  });

  it("answers entitlements with eligibility, reasons in zh and en, and eligibleFrom", async () => {
    await server.request(UpsertPolicyDocument, { input: policyInput("P-1003", { effectiveFrom: "2026-02-01", effectiveTo: "2027-01-31", waitingPeriodEndsOn: "2026-04-30" }) }, admin);
    const { data } = await server.request(PolicyEntitlementsDocument, { policyNo: "P-1003" }, admin);
    const byBenefit = Object.fromEntries(data!.policy!.entitlements.map((e) => [e.benefit, e]));
    expect(byBenefit.FAMILY_DOCTOR?.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(byBenefit.GREEN_CHANNEL_OUTPATIENT?.eligibility.reasons.map((r) => [r.code, r.date])).toEqual([
      ["WAITING_PERIOD", "2026-05-01"],
      ["NO_COVERED_DIAGNOSIS", null],
    ]);
    expect(byBenefit.GREEN_CHANNEL_OUTPATIENT?.eligibility.reasons[0]?.message.zh).toContain("等待期");
    expect(byBenefit.GREEN_CHANNEL_OUTPATIENT).toMatchObject({ quotaTotal: 1, used: 0, reserved: 0, remaining: 1, unlimited: false });
    expect(byBenefit.INPATIENT_ADVANCE_PAYMENT).toMatchObject({ quotaTotal: null, remaining: null, unlimited: true });

    const before = await server.request(PolicyEntitlementsDocument, { policyNo: "P-1003", asOf: "2026-01-15" }, admin);
    const family = before.data!.policy!.entitlements.find((e) => e.benefit === "FAMILY_DOCTOR")!;
    expect(family.eligibility).toMatchObject({ eligible: false, eligibleFrom: "2026-02-01", reasons: [{ code: "POLICY_NOT_IN_FORCE", date: "2026-02-01" }] });
  });

  it("explains a benefit the policy does not list", async () => {
    const { data } = await server.request(PolicyEntitlementDocument, { policyNo: "P-1001", benefit: "JAPAN_TREATMENT" }, admin);
    expect(data?.policy?.entitlement).toMatchObject({
      benefit: "JAPAN_TREATMENT",
      quotaTotal: 0,
      remaining: 0,
      eligibility: { eligible: false, reasons: [{ code: "BENEFIT_NOT_ON_POLICY" }] },
    });
  });

  it("pages policies with the same number of SQL statements for 10 and 50", async () => {
    for (let i = 0; i < 55; i++) {
      const no = `BULK-${String(i).padStart(3, "0")}`;
      await server.request(UpsertPolicyDocument, { input: policyInput(no, { insured: { name: `批量${i}` } }) }, admin);
      if (i % 2 === 0) await server.request(RecordDiagnosisDocument, { input: { policyNo: no, category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-11-01" } }, admin);
    }
    const counted = async (first: number) => {
      const start = statementsSoFar();
      const response = await server.request(PolicyPageDocument, { first, filter: { policyNoPrefix: "BULK-" } }, admin);
      return { statements: statementsSoFar() - start, response };
    };
    const ten = await counted(10);
    const fifty = await counted(50);
    expect(ten.response.data?.policies.edges).toHaveLength(10);
    expect(fifty.response.data?.policies.edges).toHaveLength(50);
    expect(fifty.response.data?.policies.totalCount).toBe(55);
    expect(fifty.response.data?.policies.edges[0]?.node.entitlements[1]?.eligibility.eligible).toBe(true);
    expect(ten.statements).toBe(fifty.statements);
    expect(fifty.statements).toBeLessThanOrEqual(6);
  });

  it("counts totals and reads diagnoses only for a query that selects them", async () => {
    const run = async (selection: { total: string; caseTotal: string }) => {
      const start = statementsSoFar();
      const query = `{ policies(first: 20, filter: { policyNoPrefix: "BULK-" }) { ${selection.total} edges { node { policyNo entitlements { benefit used }
        cases(first: 3) { ${selection.caseTotal} edges { node { caseNo } } } } } } }`;
      const { status, json } = await server.post(JSON.stringify({ query }), { authorization: `Bearer ${ADMIN_KEY}` });
      expect(status).toBe(200);
      return { statements: statementsSoFar() - start, json: json as { data: { policies: { totalCount?: number; edges: { node: { cases: { totalCount?: number } } }[] } } } };
    };
    const bare = await run({ total: "", caseTotal: "" });
    const counted = await run({ total: "totalCount", caseTotal: "totalCount" });
    const twice = await run({ total: "totalCount again: totalCount", caseTotal: "totalCount" });
    expect(bare.json.data.policies.totalCount).toBeUndefined();
    expect(counted.json.data.policies.totalCount).toBe(55);
    expect(counted.json.data.policies.edges.every((e) => e.node.cases.totalCount === 0)).toBe(true);
    // The page with its entitlements and its cases, in one statement (record 0053); no diagnoses, as no eligibility is asked for.
    expect(bare.statements).toBe(1);
    // One statement for the policies' total and one for all twenty case totals; asked twice, counted once.
    expect(counted.statements).toBe(bare.statements + 2);
    expect(twice.statements).toBe(counted.statements);
  });

  it("walks pages with cursors and refuses a page size over 100", async () => {
    const first = await server.request(PolicyPageDocument, { first: 30, filter: { policyNoPrefix: "BULK-" } }, admin);
    const second = await server.request(PolicyPageDocument, { first: 30, after: first.data?.policies.pageInfo.endCursor, filter: { policyNoPrefix: "BULK-" } }, admin);
    expect(first.data?.policies.pageInfo.hasNextPage).toBe(true);
    expect(second.data?.policies.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = [...first.data!.policies.edges, ...second.data!.policies.edges].map((e) => e.node.policyNo);
    expect(new Set(all).size).toBe(55);
    const tooMany = await server.request(PolicyPageDocument, { first: 101 }, admin);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps policies from anonymous callers", async () => {
    const { data, errors } = await server.request(PolicyEntitlementsDocument, { policyNo: "P-1001" });
    expect(data?.policy).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("an insured's key", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { seedDemo: true } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reads its own policies and is refused others", async () => {
    const own = await server.request(PolicyEntitlementsDocument, { policyNo: "DEMO-0003" }, { token: DEMO_INSURED_KEY });
    expect(own.errors).toBeUndefined();
    const japan = own.data?.policy?.entitlements.find((e) => e.benefit === "JAPAN_TREATMENT");
    expect(japan).toMatchObject({ quotaTotal: 10, remaining: 10, eligibility: { eligible: true } });
    const other = await server.request(PolicyEntitlementsDocument, { policyNo: "DEMO-0002" }, { token: DEMO_INSURED_KEY });
    expect(other.data?.policy).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const page = await server.request(PolicyPageDocument, { first: 10 }, { token: DEMO_INSURED_KEY });
    expect(page.data?.policies.edges.map((e) => e.node.policyNo)).toEqual(["DEMO-0001", "DEMO-0003"]);
  });

  it("may not write policies", async () => {
    const { data, errors } = await server.request(UpsertPolicyDocument, { input: policyInput("P-9") }, { token: DEMO_INSURED_KEY });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows the demo stories: waiting period, diagnosis in the waiting period, lapsed, future start", async () => {
    const admin = { token: ADMIN_KEY };
    const reasons = async (policyNo: string, benefit: "FAMILY_DOCTOR" | "GREEN_CHANNEL_OUTPATIENT") => {
      const { data } = await server.request(PolicyEntitlementDocument, { policyNo, benefit }, admin);
      return data?.policy?.entitlement?.eligibility;
    };
    expect((await reasons("DEMO-0001", "GREEN_CHANNEL_OUTPATIENT"))?.eligible).toBe(true);
    expect((await reasons("DEMO-0002", "GREEN_CHANNEL_OUTPATIENT"))?.reasons.map((r) => r.code)).toEqual(["WAITING_PERIOD", "NO_COVERED_DIAGNOSIS"]);
    expect((await reasons("DEMO-0004", "FAMILY_DOCTOR"))?.reasons.map((r) => r.code)).toEqual(["POLICY_NOT_IN_FORCE"]);
    expect((await reasons("DEMO-0005", "GREEN_CHANNEL_OUTPATIENT"))?.reasons.map((r) => r.code)).toEqual(["DIAGNOSED_IN_WAITING_PERIOD"]);
    expect((await reasons("DEMO-0006", "FAMILY_DOCTOR"))?.eligibleFrom).toBe("2026-03-12");
  });
});
