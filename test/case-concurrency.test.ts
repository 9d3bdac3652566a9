// The invariants under concurrency, on the real PostgreSQL server (PGlite serialises everything
// and proves nothing here): quota never overspent, one case per idempotency key, nothing half written.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { SubmitCaseDocument, type SubmitCaseInput } from "./generated/graphql.js";
import { openTestDatabase, postgresAvailable, testFastPath } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };

describe.runIf(postgresAvailable())("concurrency on PostgreSQL", () => {
  let database: DatabaseHandle & { url?: string };
  let second: DatabaseHandle;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    second = await openDatabase({ kind: "postgres", url: database.url! }, { maxConnections: 20, fastPath: testFastPath() });
    a = await startTestServer("postgres", { database });
    b = await startTestServer("postgres", { database: second });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await second?.close();
    await database?.close();
  });

  const submit = (server: TestServer, input: SubmitCaseInput) => server.request(SubmitCaseDocument, { input }, admin);
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(database.db, query))[0]!.n;

  it("makes exactly one case from 50 parallel submissions for a quota-1 benefit", async () => {
    await policyWithDiagnosis(a, "RACE-1");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submit(a, { idempotencyKey: `race-1-${i}`, policyNo: "RACE-1", benefit: "SECOND_OPINION", applicant: "INSURED" })),
    );
    const made = results.filter((r) => r.data?.submitCase.serviceCase);
    const refused = results.flatMap((r) => r.data?.submitCase.userErrors.map((e) => e.code) ?? []);
    expect(made).toHaveLength(1);
    expect(refused).toEqual(Array(49).fill("QUOTA_EXHAUSTED"));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    expect(await count(sql`select reserved + used as n from entitlement e join policy p on p.id = e.policy_id where p.policy_no = 'RACE-1' and benefit_code = 'SECOND_OPINION'`)).toBe(1);
  });

  it("makes exactly one case when two servers on one database race for it", async () => {
    await policyWithDiagnosis(a, "RACE-2");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submit(i % 2 ? a : b, { idempotencyKey: `race-2-${i}`, policyNo: "RACE-2", benefit: "MDT_CONSULTATION", applicant: "INSURED" }),
      ),
    );
    expect(results.filter((r) => r.data?.submitCase.serviceCase)).toHaveLength(1);
    expect(await count(sql`select count(*)::int as n from service_case c join policy p on p.id = c.policy_id where p.policy_no = 'RACE-2'`)).toBe(1);
  });

  it("gives 20 racing retries of one key one case and its number", async () => {
    await policyWithDiagnosis(a, "RACE-3");
    const input: SubmitCaseInput = { idempotencyKey: "race-3-the-key", policyNo: "RACE-3", benefit: "INPATIENT_ADVANCE_PAYMENT", applicant: "INSURED", plannedAdmissionDate: "2026-04-01", usesSocialInsuranceSettlement: true, place: "成都" };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i % 2 ? a : b, input)));
    const numbers = new Set(results.map((r) => r.data?.submitCase.serviceCase?.caseNo));
    expect(results.every((r) => r.data?.submitCase.userErrors.length === 0)).toBe(true);
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^SC2026-/);
    expect(await count(sql`select count(*)::int as n from service_case where idempotency_key = 'race-3-the-key'`)).toBe(1);
  });

  it("leaves no half-written case when a server's connections die mid-load", async () => {
    await policyWithDiagnosis(a, "RACE-4");
    const doomed = await openDatabase({ kind: "postgres", url: database.url! }, { maxConnections: 10, fastPath: testFastPath() });
    const c = await startTestServer("postgres", { database: doomed });
    const inflight = Array.from({ length: 30 }, (_, i) =>
      submit(c, { idempotencyKey: `race-4-${i}`, policyNo: "RACE-4", benefit: "FAMILY_DOCTOR", applicant: "INSURED", documents: [{ kind: "OTHER", reference: `d-${i}` }] }),
    );
    const caseCount = sql`select count(*)::int as n from service_case c join policy p on p.id = c.policy_id where p.policy_no = 'RACE-4'`;
    for (let waited = 0; waited < 5000 && (await count(caseCount)) < 5; waited += 5) await new Promise((r) => setTimeout(r, 5));
    await doomed.close({ immediate: true }); // connections end under the server's feet, transactions in flight
    const settled = await Promise.allSettled(inflight);
    const cutOff = settled.filter((s) => s.status === "rejected" || (s.value.errors?.length ?? 0) > 0).length;
    expect(cutOff).toBeGreaterThan(0);
    await c.stop().catch(() => undefined);
    // Every case that exists is whole: its first event, its document, its reservation.
    expect(await count(sql`select count(*)::int as n from service_case c where not exists (select 1 from case_event e where e.case_id = c.id and e.action = 'SUBMIT')`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from service_case c join policy p on p.id = c.policy_id where p.policy_no = 'RACE-4' and not exists (select 1 from case_document d where d.case_id = c.id)`)).toBe(0);
    const cases = await count(caseCount);
    expect(cases).toBeGreaterThanOrEqual(5);
    expect(await count(sql`select reserved as n from entitlement e join policy p on p.id = e.policy_id where p.policy_no = 'RACE-4' and benefit_code = 'FAMILY_DOCTOR'`)).toBe(cases);
  });
});
