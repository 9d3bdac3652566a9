// Migrations: idempotent, and exactly once when several processes start together.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { migrate, pendingMigrations } from "../src/db/migrate.js";
import { queryRows } from "../src/db/driver/rows.js";
import { createEmptyPostgresDatabase, openTestDatabase, postgresAvailable, testFastPath } from "./support/databases.js";

describe("migrations", () => {
  it("leave nothing pending and apply nothing twice (PGlite)", async () => {
    const handle = await openTestDatabase("pglite");
    try {
      expect(await pendingMigrations(handle.db)).toBe(0);
      expect((await migrate(handle.db)).applied).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it.runIf(postgresAvailable())("run once when four processes migrate a new database at the same moment", async () => {
    const empty = await createEmptyPostgresDatabase();
    const handles = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ kind: "postgres", url: empty.url }, { maxConnections: 2, fastPath: testFastPath() })));
    try {
      const reports = await Promise.all(handles.map((h) => migrate(h.db)));
      const total = reports[0]!.total;
      expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, total]);
      const rows = await queryRows<{ n: number }>(handles[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rows[0]?.n).toBe(total);
      expect(await pendingMigrations(handles[1]!.db)).toBe(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await empty.drop();
    }
  });
});
