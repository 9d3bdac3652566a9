// Two rules are also written in SQL, where they must run inside the database: which webhook event a
// case event raises (the outbox trigger, migration 0015) and a clock's state from its dates (the case
// metrics over every case, migration 0016). Each SQL function must answer as its TypeScript rule for
// every input the rule distinguishes.
//
// Lists of codes are written in SQL too (the closed statuses, the case statuses, the webhook event
// types): in the database's functions, trigger functions, views and check constraints, as migrations
// created them, and in the query files. Every such list must be one the rules name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { CASE_STATUSES, CLOSED_STATUSES, LOGGED_CASE_ACTIONS, type CaseStatus } from "../src/rules/case-workflow/codes.js";
import { addDays } from "../src/rules/shared/dates.js";
import { clockStateOn } from "../src/rules/sla/compute-sla-clocks.js";
import { CASE_EVENT_WEBHOOKS, caseEventWebhook, caseEventWebhookSql, WEBHOOK_EVENTS, wireType, type LoggedCaseEvent } from "../src/rules/webhooks/event-types.js";
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

/** A piece of SQL text and where it was read. */
interface SqlText {
  readonly source: string;
  readonly text: string;
}

/** The database's own SQL text: function bodies (trigger functions too), views, check constraints. */
async function databaseSqlTexts(handle: DatabaseHandle): Promise<SqlText[]> {
  return queryRows<SqlText>(
    handle.db,
    sql`select 'function ' || n.nspname || '.' || p.proname as source, p.prosrc as text
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
         where n.nspname in ('public', 'reporting') and l.lanname in ('sql', 'plpgsql')
        union all
        select 'view ' || n.nspname || '.' || c.relname, pg_get_viewdef(c.oid)
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname in ('public', 'reporting') and c.relkind in ('v', 'm')
        union all
        select 'constraint ' || k.conname, pg_get_constraintdef(k.oid)
          from pg_constraint k join pg_namespace n on n.oid = k.connamespace
         where n.nspname in ('public', 'reporting') and k.contype = 'c'
        order by 1`,
  );
}

/** The query and schema files, where SQL is written inside sql`…`. */
function sourceSqlTexts(folder = "src/db"): SqlText[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceSqlTexts(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [{ source: path, text: readFileSync(path, "utf8") }] : [];
  });
}

/**
 * Every list of two or more quoted codes in the text, `('A', 'B')` as written or
 * `ARRAY['A'::text, 'B'::text]` as PostgreSQL prints a view or a constraint back.
 */
function codeLists(text: string): string[][] {
  const lists: string[][] = [];
  for (const match of text.matchAll(/[([]\s*('[^']*'(?:::[a-z ]+)?(?:\s*,\s*'[^']*'(?:::[a-z ]+)?)+)\s*[)\]]/g)) {
    lists.push([...match[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!));
  }
  return lists;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/** Lists made only of case statuses, each with where it was read. */
function statusLists(texts: readonly SqlText[]) {
  const statuses = new Set<string>(CASE_STATUSES);
  return texts.flatMap(({ source, text }) => codeLists(text).filter((list) => list.every((code) => statuses.has(code))).map((list) => ({ source, list })));
}

describe("the webhook event's SQL is generated from the rule", () => {
  it("the last migration that defines webhook_event_of_case_event holds caseEventWebhookSql()'s text, unchanged", () => {
    const dir = new URL("../migrations/", import.meta.url);
    const defining = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .filter((f) => /FUNCTION webhook_event_of_case_event/.test(readFileSync(new URL(f, dir), "utf8")));
    const last = defining[defining.length - 1]!;
    expect(last).toBe("0029_webhook_event_generated.sql");
    expect(readFileSync(new URL(last, dir), "utf8")).toContain(caseEventWebhookSql());
  });

  it("a rule changed in TypeScript alone no longer matches the migration (the check above can fail)", () => {
    const migration = readFileSync(new URL("../migrations/0029_webhook_event_generated.sql", import.meta.url), "utf8");
    const changed = [{ actions: ["REJECT"], event: "CASE_STATUS_CHANGED" } as const, ...CASE_EVENT_WEBHOOKS];
    expect(caseEventWebhookSql(changed)).toContain("WHEN action = 'REJECT' THEN 'case.status_changed'");
    expect(migration).not.toContain(caseEventWebhookSql(changed));
  });
});

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

  it("write the closed statuses and the case statuses as the rules list them, in the database and the query files", async () => {
    const found = statusLists([...(await databaseSqlTexts(handle)), ...sourceSqlTexts()]);
    // Each list is the closed statuses (for "open"/"closed") or every status (the check constraint).
    expect(found.filter(({ list }) => !sameSet(list, CLOSED_STATUSES) && !sameSet(list, CASE_STATUSES))).toEqual([]);
    // The scan reads what it should: the check constraint, and the reporting view's "open" count.
    expect(found.filter(({ list }) => sameSet(list, CASE_STATUSES)).map((f) => f.source)).toContain("constraint service_case_status_known");
    expect(found.filter(({ list }) => sameSet(list, CLOSED_STATUSES)).map((f) => f.source)).toContain("view reporting.case_daily");
  });

  it("name only the webhook event types of the rules, in the database and the query files", async () => {
    const wireTypes = new Set(WEBHOOK_EVENTS.map(wireType));
    const texts = [...(await databaseSqlTexts(handle)), ...sourceSqlTexts()];
    const named = texts.flatMap(({ source, text }) => [...text.matchAll(/'(case\.[a-z_]+)'/g)].map((m) => ({ source, type: m[1]! })));
    expect(named.filter(({ type }) => !wireTypes.has(type))).toEqual([]);
    // The outbox trigger and the rule's SQL twin both name the events of the case log.
    const raisedByLog = new Set(events.map((e) => wireType(caseEventWebhook(e))));
    for (const source of ["function public.webhook_event_of_case_event"]) {
      expect(new Set(named.filter((n) => n.source === source).map((n) => n.type))).toEqual(raisedByLog);
    }
  });
});
