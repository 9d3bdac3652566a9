// caseMetrics recomputed for a past day from the case event log must equal what the graph answered
// on that day, however the cases moved afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CaseMetricsDocument,
  IssueApiKeyDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  type CaseAction,
  type CaseMetricDimension,
  type SubmitCaseInput,
} from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const GROUPINGS: CaseMetricDimension[][] = [[], ["SERVICE", "STATUS", "SLA_STATE"], ["BENEFIT", "SLA_STATE", "MONTH"], ["STATUS"]];
const docs = [{ kind: "OUTPATIENT_RECORD" as const, reference: "r" }];

describe.each(testTargets())("caseMetrics as of a past day on %s", (kind) => {
  const servers: TestServer[] = [];
  let analyst = "";
  const snapshots = new Map<string, unknown[]>();

  const on = async (now: string, base?: TestServer) => {
    const server = await startTestServer(kind, { now, ...(base ? { database: base.database } : {}) });
    servers.push(server);
    return server;
  };
  const metrics = async (server: TestServer, groupBy: CaseMetricDimension[], filter?: Record<string, unknown>) => {
    const r = await server.request(CaseMetricsDocument, { groupBy, filter }, { token: analyst });
    expect(r.errors).toBeUndefined();
    return r.data!.caseMetrics;
  };
  const snapshot = async (server: TestServer, day: string) => {
    for (const g of GROUPINGS) snapshots.set(`${day}:${g.join(",")}`, await metrics(server, g));
  };

  beforeAll(async () => {
    // Monday 2 March 2026.
    const day1 = await on("2026-03-02T02:00:00Z");
    await policyWithDiagnosis(day1, "ASOF-1");
    await policyWithDiagnosis(day1, "ASOF-2");
    const key = await day1.request(IssueApiKeyDocument, { input: { label: "bi", role: "ANALYST" } }, admin);
    analyst = key.data!.issueApiKey.apiKey!;
    const submit = async (server: TestServer, input: Omit<SubmitCaseInput, "applicant">) => {
      const r = await server.request(SubmitCaseDocument, { input: { applicant: "INSURED", ...input } }, admin);
      expect(r.data!.submitCase.userErrors).toEqual([]);
      return r.data!.submitCase.serviceCase!;
    };
    const versions = new Map<string, number>();
    const walk = async (server: TestServer, c: { id: string; version: number }, actions: [CaseAction, Record<string, unknown>?][]) => {
      let version = versions.get(c.id) ?? c.version;
      for (const [action, extra] of actions) {
        const r = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: version, ...extra } }, admin);
        expect(r.data!.transitionCase.userErrors).toEqual([]);
        version = r.data!.transitionCase.serviceCase!.version;
      }
      versions.set(c.id, version);
    };

    const secondOpinion = await submit(day1, { idempotencyKey: "a", policyNo: "ASOF-1", benefit: "SECOND_OPINION", documents: docs });
    await walk(day1, secondOpinion, [["START_REVIEW"], ["APPROVE"]]); // clock from 03-02, due 03-16
    const green = await submit(day1, { idempotencyKey: "b", policyNo: "ASOF-1", benefit: "GREEN_CHANNEL_OUTPATIENT", place: "武汉", documents: docs });
    const doctor = await submit(day1, { idempotencyKey: "c", policyNo: "ASOF-1", benefit: "FAMILY_DOCTOR" });
    await walk(day1, doctor, [["START"]]);
    const rejected = await submit(day1, { idempotencyKey: "d", policyNo: "ASOF-2", benefit: "SECOND_OPINION", documents: docs });
    await walk(day1, rejected, [["REJECT"]]);
    await snapshot(day1, "2026-03-02");

    // Tuesday 10 March: the opinion is arranged and completed, the green channel approved (its
    // clock starts only now), the doctor's case closed, a new MDT case.
    const day2 = await on("2026-03-10T02:00:00Z", day1);
    await walk(day2, secondOpinion, [["SCHEDULE", { scheduledFor: "2026-03-11" }], ["START"], ["COMPLETE"]]);
    await walk(day2, green, [["START_REVIEW"], ["APPROVE"]]);
    await walk(day2, doctor, [["COMPLETE"]]);
    await submit(day2, { idempotencyKey: "e", policyNo: "ASOF-2", benefit: "MDT_CONSULTATION", documents: docs });
    await snapshot(day2, "2026-03-10");
  });
  afterAll(async () => {
    for (const s of servers.reverse()) await s.stop();
  });

  it.each(["2026-03-02", "2026-03-10"])("answers for %s what the graph answered that day", async (day) => {
    const now = await on("2026-04-01T02:00:00Z", servers[0]);
    for (const g of GROUPINGS) {
      expect(await metrics(now, g, { asOf: day }), `${day} by ${g.join(",") || "nothing"}`).toEqual(snapshots.get(`${day}:${g.join(",")}`));
    }
  });

  it("differs from today's answer where the cases moved since", async () => {
    const now = await on("2026-04-01T02:00:00Z", servers[0]);
    const today = await metrics(now, ["SERVICE", "SLA_STATE"]);
    const green = (rows: typeof today) => rows.find((r) => r.keys.service === "GREEN_CHANNEL");
    expect(green(today)?.keys.slaState).toBe("BREACHED");
    expect(green(await metrics(now, ["SERVICE", "SLA_STATE"], { asOf: "2026-03-10" }))?.keys.slaState).toBe("ON_TRACK");
    expect(green(await metrics(now, ["SERVICE", "SLA_STATE"], { asOf: "2026-03-02" }))?.keys.slaState).toBe("NOT_STARTED");
    const [day1] = await metrics(now, [], { asOf: "2026-03-02" });
    expect([day1!.cases, day1!.open, day1!.completed, day1!.medianWorkingDaysToComplete]).toEqual([4, 3, 0, null]);
    const [day2] = await metrics(now, [], { asOf: "2026-03-10" });
    // The opinion took 6 working days (2 → 10 March), the doctor's visit 6 as well; the opinion met
    // both of its clocks by then (slaMet counts every clock).
    expect([day2!.cases, day2!.open, day2!.completed, day2!.medianWorkingDaysToComplete, day2!.slaMet]).toEqual([5, 2, 2, 6, 2]);
  });

  it("has nothing before the first case, and refuses a day after today", async () => {
    const now = await on("2026-04-01T02:00:00Z", servers[0]);
    expect(await metrics(now, ["SERVICE"], { asOf: "2026-03-01" })).toEqual([]);
    const r = await now.request(CaseMetricsDocument, { groupBy: ["SERVICE"], filter: { asOf: "2026-04-02" } }, { token: analyst });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.data).toBeNull();
  });
});
