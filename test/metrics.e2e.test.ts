// caseMetrics against hand-computed expectations on a small set of cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseMetricsDocument, IssueApiKeyDocument, SubmitCaseDocument, TransitionCaseDocument, type CaseAction, type SubmitCaseInput } from "./generated/graphql.js";
import { openTestDatabase, postgresAvailable, testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };

describe.each(testTargets())("case metrics on %s", (kind) => {
  let server: TestServer;
  let later: TestServer;
  let analyst = "";

  beforeAll(async () => {
    server = await startTestServer(kind, { now: "2026-03-02T02:00:00Z" });
    await policyWithDiagnosis(server, "MET-1");
    await policyWithDiagnosis(server, "MET-2");
    const submit = async (input: Omit<SubmitCaseInput, "applicant">) =>
      (await server.request(SubmitCaseDocument, { input: { applicant: "INSURED", ...input } }, admin)).data!.submitCase.serviceCase!;
    const walk = async (c: { id: string; version: number }, actions: [CaseAction, Record<string, unknown>?][]) => {
      let version = c.version;
      for (const [action, extra] of actions) {
        const r = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: version, ...extra } }, admin);
        version = r.data!.transitionCase.serviceCase!.version;
      }
    };
    const docs = [{ kind: "OUTPATIENT_RECORD" as const, reference: "r" }];
    const a = await submit({ idempotencyKey: "m-a", policyNo: "MET-1", benefit: "SECOND_OPINION", documents: docs });
    await walk(a, [["START_REVIEW"], ["APPROVE"], ["SCHEDULE", { scheduledFor: "2026-03-03" }], ["START"], ["COMPLETE"]]);
    await submit({ idempotencyKey: "m-b", policyNo: "MET-1", benefit: "MDT_CONSULTATION", documents: docs });
    await submit({ idempotencyKey: "m-c", policyNo: "MET-2", benefit: "GREEN_CHANNEL_OUTPATIENT", place: "武汉" });
    const d = await submit({ idempotencyKey: "m-d", policyNo: "MET-2", benefit: "FAMILY_DOCTOR" });
    await walk(d, [["START"]]);
    const e = await submit({ idempotencyKey: "m-e", policyNo: "MET-2", benefit: "SECOND_OPINION", documents: docs });
    await walk(e, [["REJECT"]]);
    const key = await server.request(IssueApiKeyDocument, { input: { label: "bi", role: "ANALYST" } }, admin);
    analyst = key.data!.issueApiKey.apiKey!;
    // The same database a month later, when the MDT arrangement (due 2026-03-16) has not happened.
    later = await startTestServer(kind, { now: "2026-04-01T02:00:00Z", database: server.database });
  });
  afterAll(async () => {
    await later?.stop();
    await server?.stop();
  });

  const metrics = async (groupBy: string[], filter?: Record<string, unknown>, on: TestServer = server) => {
    const r = await on.request(CaseMetricsDocument, { groupBy: groupBy as never, filter }, { token: analyst });
    expect(r.errors).toBeUndefined();
    return r.data!.caseMetrics;
  };

  it("totals everything without a grouping", async () => {
    // slaMet counts every clock: the completed second opinion met both of its own (expert arranged, report issued).
    expect(await metrics([])).toEqual([
      {
        keys: { service: null, benefit: null, status: null, provinceCode: null, cityCode: null, month: null, partnerCode: null, slaState: null },
        cases: 5, open: 3, completed: 1, slaMet: 2, slaBreached: 0, slaAttainment: 1, medianWorkingDaysToComplete: 0, p90WorkingDaysToComplete: 0,
      },
    ]);
  });

  it("groups by service", async () => {
    const rows = await metrics(["SERVICE"]);
    expect(rows.map((r) => [r.keys.service, r.cases, r.open, r.completed, r.slaMet, r.slaBreached, r.slaAttainment])).toEqual([
      ["FAMILY_DOCTOR", 1, 1, 0, 0, 0, null],
      ["GREEN_CHANNEL", 1, 1, 0, 0, 0, null],
      ["MDT", 1, 1, 0, 0, 0, null],
      ["SECOND_OPINION", 2, 0, 1, 2, 0, 1],
    ]);
  });

  it("groups by SLA state, status and month together", async () => {
    const rows = await metrics(["SLA_STATE", "STATUS", "MONTH"]);
    expect(rows.map((r) => [r.keys.slaState, r.keys.status, r.keys.month, r.cases])).toEqual([
      ["MET", "COMPLETED", "2026-03", 1],
      ["NOT_STARTED", "AWAITING_DOCUMENTS", "2026-03", 1],
      ["NOT_STARTED", "IN_PROGRESS", "2026-03", 1],
      ["ON_TRACK", "REJECTED", "2026-03", 1],
      ["ON_TRACK", "SUBMITTED", "2026-03", 1],
    ]);
  });

  it("keys city and province from the place", async () => {
    const rows = await metrics(["PROVINCE", "CITY"]);
    expect(rows.map((r) => [r.keys.provinceCode, r.keys.cityCode, r.cases])).toEqual([
      ["420000", "420100", 1],
      [null, null, 4],
    ]);
  });

  it("filters by service and window, and answers an empty window with no rows", async () => {
    expect((await metrics(["SERVICE"], { services: ["MDT"] })).map((r) => r.cases)).toEqual([1]);
    expect(await metrics(["SERVICE"], { submittedFrom: "2025-01-01", submittedTo: "2025-01-31" })).toEqual([]);
    expect(await metrics([], { submittedFrom: "2026-03-02", submittedTo: "2026-03-02" })).toHaveLength(1);
  });

  it("counts a clock past due as breached a month later", async () => {
    const rows = await metrics(["SERVICE"], { services: ["MDT"] }, later);
    expect(rows).toEqual([expect.objectContaining({ cases: 1, slaMet: 0, slaBreached: 1, slaAttainment: 0 })]);
  });

  it("exports CSV with a BOM for spreadsheet tools, for analysts only", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    const response = await fetch(`${base}/exports/case-metrics.csv?groupBy=SERVICE`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    // The clock key came later: it follows the measures, so columns read by position keep their place.
    expect(lines[0]).toBe("service,benefit,status,provinceCode,cityCode,month,partnerCode,slaState,cases,open,completed,slaMet,slaBreached,slaAttainment,medianWorkingDaysToComplete,p90WorkingDaysToComplete,clock");
    expect(lines.slice(1)).toEqual([
      "FAMILY_DOCTOR,,,,,,,,1,1,0,0,0,,,,",
      "GREEN_CHANNEL,,,,,,,,1,1,0,0,0,,,,",
      "MDT,,,,,,,,1,1,0,0,0,,,,",
      "SECOND_OPINION,,,,,,,,2,0,1,2,0,1,0,0,",
    ]);
    expect((await fetch(`${base}/exports/case-metrics.csv?groupBy=SERVICE`)).status).toBe(401);
    expect((await fetch(`${base}/exports/case-metrics.csv?groupBy=COLOUR`, { headers: { authorization: `Bearer ${analyst}` } })).status).toBe(400);
    for (const bad of ["asOf=2026-13-01", "services=DENTIST", "asOf=2027-01-01", "submittedFrom=2026-03-05&submittedTo=2026-03-01"]) {
      const refused = await fetch(`${base}/exports/case-metrics.csv?groupBy=SERVICE&${bad}`, { headers: { authorization: `Bearer ${analyst}` } });
      expect(refused.status, bad).toBe(400);
    }
    const past = await fetch(`${base}/exports/case-metrics.csv?groupBy=SERVICE&asOf=2026-03-01`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(new TextDecoder().decode(new Uint8Array(await past.arrayBuffer()).slice(3)).trim().split("\r\n")).toHaveLength(1);
  });

  it("offers SQL readers a reporting schema without personal data", async () => {
    const { queryRows } = await import("../src/db/driver/rows.js");
    const { sql } = await import("drizzle-orm");
    const columns = await queryRows<{ column_name: string }>(server.database.db, sql`select column_name from information_schema.columns where table_schema = 'reporting' and table_name = 'case_facts'`);
    const names = columns.map((c) => c.column_name);
    expect(names).toContain("working_days_to_complete");
    for (const pii of ["name", "id_number_cipher", "phone_cipher", "policy_no", "policy_id", "description"]) expect(names).not.toContain(pii);
    const daily = await queryRows<{ service_code: string; submitted: number; completed: number }>(server.database.db, sql`select service_code, submitted, completed from reporting.case_daily order by service_code`);
    expect(daily.find((d) => d.service_code === "SECOND_OPINION")).toEqual({ service_code: "SECOND_OPINION", submitted: 2, completed: 1 });
  });

  it("is for ANALYST, OPERATOR and ADMIN only", async () => {
    const r = await server.request(CaseMetricsDocument, { groupBy: ["SERVICE"] });
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe.runIf(postgresAvailable())("READ_DATABASE_URL", () => {
  it("sends caseMetrics to the replica, writes to the main database", async () => {
    const replica = await openTestDatabase("postgres");
    const server = await startTestServer("postgres", { config: { readDatabase: { kind: "postgres", url: replica.url! } } });
    try {
      await policyWithDiagnosis(server, "RD-1");
      await server.request(SubmitCaseDocument, { input: { idempotencyKey: "rd-1", policyNo: "RD-1", benefit: "FAMILY_DOCTOR", applicant: "INSURED" } }, admin);
      const { data } = await server.request(CaseMetricsDocument, { groupBy: [] }, admin);
      // The "replica" here is a separate, empty database: the metrics read it, not the main one.
      expect(data?.caseMetrics).toEqual([]);
    } finally {
      await server.stop();
      await replica.close();
    }
  });
});
