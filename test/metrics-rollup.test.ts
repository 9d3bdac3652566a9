// The caseMetrics rollup is a cache of service_case: rollup ∪ deltas must always equal the cases
// counted directly, with compaction running or not, and under concurrent writers.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { compactCaseMetrics } from "../src/db/queries/case-metrics.js";
import { queryRows } from "../src/db/driver/rows.js";
import { CaseMetricsDocument, SubmitCaseDocument, TransitionCaseDocument, type CaseMetricDimension } from "./generated/graphql.js";
import { postgresAvailable, testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const KEY = sql.raw("submitted_on, submitted_month, service_code, benefit_code, status, province_code, city_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete");

/** Groups where the maintained summary and a direct count disagree (none, when it is right). */
async function mismatches(db: Database): Promise<unknown[]> {
  return queryRows(
    db,
    sql`with kept as (
        select ${KEY}, sum(cases)::int as n from (select ${KEY}, cases from case_metric_rollup union all select ${KEY}, cases from case_metric_delta) r
        group by ${KEY} having sum(cases) <> 0),
      counted as (select ${KEY}, count(*)::int as n from (select k.* from service_case c, lateral case_metric_key(c) k) x group by ${KEY})
      (select 'kept', * from kept except select 'kept', * from counted)
      union all
      (select 'counted', * from counted except select 'counted', * from kept)`,
  );
}

const deltas = async (db: Database) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_metric_delta`))[0]!.n;

async function submitAndWalk(server: TestServer, policyNo: string, key: string, walk: boolean) {
  const r = await server.request(SubmitCaseDocument, { input: { idempotencyKey: key, policyNo, benefit: "FAMILY_DOCTOR", applicant: "INSURED" } }, admin);
  const c = r.data?.submitCase.serviceCase;
  expect(c, JSON.stringify(r)).toBeTruthy();
  if (!walk) return;
  const started = await server.request(TransitionCaseDocument, { input: { caseId: c!.id, action: "START", expectedVersion: c!.version } }, admin);
  const v = started.data!.transitionCase.serviceCase!.version;
  await server.request(TransitionCaseDocument, { input: { caseId: c!.id, action: "COMPLETE", expectedVersion: v } }, admin);
}

const WINDOWS: [string | null, string | null][] = [
  [null, null],
  ["2026-01-10", "2026-02-20"],
  ["2026-01-15", "2026-01-15"],
  [null, "2026-02-28"],
  ["2026-02-01", null],
  ["2026-01-01", "2026-03-31"],
  ["2026-02-11", "2026-03-01"],
  ["2026-01-16", "2026-02-09"],
];

describe.each(testTargets())("case metric rollup on %s", (kind) => {
  let server: TestServer;
  const others: TestServer[] = [];
  beforeAll(async () => {
    server = await startTestServer(kind);
    await policyWithDiagnosis(server, "RU-1");
    await policyWithDiagnosis(server, "RU-2");
    // Cases on 15 January, 10 February and 2 March, so windows cut across months.
    for (const [i, now] of ["2026-01-15T02:00:00Z", "2026-02-10T02:00:00Z"].entries()) {
      const on = await startTestServer(kind, { now, database: server.database });
      others.push(on);
      await submitAndWalk(on, "RU-1", `ru-m${i}`, true);
      await submitAndWalk(on, "RU-2", `ru-n${i}`, false);
    }
    for (let i = 0; i < 6; i++) await submitAndWalk(server, i % 2 ? "RU-1" : "RU-2", `ru-${i}`, i % 3 !== 0);
    const docs = [{ kind: "OUTPATIENT_RECORD" as const, reference: "r" }];
    await server.request(SubmitCaseDocument, { input: { idempotencyKey: "ru-so", policyNo: "RU-1", benefit: "SECOND_OPINION", applicant: "INSURED", documents: docs } }, admin);
  });
  afterAll(async () => {
    for (const o of others) await o.stop();
    await server?.stop();
  });

  it("answers every window the same from the summaries as from the deltas alone", async () => {
    const db = server.database.db;
    const answer = async () =>
      Promise.all(
        WINDOWS.map(async ([submittedFrom, submittedTo]) => {
          const r = await server.request(CaseMetricsDocument, { groupBy: ["MONTH", "SERVICE", "STATUS"], filter: { submittedFrom, submittedTo } }, admin);
          expect(r.errors).toBeUndefined();
          return r.data!.caseMetrics;
        }),
      );
    const fromDeltas = await answer();
    expect(fromDeltas[0]!.reduce((n, r) => n + r.cases, 0)).toBe(11);
    expect(fromDeltas[2]!.reduce((n, r) => n + r.cases, 0)).toBe(2);
    expect(fromDeltas[7]).toEqual([]);
    await compactCaseMetrics(db);
    expect(await answer()).toEqual(fromDeltas);
  });

  it("equals a direct count before and after compaction, and answers the same", async () => {
    const db = server.database.db;
    const groupings: CaseMetricDimension[][] = [[], ["SERVICE", "STATUS", "SLA_STATE"], ["MONTH", "BENEFIT"]];
    const answer = async () => Promise.all(groupings.map(async (groupBy) => (await server.request(CaseMetricsDocument, { groupBy }, admin)).data!.caseMetrics));
    expect(await mismatches(db)).toEqual([]);
    const before = await answer();
    expect(before[0]![0]!.cases).toBe(11);
    await compactCaseMetrics(db);
    expect(await deltas(db)).toBe(0);
    expect(await mismatches(db)).toEqual([]);
    expect(await answer()).toEqual(before);
    // A group counted down to zero leaves no row behind.
    const zero = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_metric_rollup where cases = 0`);
    expect(zero[0]!.n).toBe(0);
  });
});

describe.runIf(postgresAvailable())("case metric rollup under concurrent writers and compaction", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("postgres");
    for (let i = 0; i < 8; i++) await policyWithDiagnosis(server, `RC-${i}`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("stays exact while 48 cases are submitted and walked and compaction runs", async () => {
    const db = server.database.db;
    let compacting = true;
    let folded = 0;
    const compactor = (async () => {
      while (compacting) {
        folded += await compactCaseMetrics(db);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await Promise.all(Array.from({ length: 48 }, (_, i) => submitAndWalk(server, `RC-${i % 8}`, `rc-${i}`, i % 4 !== 0)));
    compacting = false;
    await compactor;
    expect(folded).toBeGreaterThan(0);
    expect(await mismatches(db)).toEqual([]);
    const [total] = (await server.request(CaseMetricsDocument, { groupBy: [] }, admin)).data!.caseMetrics;
    expect([total!.cases, total!.completed]).toEqual([48, 36]);
  });
});
