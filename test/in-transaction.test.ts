// A flow's transaction ends by its outcome: commit keeps its writes, rollBack answers with none of them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { commit, inTransaction, rollBack } from "../src/resolvers/shared/in-transaction.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

describe.each(testTargets())("inTransaction on %s", (kind) => {
  let handle: DatabaseHandle;
  const labels = async () => (await queryRows<{ label: string }>(handle.db, sql`select label from outcome_probe order by label`)).map((r) => r.label);

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await handle.db.execute(sql`create table outcome_probe (label text primary key)`);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("keeps what a committed outcome wrote and hands back its value", async () => {
    const outcome = await inTransaction(handle.db, async (tx) => {
      await tx.execute(sql`insert into outcome_probe values ('kept')`);
      return commit(42);
    });
    expect(outcome).toEqual({ commit: 42 });
    expect(await labels()).toEqual(["kept"]);
  });

  it("writes nothing for a rolled-back outcome, even after a write, and answers with it", async () => {
    const outcome = await inTransaction(handle.db, async (tx) => {
      await tx.execute(sql`insert into outcome_probe values ('discarded')`);
      return rollBack([{ code: "BENEFIT_IN_USE" }]);
    });
    expect(outcome).toEqual({ rollBack: [{ code: "BENEFIT_IN_USE" }] });
    expect(await labels()).toEqual(["kept"]);
  });

  it("lets a failure through as it is, having written nothing", async () => {
    const failure = new Error("the database went away");
    await expect(
      inTransaction(handle.db, async (tx) => {
        await tx.execute(sql`insert into outcome_probe values ('failed')`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await labels()).toEqual(["kept"]);
  });
});
