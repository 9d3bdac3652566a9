// Test databases: every test file gets its own, copied from the run's migrated template.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { parseFastPath } from "../../src/config/config.js";
import { openDatabase, type DatabaseHandle } from "../../src/db/client.js";
import { PGLITE_TEMPLATE_PATH } from "./paths.js";

export type TargetKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. TEST_TARGETS=postgres (or pglite) keeps one. */
export function testTargets(): TargetKind[] {
  const available: TargetKind[] = inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
  const only = process.env.TEST_TARGETS?.split(",").map((t) => t.trim()).filter(Boolean);
  return only?.length ? available.filter((kind) => only.includes(kind)) : available;
}

export function postgresAvailable(): boolean {
  return inject("postgresTemplate") !== null;
}

/**
 * Whether test databases run the fast path (src/db/driver/): DATABASE_FAST_PATH=off runs the suite
 * on plain drizzle, as CI does for the end-to-end tests.
 */
export function testFastPath(): boolean {
  const fastPath = parseFastPath(process.env.DATABASE_FAST_PATH);
  if (typeof fastPath === "string") throw new Error(fastPath);
  return fastPath;
}

/**
 * The URL the code under test uses for the test database `name`. Databases are created (cloned from
 * the run's template) and dropped on TEST_DATABASE_URL's server directly; with TEST_POOLER_URL set
 * (a pooler in front of that server, e.g. PgBouncer: npm run test:pooler) servers and test handles
 * connect through the pooler instead: its host, port and parameters, the database's name. (Cloning
 * through a pooler fails: CREATE DATABASE … TEMPLATE is refused while the pooler keeps a connection
 * to the template open.)
 */
export function servedDatabaseUrl(name: string, options: { prepares?: boolean } = {}): string {
  const pooler = process.env.TEST_POOLER_URL?.trim();
  const base = (pooler && !(options.prepares && !poolerKeepsPreparedStatements()) ? pooler : undefined) || process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const target = new URL(base);
  target.pathname = `/${name}`;
  return target.toString();
}

/**
 * Whether the pooler of TEST_POOLER_URL keeps a client's prepared statements: PgBouncer 1.18 in
 * transaction mode (TEST_POOLER_MODE=transaction, set by scripts/test-pooler.sh) does not, since each
 * transaction may run on another server connection. A handle that prepares statements anyway (the
 * fast path forced on: test/read-paths.e2e.test.ts's fast side) is served by the server directly
 * there; through the pooler its statements fail with 26000 (prepared statement "…" does not exist)
 * whenever a transaction lands on another server connection than the one that prepared them.
 */
export function poolerKeepsPreparedStatements(): boolean {
  return process.env.TEST_POOLER_MODE?.trim() !== "transaction";
}

/**
 * `fastPath` overrides DATABASE_FAST_PATH (for the tests of the switch itself). `url` is what the
 * handle connects to; `pooledUrl` the URL to reach the same database as the run's servers do
 * (through TEST_POOLER_URL when set), for a second handle that prepares nothing.
 */
export async function openTestDatabase(kind: TargetKind, options: { fastPath?: boolean } = {}): Promise<DatabaseHandle & { url?: string; pooledUrl?: string }> {
  const fastPath = options.fastPath ?? testFastPath();
  if (kind === "pglite") {
    const blob = new Blob([readFileSync(PGLITE_TEMPLATE_PATH)]);
    return openDatabase({ kind: "pglite-memory" }, { loadDataDir: blob, fastPath });
  }
  const template = inject("postgresTemplate");
  const url = process.env.TEST_DATABASE_URL;
  if (!template || !url) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const served = servedDatabaseUrl(name, { prepares: fastPath });
  const handle = await openDatabase({ kind: "postgres", url: served }, { maxConnections: 20, fastPath });
  return {
    ...handle,
    url: served,
    pooledUrl: servedDatabaseUrl(name),
    close: async () => {
      await handle.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A fresh, empty PostgreSQL database (no migrations), for tests of migrating itself. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) throw new Error("needs TEST_DATABASE_URL");
  const name = `${template}_empty_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: servedDatabaseUrl(name),
    drop: async () => {
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
