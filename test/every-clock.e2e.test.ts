// Every SLA clock of a case is watched, not only its first (issue: "every clock is watched"). Japan's
// handbook chapter promises, besides its review clocks, JAPAN.标准.3 "在资料齐全且符合医院接收条件且医疗签证
// 顺利签署的情况下，我司将在40个工作日内为被保险人完成赴日本的就医安排": a case whose review clocks were all
// met and whose 40-working-day arrangement clock passes raises case.sla_due_soon and case.sla_breached
// naming that clock, caseMetrics counts it and groups by it, and the stored clocks are the rule's answer.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/context/clock.js";
import { queryRows } from "../src/db/driver/rows.js";
import { createCalendar, type CalendarData } from "../src/rules/calendar/calendar-data.js";
import { slasForBenefit } from "../src/rules/catalogue/catalogue.js";
import { caseClocks } from "../src/rules/sla/case-clocks.js";
import { computeSlaClocks, type CaseTimeline } from "../src/rules/sla/compute-sla-clocks.js";
import {
  CaseMetricsByClockDocument,
  CaseMetricsDocument,
  CreatePartnerDocument,
  IssueApiKeyDocument,
  RegisterWebhookDocument,
  ServiceCaseDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  type CaseAction,
} from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const calendar = createCalendar(JSON.parse(readFileSync(new URL("../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);
const JAPAN_STANDARD_3 = "在资料齐全且符合医院接收条件且医疗签证顺利签署的情况下，我司将在40个工作日内为被保险人完成赴日本的就医安排";

describe.each(testTargets())("every clock of a case watched on %s", (kind) => {
  let server: TestServer;
  let current = new Date("2026-03-02T02:00:00Z");
  const clock: Clock = { now: () => new Date(current) };
  /** 10:00 in Shanghai on `day`. */
  const on = (day: string) => {
    current = new Date(`${day}T10:00:00+08:00`);
  };
  const received: Record<string, unknown>[] = [];
  let hook: Server;
  let analyst = "";
  let caseNo = "";

  const step = async (c: { id: string; version: number }, action: CaseAction) => {
    const moved = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version } }, admin);
    expect(moved.data?.transitionCase.userErrors, action).toEqual([]);
    return moved.data!.transitionCase.serviceCase!;
  };
  const theCase = async () => (await server.request(ServiceCaseDocument, { caseNo }, admin)).data!.serviceCase!;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    on("2026-03-02");
    server = await startTestServer(kind, { clock, config: { webhooks: { worker: true, timeoutMs: 2000, maxAttempts: 5, slaSweepSeconds: 0 } } });
    await policyWithDiagnosis(server, "EC-JAPAN", "MALIGNANT_TUMOR", { benefits: ["JAPAN_TREATMENT"] });
    const partner = await server.request(CreatePartnerDocument, { input: { code: "EC-JP", name: "赴日服务商", services: ["JAPAN_CARE"] } }, admin);
    expect(partner.data?.createPartner.userErrors).toEqual([]);
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const registered = await server.request(RegisterWebhookDocument, { input: { partnerCode: "EC-JP", url, events: ["CASE_SLA_DUE_SOON", "CASE_SLA_BREACHED"] } }, admin);
    expect(registered.data?.registerWebhook.userErrors).toEqual([]);
    analyst = (await server.request(IssueApiKeyDocument, { input: { label: "ec-bi", role: "ANALYST" } }, admin)).data!.issueApiKey.apiKey!;

    // Documents complete on submission (2026-03-02): the review and the arrangement clocks start.
    const submitted = await server.request(
      SubmitCaseDocument,
      { input: { idempotencyKey: `ec-${kind}`, policyNo: "EC-JAPAN", benefit: "JAPAN_TREATMENT", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
      admin,
    );
    expect(submitted.data?.submitCase.userErrors).toEqual([]);
    let c = submitted.data!.submitCase.serviceCase!;
    caseNo = c.caseNo;
    // Every clock but the arrangement is met on time; the arrangement is then left alone.
    on("2026-03-03");
    c = await step(c, "START_REVIEW");
    on("2026-03-04");
    c = await step(c, "APPROVE");
    on("2026-03-05");
    c = await step(c, "NOTIFY_START");
    on("2026-03-09");
    c = await step(c, "ASSIGN_SPECIALIST");
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => hook?.close(resolve));
  });

  it(`JAPAN.标准.3 "${JAPAN_STANDARD_3}": the stored clocks are the rule's answer, as written and as read weeks later`, async () => {
    const c = await theCase();
    const timeline = Object.fromEntries(c.milestones.map((m) => [m.code, m.reachedOn])) as CaseTimeline;
    const slas = slasForBenefit("JAPAN_TREATMENT");
    // As stored, on the day of the last change (2026-03-09), every clock, not only the first.
    const stored = await queryRows<Record<string, unknown>>(
      server.database.db,
      sql`select k.clock, k.position, k.working_days_allowed as "workingDaysAllowed", k.started_on::text as "startedOn", k.due_on::text as "dueOn",
          k.met_on::text as "metOn", k.closed_on::text as "closedOn", k.paused_reason as "pausedReason", k.paused_since::text as "pausedSince",
          k.paused_working_days as "pausedWorkingDays", k.provisional, k.computed_on::text as "computedOn"
        from case_clock k join service_case c on c.id = k.case_id where c.case_no = ${caseNo} order by k.position`,
    );
    expect(stored).toEqual(caseClocks(slas, timeline, "2026-03-09", calendar));
    expect(stored.map((s) => s.clock)).toEqual(["REVIEW_RESULT", "START_NOTICE", "SPECIALIST_ASSIGNED", "ARRANGEMENT_COMPLETE"]);
    expect(stored[3]).toMatchObject({ startedOn: "2026-03-02", dueOn: "2026-04-28", metOn: null });
    // Read through the API on later days: what the rule answers on each of them.
    for (const day of ["2026-03-09", "2026-04-27", "2026-04-28", "2026-04-29"]) {
      on(day);
      expect((await theCase()).sla).toEqual(computeSlaClocks(slas, timeline, day, calendar));
    }
    expect(Object.fromEntries((await theCase()).sla.map((s) => [s.milestone, s.state]))).toEqual({
      REVIEW_RESULT: "MET",
      START_NOTICE: "MET",
      SPECIALIST_ASSIGNED: "MET",
      ARRANGEMENT_COMPLETE: "BREACHED",
    });
  });

  it(`JAPAN.标准.3 "${JAPAN_STANDARD_3}": the sweep raises case.sla_due_soon and case.sla_breached naming the arrangement clock, each once`, async () => {
    const sweepOn = async (day: string) => {
      on(day);
      return server.runtime.slaSweeper.runOnce();
    };
    // The first clock (the review, met on 2026-03-04) raises nothing; the arrangement does.
    expect(await sweepOn("2026-04-20")).toBe(0);
    expect(await sweepOn("2026-04-27")).toBe(1);
    expect(await sweepOn("2026-04-27")).toBe(0);
    expect(await sweepOn("2026-04-28")).toBe(0);
    expect(await sweepOn("2026-04-29")).toBe(1);
    expect(await sweepOn("2026-05-06")).toBe(0);
    const deadline = Date.now() + 10_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(received.map((r) => [r.type, r.caseNo, r.clock, r.slaDueOn])).toEqual([
      ["case.sla_due_soon", caseNo, "ARRANGEMENT_COMPLETE", "2026-04-28"],
      ["case.sla_breached", caseNo, "ARRANGEMENT_COMPLETE", "2026-04-28"],
    ]);
  });

  it(`JAPAN.标准.3 "${JAPAN_STANDARD_3}": caseMetrics counts every clock in slaAttainment and groups by clock`, async () => {
    on("2026-04-29");
    const filter = { services: ["JAPAN_CARE"] };
    const total = await server.request(CaseMetricsDocument, { groupBy: ["SERVICE"], filter: filter as never }, { token: analyst });
    expect(total.errors).toBeUndefined();
    // One case, four clocks: three met, the arrangement breached. Its first clock was met, so its SLA_STATE stays MET.
    expect(total.data!.caseMetrics).toMatchObject([{ keys: { service: "JAPAN_CARE" }, cases: 1, slaMet: 3, slaBreached: 1, slaAttainment: 0.75 }]);
    const byState = await server.request(CaseMetricsDocument, { groupBy: ["SLA_STATE"], filter: filter as never }, { token: analyst });
    expect(byState.data!.caseMetrics).toMatchObject([{ keys: { slaState: "MET" }, cases: 1, slaMet: 3, slaBreached: 1 }]);
    const byClock = await server.request(CaseMetricsByClockDocument, { groupBy: ["CLOCK", "SLA_STATE"], filter: filter as never }, { token: analyst });
    expect(byClock.errors).toBeUndefined();
    const row = (clock: string, slaState: string, met: number, breached: number) => ({
      keys: { service: null, benefit: null, slaState, clock },
      cases: 1,
      open: 1,
      completed: 0,
      slaMet: met,
      slaBreached: breached,
      slaAttainment: met / (met + breached),
    });
    expect(byClock.data!.caseMetrics).toEqual([
      row("ARRANGEMENT_COMPLETE", "BREACHED", 0, 1),
      row("REVIEW_RESULT", "MET", 1, 0),
      row("SPECIALIST_ASSIGNED", "MET", 1, 0),
      row("START_NOTICE", "MET", 1, 0),
    ]);
    // As of a past day (from the event log): on 2026-04-20 nothing had breached yet.
    const asOf = await server.request(CaseMetricsByClockDocument, { groupBy: ["CLOCK"], filter: { ...filter, asOf: "2026-04-20" } as never }, { token: analyst });
    expect(asOf.data!.caseMetrics.map((r) => [r.keys.clock, r.slaMet, r.slaBreached])).toEqual([
      ["ARRANGEMENT_COMPLETE", 0, 0],
      ["REVIEW_RESULT", 1, 0],
      ["SPECIALIST_ASSIGNED", 1, 0],
      ["START_NOTICE", 1, 0],
    ]);
    // The CSV export carries the clock after the measures.
    const csv = await fetch(`${server.url.replace(/\/graphql$/, "")}/exports/case-metrics.csv?groupBy=CLOCK&services=JAPAN_CARE`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(csv.status).toBe(200);
    const lines = new TextDecoder().decode(new Uint8Array(await csv.arrayBuffer()).slice(3)).trim().split("\r\n");
    expect(lines[0]!.endsWith(",p90WorkingDaysToComplete,clock")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",").at(-1))).toEqual(["ARRANGEMENT_COMPLETE", "REVIEW_RESULT", "SPECIALIST_ASSIGNED", "START_NOTICE"]);
  });

  it("does not announce again a first clock's event written before events named their clock", async () => {
    await policyWithDiagnosis(server, "EC-SO");
    await server.request(CreatePartnerDocument, { input: { code: "EC-SO", name: "第二诊疗意见服务商", services: ["SECOND_OPINION"] } }, admin);
    on("2026-05-06");
    const r = await server.request(
      SubmitCaseDocument,
      { input: { idempotencyKey: `ec-so-${kind}`, policyNo: "EC-SO", benefit: "SECOND_OPINION", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
      admin,
    );
    const so = r.data!.submitCase.serviceCase!;
    const clocks = await queryRows<{ clock: string; due_on: string; id: string }>(
      server.database.db,
      sql`select k.clock, k.due_on::text as due_on, c.id from case_clock k join service_case c on c.id = k.case_id where c.case_no = ${so.caseNo} order by k.position`,
    );
    expect(clocks.map((k) => k.clock)).toEqual(["EXPERT_ARRANGED", "REPORT_ISSUED"]);
    const [first, second] = clocks as [(typeof clocks)[0], (typeof clocks)[0]];
    // The first clock's breach as the sweep wrote it before the payload named the clock.
    await server.database.db.execute(
      sql`insert into outbox_event (type, occurred_at, case_id, service_code, payload, sla_due_on)
        values ('case.sla_breached', now(), ${first.id}, 'SECOND_OPINION', jsonb_build_object('type', 'case.sla_breached', 'slaDueOn', ${first.due_on}::text), ${first.due_on}::date)`,
    );
    on("2026-06-30");
    expect(await server.runtime.slaSweeper.runOnce()).toBe(1);
    const written = await queryRows<{ clock: string | null; due: string }>(
      server.database.db,
      sql`select payload ->> 'clock' as clock, sla_due_on::text as due from outbox_event where case_id = ${first.id} and sla_due_on is not null order by id`,
    );
    expect(written).toEqual([
      { clock: null, due: first.due_on },
      { clock: "REPORT_ISSUED", due: second.due_on },
    ]);
  });

  it("stores at start the clocks of cases written before clocks were stored, once", async () => {
    const stored = async () =>
      queryRows<{ clock: string; due_on: string | null; computed_on: string }>(
        server.database.db,
        sql`select k.clock, k.due_on::text as due_on, k.computed_on::text as computed_on from case_clock k join service_case c on c.id = k.case_id
          where c.case_no = ${caseNo} order by k.position`,
      );
    const before = await stored();
    expect(before).toHaveLength(4);
    await server.database.db.execute(sql`delete from case_clock where case_id = (select id from service_case where case_no = ${caseNo})`);
    expect(await stored()).toEqual([]);
    on("2026-05-06");
    const restarted = await startTestServer(kind, { clock, database: server.database });
    try {
      // Computed as of the day of the start: the same dates, a later computedOn.
      expect(await stored()).toEqual(before.map((k) => ({ ...k, computed_on: "2026-05-06" })));
      // A later start finds nothing to do: the stored rows are left as they are.
      on("2026-05-07");
      const again = await startTestServer(kind, { clock, database: server.database });
      await again.stop();
      expect(await stored()).toEqual(before.map((k) => ({ ...k, computed_on: "2026-05-06" })));
    } finally {
      await restarted.stop();
    }
  });
});
