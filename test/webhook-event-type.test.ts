// The outbox trigger names each case event's webhook type in SQL (migration 0015); the rule is
// caseEventWebhook in src/rules/webhooks. Every action the log records, from every status (or none)
// to every status, must get the same type from both.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/rows.js";
import { CASE_STATUSES, LOGGED_CASE_ACTIONS, type CaseStatus } from "../src/rules/case-workflow/codes.js";
import { caseEventWebhook, wireType, type LoggedCaseEvent } from "../src/rules/webhooks/event-types.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

const events: LoggedCaseEvent[] = LOGGED_CASE_ACTIONS.flatMap((action) =>
  [null, ...CASE_STATUSES].flatMap((fromStatus: CaseStatus | null) => CASE_STATUSES.map((toStatus) => ({ action, fromStatus, toStatus }))),
);

describe.each(testTargets())("the outbox trigger's event types on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(() => handle?.close());

  it(`agree with caseEventWebhook for all ${events.length} logged events`, async () => {
    const rows = await queryRows<{ n: number; type: string }>(
      handle.db,
      sql`select e.n::int as n, webhook_event_of_case_event(e.action, e.from_status, e.to_status) as type
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
});
