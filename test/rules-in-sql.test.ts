// Two rules are also written in SQL, where they must run inside the database: which webhook event a
// case event raises (the outbox trigger, migration 0015) and a clock's state from its dates (the case
// metrics over every case, migration 0016). Each SQL function must answer as its TypeScript rule for
// every input the rule distinguishes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/rows.js";
import { CASE_STATUSES, LOGGED_CASE_ACTIONS, type CaseStatus } from "../src/rules/case-workflow/codes.js";
import { addDays } from "../src/rules/shared/dates.js";
import { clockStateOn } from "../src/rules/sla/compute-sla-clocks.js";
import { caseEventWebhook, wireType, type LoggedCaseEvent } from "../src/rules/webhooks/event-types.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

const events: LoggedCaseEvent[] = LOGGED_CASE_ACTIONS.flatMap((action) =>
  [null, ...CASE_STATUSES].flatMap((fromStatus: CaseStatus | null) => CASE_STATUSES.map((toStatus) => ({ action, fromStatus, toStatus }))),
);

// Dates around a due day: none, before, on, after, and across a month and a year.
const DUE = "2026-12-31";
const around = [null, addDays(DUE, -40), addDays(DUE, -1), DUE, addDays(DUE, 1), addDays(DUE, 40)];
const clocks = [null, DUE].flatMap((dueOn) =>
  around.flatMap((metOn) => around.filter((d): d is string => d !== null).map((judgedOn) => ({ dueOn, metOn, judgedOn }))),
);

describe.each(testTargets())("rules written in SQL on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle?.close());

  it(`name the webhook event as caseEventWebhook does, for all ${events.length} logged events`, async () => {
    const rows = await queryRows<{ n: number; type: string }>(
      handle.db,
      sql`select e.n, webhook_event_of_case_event(e.action, e.from_status, e.to_status) as type
          from jsonb_to_recordset(${JSON.stringify(events.map((e, n) => ({ n, action: e.action, from_status: e.fromStatus, to_status: e.toStatus })))}::jsonb)
            as e(n int, action text, from_status text, to_status text)
          order by e.n`,
    );
    expect(rows).toHaveLength(events.length);
    const disagreeing = rows
      .map((row, i) => ({ event: events[i]!, sql: row.type, rule: wireType(caseEventWebhook(events[i]!)) }))
      .filter((r) => r.sql !== r.rule);
    expect(disagreeing).toEqual([]);
  });

  it(`give a clock's state as clockStateOn does, for all ${clocks.length} combinations of dates`, async () => {
    const rows = await queryRows<{ n: number; state: string }>(
      handle.db,
      sql`select c.n, sla_state_on(c.due_on, c.met_on, c.judged_on) as state
          from jsonb_to_recordset(${JSON.stringify(clocks.map((c, n) => ({ n, due_on: c.dueOn, met_on: c.metOn, judged_on: c.judgedOn })))}::jsonb)
            as c(n int, due_on date, met_on date, judged_on date)
          order by c.n`,
    );
    expect(rows).toHaveLength(clocks.length);
    const states = new Set(rows.map((r) => r.state));
    expect([...states].sort()).toEqual(["BREACHED", "DUE_TODAY", "MET", "MISSED", "NOT_STARTED", "ON_TRACK"]);
    const disagreeing = rows
      .map((row, i) => ({ clock: clocks[i]!, sql: row.state, rule: clockStateOn(clocks[i]!.dueOn, clocks[i]!.metOn, clocks[i]!.judgedOn) }))
      .filter((r) => r.sql !== r.rule);
    expect(disagreeing).toEqual([]);
  });
});
