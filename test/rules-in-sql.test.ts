// Two rules are also written in SQL, where they must run inside the database: which webhook event a
// case event raises (the outbox trigger, migration 0015) and a clock's state from its dates (the case
// metrics over every case, migration 0016). Each SQL function must answer as its TypeScript rule for
// every input the rule distinguishes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
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

/** A SQL expression over each input (one row each: columns `i.<name>` as declared), in order. */
async function sqlAnswers(handle: DatabaseHandle, inputs: readonly object[], columns: string, expression: string): Promise<string[]> {
  const rows = await queryRows<{ answer: string }>(
    handle.db,
    sql`select ${sql.raw(expression)} as answer
        from jsonb_to_recordset(${JSON.stringify(inputs.map((input, n) => ({ n, ...input })))}::jsonb) as i(n int, ${sql.raw(columns)})
        order by i.n`,
  );
  return rows.map((row) => row.answer);
}

/** The inputs on which SQL and the rule answer differently. */
function disagreements<T>(inputs: readonly T[], fromSql: readonly string[], rule: (input: T) => string) {
  expect(fromSql).toHaveLength(inputs.length);
  return inputs.map((input, i) => ({ input, sql: fromSql[i], rule: rule(input) })).filter((d) => d.sql !== d.rule);
}

describe.each(testTargets())("rules written in SQL on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle?.close());

  it(`name the webhook event as caseEventWebhook does, for all ${events.length} logged events`, async () => {
    const fromSql = await sqlAnswers(
      handle,
      events.map((e) => ({ action: e.action, from_status: e.fromStatus, to_status: e.toStatus })),
      "action text, from_status text, to_status text",
      "webhook_event_of_case_event(i.action, i.from_status, i.to_status)",
    );
    expect(disagreements(events, fromSql, (e) => wireType(caseEventWebhook(e)))).toEqual([]);
  });

  it(`give a clock's state as clockStateOn does, for all ${clocks.length} combinations of dates`, async () => {
    const fromSql = await sqlAnswers(
      handle,
      clocks.map((c) => ({ due_on: c.dueOn, met_on: c.metOn, judged_on: c.judgedOn })),
      "due_on date, met_on date, judged_on date",
      "sla_state_on(i.due_on, i.met_on, i.judged_on)",
    );
    expect([...new Set(fromSql)].sort()).toEqual(["BREACHED", "DUE_TODAY", "MET", "MISSED", "NOT_STARTED", "ON_TRACK"]);
    expect(disagreements(clocks, fromSql, (c) => clockStateOn(c.dueOn, c.metOn, c.judgedOn))).toEqual([]);
  });
});
