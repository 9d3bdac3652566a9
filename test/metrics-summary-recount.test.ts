// Every case-metric summary is a cache of service_case. After random workloads (cases submitted by
// the insurer and by a partner over weeks, walked, cancelled, rejected, with compaction at random
// points) each summary ∪ the pending deltas must equal a recount from the cases, and caseMetrics,
// whichever summary it reads, must answer what a count of the cases computes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { compactCaseMetrics } from "../src/db/queries/case-metrics.js";
import { SUMMARIES } from "../src/db/queries/case-metrics/summaries.js";
import { queryRows } from "../src/db/driver/rows.js";
import { CLOSED_STATUSES } from "../src/rules/case-workflow/codes.js";
import { clockStateOn } from "../src/rules/sla/compute-sla-clocks.js";
import { percentileOfHistogram } from "../src/rules/metrics/percentile.js";
import { addDays } from "../src/rules/shared/dates.js";
import {
  CaseMetricsByClockDocument,
  CaseMetricsDocument,
  CreatePartnerDocument,
  IssueApiKeyDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  type BenefitCode,
  type CaseAction,
  type CaseMetricDimension,
  type CaseMetricsQuery,
  type SubmitCaseInput,
} from "./generated/graphql.js";
import { postgresAvailable, testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const docs = [{ kind: "OUTPATIENT_RECORD" as const, reference: "r" }];
const PLACES = ["武汉", "襄阳", "上海", "杭州", "成都", "朝阳区"];
const BENEFITS: { benefit: BenefitCode; extra: () => Partial<SubmitCaseInput>; partner: boolean }[] = [
  { benefit: "FAMILY_DOCTOR", extra: () => ({}), partner: true },
  { benefit: "GREEN_CHANNEL_OUTPATIENT", extra: () => ({ place: pick(PLACES) }), partner: true },
  { benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", extra: () => ({ place: pick(PLACES) }), partner: true },
  { benefit: "SECOND_OPINION", extra: () => ({ documents: docs }), partner: false },
  { benefit: "MDT_CONSULTATION", extra: () => ({ documents: docs }), partner: false },
];
const ACTIONS: CaseAction[] = ["START_REVIEW", "APPROVE", "SCHEDULE", "START", "COMPLETE", "START", "COMPLETE", "CANCEL", "REJECT", "RECORD_NO_SHOW"];

/** mulberry32: the same workload for the same seed, so a failure can be replayed. */
let state = 0;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Groups where a summary (∪ the deltas) and a recount of the cases by its columns disagree. */
async function summaryMismatches(db: Database): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const s of SUMMARIES) {
    for (const [table, columns] of [
      [s.daily, `submitted_on, ${s.columns}`],
      [s.monthly, s.columns],
    ] as const) {
      const cols = sql.raw(columns);
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`with kept as (
            select ${cols}, sum(cases)::int as n from (select ${cols}, cases from ${sql.raw(table)} union all select ${cols}, cases from case_metric_delta) r
            group by ${cols} having sum(cases) <> 0),
          counted as (select ${cols}, count(*)::int as n from (select k.* from service_case c, lateral case_metric_key(c) k) x group by ${cols})
          (select 'kept' as side, * from kept except select 'kept', * from counted)
          union all
          (select 'counted', * from counted except select 'counted', * from kept)`,
      );
      found.push(...rows.map((r) => ({ table, ...r })));
    }
    const zero = await queryRows<{ n: number }>(db, sql`select (select count(*) from ${sql.raw(s.daily)} where cases <= 0) + (select count(*) from ${sql.raw(s.monthly)} where cases <= 0) as n`);
    if (Number(zero[0]!.n) > 0) found.push({ summary: s.name, emptyGroups: zero[0]!.n });
  }
  return found;
}

interface CaseKey {
  id: string;
  submitted_on: string;
  submitted_month: string;
  service_code: string;
  benefit_code: string;
  status: string;
  province_code: string | null;
  city_code: string | null;
  partner_code: string | null;
  sla_outcome: string | null;
  sla_due_on: string | null;
  working_days_to_complete: number | null;
}

/** A stored clock of a case (case_clock); a case of a service without clocks has none. */
interface ClockRow {
  case_id: string;
  clock: string;
  due_on: string | null;
  met_on: string | null;
  closed_on: string | null;
}

type Filter = { submittedFrom?: string; submittedTo?: string; services?: string[]; provinceCodes?: string[]; partnerCodes?: string[] };
type Answer = CaseMetricsQuery["caseMetrics"];

/** caseMetrics computed from one row per case, in TypeScript (definitions: docs/metrics.md). */
function recount(cases: readonly CaseKey[], clocks: readonly ClockRow[], today: string, groupBy: readonly CaseMetricDimension[], filter: Filter): Answer {
  const clockState = (k: ClockRow) => clockStateOn(k.due_on, k.met_on, k.closed_on ?? today);
  const clocksOf = new Map<string, ClockRow[]>();
  for (const k of clocks) clocksOf.set(k.case_id, [...(clocksOf.get(k.case_id) ?? []), k]);
  // Grouped by CLOCK, a case counts once under each of its clocks (SLA_STATE is that clock's);
  // otherwise once, under its first clock's state, and slaMet / slaBreached count all its clocks.
  const perClock = groupBy.includes("CLOCK");
  type Entry = CaseKey & { counted: ClockRow[]; clockKey: ClockRow | null };
  const entries: Entry[] = cases.flatMap((c): Entry[] => {
    const own = clocksOf.get(c.id) ?? [];
    if (!perClock) return [{ ...c, counted: own, clockKey: null }];
    return own.length ? own.map((k) => ({ ...c, counted: [k], clockKey: k })) : [{ ...c, counted: [], clockKey: null }];
  });
  const firstState = (c: CaseKey) => c.sla_outcome ?? (c.sla_due_on! < today ? "BREACHED" : c.sla_due_on === today ? "DUE_TODAY" : "ON_TRACK");
  const state = (c: Entry) => (perClock ? (c.clockKey ? clockState(c.clockKey) : null) : firstState(c));
  const keyOf: Record<CaseMetricDimension, (c: Entry) => string | null> = {
    SERVICE: (c) => c.service_code,
    BENEFIT: (c) => c.benefit_code,
    STATUS: (c) => c.status,
    PROVINCE: (c) => c.province_code,
    CITY: (c) => c.city_code,
    MONTH: (c) => c.submitted_month,
    PARTNER: (c) => c.partner_code,
    SLA_STATE: state,
    CLOCK: (c) => c.clockKey?.clock ?? null,
  };
  const groups = new Map<string, { keys: Partial<Record<CaseMetricDimension, string | null>>; list: Entry[] }>();
  for (const c of entries) {
    if (filter.submittedFrom && c.submitted_on < filter.submittedFrom) continue;
    if (filter.submittedTo && c.submitted_on > filter.submittedTo) continue;
    if (filter.services && !filter.services.includes(c.service_code)) continue;
    if (filter.provinceCodes && !filter.provinceCodes.includes(c.province_code!)) continue;
    if (filter.partnerCodes && !filter.partnerCodes.includes(c.partner_code!)) continue;
    const keys = Object.fromEntries(groupBy.map((d) => [d, keyOf[d](c)]));
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys, list: [] as Entry[] };
    group.list.push(c);
    groups.set(id, group);
  }
  return [...groups.values()].map(({ keys, list }) => {
    const counted = list.flatMap((c) => c.counted.map(clockState));
    const met = counted.filter((st) => st === "MET").length;
    const breached = counted.filter((st) => st === "MISSED" || st === "BREACHED").length;
    const turnaround = new Map<number, number>();
    for (const c of list) {
      if (c.status === "COMPLETED" && c.working_days_to_complete !== null) turnaround.set(c.working_days_to_complete, (turnaround.get(c.working_days_to_complete) ?? 0) + 1);
    }
    return {
      keys: {
        service: keys.SERVICE ?? null,
        benefit: keys.BENEFIT ?? null,
        status: keys.STATUS ?? null,
        provinceCode: keys.PROVINCE ?? null,
        cityCode: keys.CITY ?? null,
        month: keys.MONTH ?? null,
        partnerCode: keys.PARTNER ?? null,
        slaState: keys.SLA_STATE ?? null,
        ...(perClock ? { clock: keys.CLOCK ?? null } : {}),
      },
      cases: list.length,
      open: list.filter((c) => !(CLOSED_STATUSES as readonly string[]).includes(c.status)).length,
      completed: list.filter((c) => c.status === "COMPLETED").length,
      slaMet: met,
      slaBreached: breached,
      slaAttainment: met + breached === 0 ? null : met / (met + breached),
      medianWorkingDaysToComplete: percentileOfHistogram(turnaround, 0.5),
      p90WorkingDaysToComplete: percentileOfHistogram(turnaround, 0.9),
    };
  }) as Answer;
}

const byKeys = <R extends { keys: unknown }>(rows: readonly R[]) => [...rows].sort((a, b) => (JSON.stringify(a.keys) < JSON.stringify(b.keys) ? -1 : 1));

const GROUPINGS: CaseMetricDimension[][] = [
  [],
  ["SERVICE", "MONTH"],
  ["SERVICE", "SLA_STATE"],
  ["BENEFIT", "STATUS", "SLA_STATE"],
  ["PROVINCE", "SERVICE", "STATUS"],
  ["PARTNER", "MONTH", "SLA_STATE"],
  ["CITY", "MONTH"],
  ["CITY", "PARTNER", "BENEFIT", "STATUS", "SLA_STATE"],
];
/** Groupings by clock (CaseMetricsByClock: keys service, benefit, slaState, clock). */
const CLOCK_GROUPINGS: CaseMetricDimension[][] = [["CLOCK"], ["SERVICE", "CLOCK"], ["BENEFIT", "CLOCK", "SLA_STATE"]];
const byClockView = (rows: Answer) =>
  rows.map((r) => ({
    keys: { service: r.keys.service, benefit: r.keys.benefit, slaState: r.keys.slaState, clock: (r.keys as { clock?: string | null }).clock ?? null },
    cases: r.cases,
    open: r.open,
    completed: r.completed,
    slaMet: r.slaMet,
    slaBreached: r.slaBreached,
    slaAttainment: r.slaAttainment,
  }));

describe.each(testTargets())("case metric summaries against a recount of the cases on %s", (kind) => {
  let server: TestServer;
  let partnerKey = "";
  let now = new Date("2026-01-05T02:00:00Z");
  const today = () => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const open: { id: string; version: number }[] = [];
  const checkpoints: unknown[][] = [];

  async function submit(n: number) {
    const b = pick(BENEFITS);
    const byPartner = b.partner && random() < 0.4;
    const r = await server.request(
      SubmitCaseDocument,
      { input: { idempotencyKey: `rw-${n}`, policyNo: `RW-${Math.floor(random() * 12)}`, benefit: b.benefit, applicant: "INSURED", ...b.extra() } },
      byPartner ? { token: partnerKey } : admin,
    );
    const c = r.data?.submitCase.serviceCase;
    if (c) open.push({ id: c.id, version: c.version });
  }

  async function step() {
    if (!open.length) return;
    const i = Math.floor(random() * open.length);
    const c = open[i]!;
    const action = pick(ACTIONS);
    const extra = action === "SCHEDULE" ? { scheduledFor: addDays(today(), 1 + Math.floor(random() * 4)) } : {};
    const r = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion: c.version, ...extra } }, admin);
    const moved = r.data?.transitionCase.serviceCase;
    if (!moved) return;
    c.version = moved.version;
    if ((CLOSED_STATUSES as readonly string[]).includes(moved.status)) open.splice(i, 1);
  }

  beforeAll(async () => {
    state = 20261202;
    server = await startTestServer(kind, { clock: { now: () => now } });
    for (let i = 0; i < 12; i++) await policyWithDiagnosis(server, `RW-${i}`);
    await server.request(CreatePartnerDocument, { input: { code: "RW-CARE", name: "随机工作量", services: ["FAMILY_DOCTOR", "GREEN_CHANNEL"] } }, admin);
    partnerKey = (await server.request(IssueApiKeyDocument, { input: { label: "rw", role: "PARTNER", partnerCode: "RW-CARE" } }, admin)).data!.issueApiKey.apiKey!;
    let n = 0;
    // About ten weeks of working days, a few cases a day, compaction now and then.
    for (let day = 0; day < 12; day++) {
      for (let k = 0; k < 4 + Math.floor(random() * 4); k++) await submit(n++);
      for (let k = 0; k < 3 + Math.floor(random() * 5); k++) await step();
      if (random() < 0.5) await compactCaseMetrics(server.database.db);
      if (day % 4 === 3) checkpoints.push(await summaryMismatches(server.database.db));
      now = new Date(now.getTime() + (1 + Math.floor(random() * 9)) * 86_400_000);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("keeps every summary equal to a recount of the cases throughout", async () => {
    expect(checkpoints.length).toBe(3);
    for (const found of checkpoints) expect(found).toEqual([]);
    expect(await summaryMismatches(server.database.db)).toEqual([]);
    await compactCaseMetrics(server.database.db);
    expect(await summaryMismatches(server.database.db)).toEqual([]);
  });

  it("answers every grouping, window and filter as a count of the cases does", async () => {
    const cases = await queryRows<CaseKey>(
      server.database.db,
      sql`select c.id, k.submitted_on::text as submitted_on, k.submitted_month, k.service_code, k.benefit_code, k.status, k.province_code, k.city_code, k.partner_code,
        k.sla_outcome, k.sla_due_on::text as sla_due_on, k.working_days_to_complete from service_case c, lateral case_metric_key(c) k`,
    );
    const clocks = await queryRows<ClockRow>(
      server.database.db,
      sql`select case_id, clock, due_on::text as due_on, met_on::text as met_on, closed_on::text as closed_on from case_clock`,
    );
    expect(cases.length).toBeGreaterThan(25);
    // Cases with two clocks (second opinion, MDT, the inpatient green channel's only one aside).
    expect(new Set(clocks.map((k) => k.clock)).size).toBeGreaterThan(3);
    expect(new Set(cases.map((c) => c.submitted_month)).size).toBeGreaterThan(1);
    expect(cases.some((c) => c.partner_code === "RW-CARE")).toBe(true);
    expect(cases.some((c) => c.sla_outcome === null)).toBe(true);
    const months = [...new Set(cases.map((c) => c.submitted_month))].sort();
    const filters: Filter[] = [
      {},
      { submittedFrom: `${months[0]}-10`, submittedTo: `${months.at(-1)}-05` },
      { submittedFrom: `${months[1]}-01` },
      { submittedTo: `${months[0]}-31` },
      { services: ["GREEN_CHANNEL"] },
      { provinceCodes: [...new Set(cases.map((c) => c.province_code).filter((p): p is string => p !== null))].slice(0, 2) },
      { partnerCodes: ["RW-CARE"], submittedFrom: `${months[0]}-15` },
    ];
    // Answered with the deltas pending, then again once they are folded into the summaries.
    for (const compacted of [false, true]) {
      if (compacted) await compactCaseMetrics(server.database.db);
      for (const groupBy of GROUPINGS) {
        for (const filter of filters) {
          const r = await server.request(CaseMetricsDocument, { groupBy, filter: filter as never }, admin);
          expect(r.errors, JSON.stringify({ groupBy, filter })).toBeUndefined();
          expect(byKeys(r.data!.caseMetrics), JSON.stringify({ groupBy, filter, compacted })).toEqual(byKeys(recount(cases, clocks, today(), groupBy, filter)));
        }
      }
      for (const groupBy of CLOCK_GROUPINGS) {
        for (const filter of filters) {
          const r = await server.request(CaseMetricsByClockDocument, { groupBy, filter: filter as never }, admin);
          expect(r.errors, JSON.stringify({ groupBy, filter })).toBeUndefined();
          expect(byKeys(r.data!.caseMetrics), JSON.stringify({ groupBy, filter, compacted })).toEqual(byKeys(byClockView(recount(cases, clocks, today(), groupBy, filter))));
        }
      }
    }
  });
});

describe.runIf(postgresAvailable())("case metric summaries under concurrent writers and compaction", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("postgres");
    for (let i = 0; i < 8; i++) await policyWithDiagnosis(server, `RCC-${i}`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("equal a recount after 48 concurrent cases submitted and walked while compaction runs", async () => {
    const db = server.database.db;
    let compacting = true;
    const compactor = (async () => {
      while (compacting) {
        await compactCaseMetrics(db);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await Promise.all(
      Array.from({ length: 48 }, async (_, i) => {
        const input: SubmitCaseInput =
          i % 3 === 0
            ? { idempotencyKey: `rcc-${i}`, policyNo: `RCC-${i % 8}`, benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: PLACES[i % PLACES.length] }
            : { idempotencyKey: `rcc-${i}`, policyNo: `RCC-${i % 8}`, benefit: "FAMILY_DOCTOR", applicant: "INSURED" };
        const r = await server.request(SubmitCaseDocument, { input }, admin);
        const c = r.data?.submitCase.serviceCase;
        if (!c || i % 3 === 0) return;
        const started = await server.request(TransitionCaseDocument, { input: { caseId: c.id, action: "START", expectedVersion: c.version } }, admin);
        const v = started.data!.transitionCase.serviceCase!.version;
        if (i % 2) await server.request(TransitionCaseDocument, { input: { caseId: c.id, action: "COMPLETE", expectedVersion: v } }, admin);
      }),
    );
    compacting = false;
    await compactor;
    expect(await summaryMismatches(db)).toEqual([]);
    await compactCaseMetrics(db);
    expect(await summaryMismatches(db)).toEqual([]);
  });
});
