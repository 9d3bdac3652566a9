// The database layer's fast path (src/db/driver/) and its switch: fixed statements reach the
// connection their executor was opened on, in the database and in a transaction, with the fast path
// on and off, and an executor the driver did not open is refused rather than guessed at.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { transaction } from "../src/db/driver/database.js";
import { fixedStatement } from "../src/db/driver/fixed-statement.js";
import { queryRows } from "../src/db/driver/rows.js";
import { statementsSoFar } from "../src/db/driver/statement-counter.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

const policyCount = fixedStatement<{ n: number }, [string]>((prefix) => sql`select count(*)::int as n from policy where policy_no like ${prefix} || '%'`);
const echo = fixedStatement<{ at: string; label: string }, [Date, string]>((at, label) => sql`select ${at}::timestamptz::text as at, ${label}::text as label`);

describe.each(testTargets().flatMap((kind) => [true, false].map((fastPath) => ({ kind, fastPath }))))("the driver on $kind, fast path $fastPath", ({ kind, fastPath }) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind, { fastPath });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("runs a fixed statement on the database and in a transaction, with the same answer and one statement counted each", async () => {
    const [expected] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from policy where policy_no like 'P-%'`);
    const before = statementsSoFar();
    expect(await policyCount(database.db, "P-")).toEqual([expected]);
    expect(statementsSoFar() - before).toBe(1);
    const inside = await transaction(database.db, async (tx) => policyCount(tx, "P-"));
    expect(inside).toEqual([expected]);
    expect(await echo(database.db, new Date("2026-03-02T02:00:00Z"), "x")).toEqual([{ at: "2026-03-02 02:00:00+00", label: "x" }]);
  });

  it("commits the transaction's work, and rolls all of it back when the work throws", async () => {
    const value = await transaction(database.db, async (tx) => {
      await tx.execute(sql`create table driver_kept (x int)`);
      await tx.execute(sql`insert into driver_kept values (1)`);
      return (await fixedStatement<{ x: number }, []>(() => sql`select x from driver_kept`)(tx))[0]!.x;
    });
    expect(value).toBe(1);
    await expect(
      transaction(database.db, async (tx) => {
        await tx.execute(sql`create table driver_dropped (x int)`);
        await fixedStatement<never, []>(() => sql`insert into driver_dropped values (1)`)(tx);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    const [tables] = await queryRows<{ kept: string | null; dropped: string | null }>(database.db, sql`select to_regclass('driver_kept')::text as kept, to_regclass('driver_dropped')::text as dropped`);
    expect(tables).toEqual({ kept: "driver_kept", dropped: null });
  });

  it("runs the transaction's statements on the transaction's connection", async () => {
    await transaction(database.db, async (tx) => {
      await fixedStatement<never, []>(() => sql`create temporary table driver_own (x int) on commit drop`)(tx);
      // Another connection (or, embedded, after the transaction) would not see the temporary table.
      expect(await fixedStatement<{ n: number }, []>(() => sql`select count(*)::int as n from driver_own`)(tx)).toEqual([{ n: 0 }]);
    });
  });

  it("refuses a transaction drizzle opened itself, which hands no connection over", async () => {
    await expect(database.db.transaction(async (tx) => policyCount(tx, "P-"))).rejects.toThrow(/not opened by openDatabase or by transaction\(\)/);
  });

  it("reports a failed statement without its values", async () => {
    const failing = fixedStatement<never, [string]>((secret) => sql`select ${secret}::int`);
    const error = await failing(database.db, "张三 13800138000").catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    if (fastPath) expect((error as Error).message).toBe("Failed query: select $1::int\nparams: [not logged]");
  });
});

describe.runIf(testTargets().includes("postgres"))("prepared statements on PostgreSQL", () => {
  const prepared = (tx: Parameters<typeof policyCount>[0]) => queryRows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);

  it.each([true, false])("are kept on the connection when the fast path is %s", async (fastPath) => {
    const database = await openTestDatabase("postgres", { fastPath });
    try {
      const statements = await transaction(database.db, async (tx) => {
        await policyCount(tx, "P-");
        await tx.execute(sql`select count(*) from person where ${1} = 1`);
        return (await prepared(tx)).map((row) => row.statement);
      });
      // The fixed statement and drizzle's own, or neither.
      expect(statements.filter((s) => s.includes("from policy where") || s.includes("from person")).length).toBe(fastPath ? 2 : 0);
    } finally {
      await database.close();
    }
  });
});
