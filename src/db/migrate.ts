// Applies drizzle-kit's SQL migrations (migrations/) in one transaction under a PostgreSQL
// advisory lock, so that any number of processes starting together migrate exactly once.
// Bookkeeping is drizzle's own (drizzle.__drizzle_migrations), so drizzle-kit sees the same state.
import { fileURLToPath } from "node:url";
import { transaction } from "./driver/database.js";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Executor, Database } from "./client.js";
import { queryRows } from "./driver/rows.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));
/** Arbitrary, fixed: "health-services-graph migrations". */
const MIGRATION_LOCK_KEY = 7_242_600_318;

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly total: number;
}

export async function migrate(db: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationReport> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const applied: string[] = [];
  await transaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`
      create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
    const last = await lastAppliedAt(tx);
    for (const migration of migrations) {
      if (last !== null && migration.folderMillis <= last) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied.push(String(migration.folderMillis));
    }
  });
  return { applied, total: migrations.length };
}

/**
 * Runs `install` while holding the migration lock (in a transaction of its own, for as long as
 * `install` takes), for schemas installed by other software on connections of its own: two
 * processes starting together on a fresh database would otherwise both run graphile-worker's
 * `create schema if not exists`, and one fails with a duplicate key on pg_namespace.
 */
export async function underMigrationLock<T>(db: Database, install: () => Promise<T>): Promise<T> {
  return transaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    return install();
  });
}

/** True when every migration in the folder has been applied (for readiness checks). */
export async function pendingMigrations(db: Executor, migrationsFolder = MIGRATIONS_FOLDER): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const last = await lastAppliedAt(db).catch(() => null);
  return migrations.filter((m) => last === null || m.folderMillis > last).length;
}

/** False on a standby (a replica, or a secondary not yet promoted): it answers, but takes no writes. */
export async function acceptsWrites(db: Executor): Promise<boolean> {
  const rows = await queryRows<{ standby: boolean }>(db, sql`select pg_is_in_recovery() as standby`);
  return rows[0]?.standby === false;
}

async function lastAppliedAt(executor: Executor): Promise<number | null> {
  const rows = await queryRows<{ created_at: string | number | null }>(
    executor,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const value = rows[0]?.created_at;
  return value === undefined || value === null ? null : Number(value);
}
