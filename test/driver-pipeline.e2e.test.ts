// The fast path off is the setting for a pooler in transaction mode (PgBouncer 1.18: npm run
// test:pooler -- transaction), where a query sent on a connection before the last one was answered
// loses its answer: the last one's ReadyForQuery returns the server connection to the pool. With the
// fast path off the driver sends one query at a time on a connection (src/db/client.ts), so on a
// one-connection pool a query without parameters and one with parameters, asked together, are both
// answered, each with its own rows. Direct to PostgreSQL, or through a session-mode pooler, this
// holds either way; through the transaction-mode pooler it failed before (the second never answered).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, PIPELINE_DEPTH, type DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

describe.runIf(testTargets().includes("postgres"))("queries asked together on one connection, the fast path off", () => {
  let database: DatabaseHandle & { pooledUrl?: string };
  let single: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase("postgres", { fastPath: false });
    single = await openDatabase({ kind: "postgres", url: database.pooledUrl! }, { fastPath: false, maxConnections: 1 });
    await queryRows(single.db, sql`select 1 as one`); // the connection is open: the next queries find it busy
  });
  afterAll(async () => {
    await single?.close();
    await database?.close();
  });

  it("answers each of them, in turn", async () => {
    const answered = (async () => {
      const asked = [];
      for (let n = 0; n < 5; n++) {
        asked.push(queryRows<{ n: number }>(single.db, sql.raw(`select ${n} as n from pg_sleep(0.05)`)));
        asked.push(queryRows<{ n: number }>(single.db, sql`select ${n + 100}::int as n`));
      }
      return (await Promise.all(asked)).map((rows) => rows[0]?.n);
    })();
    const timeout = new Promise<"unanswered">((resolve) => setTimeout(() => resolve("unanswered"), 10_000).unref());
    expect(await Promise.race([answered, timeout])).toEqual([0, 100, 1, 101, 2, 102, 3, 103, 4, 104]);
  });

  it("still runs transactions, and statements beside them", async () => {
    // postgres.js reserves a transaction's connection in a step its pipelining check skipped when
    // pipelining is off (patches/postgres+3.4.9.patch): UNSAFE_TRANSACTION before the patch.
    const [inside, beside] = await Promise.all([
      single.db.transaction(async (tx) => {
        const [first] = await queryRows<{ n: number }>(tx, sql`select ${1}::int as n`);
        const [second] = await queryRows<{ n: number }>(tx, sql.raw("select 2 as n"));
        return [first?.n, second?.n];
      }),
      queryRows<{ n: number }>(single.db, sql.raw("select 3 as n")),
    ]);
    expect(inside).toEqual([1, 2]);
    expect(beside[0]?.n).toBe(3);
  });
});

// With the fast path on (record 0104): every connection busy, a query is sent behind at most
// PIPELINE_DEPTH others on a connection; the rest wait in the pool's queue and go to the first
// connection free. Before, a query went behind whichever busy connection came next, up to 100 deep:
// behind a slow statement, every second query of a burst waited for it.
describe.runIf(testTargets().includes("postgres"))("queries asked together while one is slow, the fast path on", () => {
  let database: DatabaseHandle & { url?: string };
  let pool: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase("postgres", { fastPath: true });
    pool = await openDatabase({ kind: "postgres", url: database.url! }, { fastPath: true, maxConnections: 2 });
    // Both connections open, so the burst below finds them idle, then busy.
    await Promise.all([queryRows(pool.db, sql`select pg_sleep(0.05)`), queryRows(pool.db, sql`select pg_sleep(0.05)`)]);
  });
  afterAll(async () => {
    await pool?.close();
    await database?.close();
  });

  it("sends two of them behind the slow one, the rest on the connection that answers fast", async () => {
    expect(PIPELINE_DEPTH).toBe(2);
    const answered: string[] = [];
    const ask = (name: string, query: ReturnType<typeof sql>) => queryRows(pool.db, query).then(() => void answered.push(name));
    const asked = [ask("slow", sql`select pg_sleep(0.5)`)];
    for (let n = 0; n < 8; n++) asked.push(ask(`fast ${n}`, sql.raw(`select ${n} as n`)));
    await Promise.all(asked);
    expect(answered).toHaveLength(9);
    // The burst's second and fourth queries went behind the slow one, the busy connections taken in
    // turn; at the old depth of 100, every second one did ("fast 1", "fast 3", "fast 5", "fast 7").
    expect(answered.slice(answered.indexOf("slow") + 1)).toEqual(["fast 1", "fast 3"]);
  });
});
