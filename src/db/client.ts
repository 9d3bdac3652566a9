// One database layer, three targets: embedded PGlite on disk or in memory, or a PostgreSQL server
// through postgres.js. Everything above this file sees the same drizzle `Database`, built over the
// driver client by ./driver/database.ts (the fast path, and the switch that turns it off).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { DatabaseTarget } from "../config/config.js";
import { pgliteDatabase, postgresDatabase } from "./driver/database.js";
import type { Database } from "./driver/types.js";
import { currentTemplate, isFreshDataDir } from "./embedded-template.js";

/**
 * How many queries postgres.js sends on a connection behind the one it is answering, every
 * connection busy (record 0104). Its default, 100, queued a query behind whichever busy connection
 * came next, however long its queue: the console page's p99 was about 1.5 × what it is at 1 or 2.
 * At 1 the entitlements screen lost 3 % of its throughput (the database waits for the next
 * statement); at 2 it keeps it.
 */
export const PIPELINE_DEPTH = 2;

export type { Database, Executor, Schema, Transaction } from "./driver/types.js";

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: DatabaseTarget["kind"];
  /** `immediate`: drop connections at once, queries in flight and all (postgres.js only). */
  close(options?: { immediate?: boolean }): Promise<void>;
  /** The connection pool as the database sees it (for /metrics). */
  poolStats(): Promise<PoolStats>;
  /** Embedded databases: the whole data directory as a gzipped tarball. */
  dumpDataDir?(): Promise<Blob>;
}

export interface PoolStats {
  readonly max: number;
  /** Connections this pool holds open. */
  readonly open: number;
  /** Of those, running a statement or inside a transaction (not counting the one asking). */
  readonly busy: number;
}

/** PGlite is one in-process connection. */
const EMBEDDED_POOL: PoolStats = { max: 1, open: 1, busy: 0 };
let poolSerial = 0;

export interface OpenOptions {
  /** An embedded database's contents to start from (a PGlite data-dir dump). */
  readonly loadDataDir?: Blob;
  /** postgres.js pool size. */
  readonly maxConnections?: number;
  /** A new embedded database on disk starts from the build's template when it is current (default true). */
  readonly template?: boolean;
  /** postgres.js connect_timeout: seconds one attempt to open a connection may take (default 5). */
  readonly connectTimeoutSeconds?: number;
  /** The fast path (src/db/driver/): prepared statements, fixed statements sent to the driver itself (default true). */
  readonly fastPath?: boolean;
}

/**
 * target_session_attrs=read-write, as pg_auto_failover's URI gives it, is asked of postgres.js as
 * "primary": postgres.js 3.4.9 judges read-write by default_transaction_read_only alone, which a
 * PostgreSQL 14+ hot standby reports as off, so it would settle on a standby; "primary" asks
 * in_hot_standby, which the server reports at once. (libpq's read-write checks both.)
 */
export function wantsReadWrite(url: string): boolean {
  return /[?&]target_session_attrs=read-write(?:&|$)/.test(url);
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  switch (target.kind) {
    case "postgres": {
      const max = options.maxConnections ?? 10;
      // postgres.js keeps its pool to itself, so each pool names its connections and
      // pg_stat_activity counts them.
      const applicationName = `health-services-graph/${process.pid}/${++poolSerial}`;
      const client = postgres(target.url, {
        max,
        onnotice: () => {},
        // The fast path off prepares nothing, not even the driver's own tagged statements (a pooler
        // in transaction mode hands each transaction another server connection).
        prepare: options.fastPath !== false,
        // Nor does it pipeline. With every connection busy, postgres.js sends a query on one that
        // has not answered the last yet (up to 100 behind it). Through PgBouncer 1.18 in transaction
        // mode the last one's ReadyForQuery hands the server connection back to the pool, and the
        // answer to the query sent behind it is dropped ("got packet '1' from server when not
        // linked": that query waits for ever) or read by the client given that server connection
        // next. 0: one query at a time on a connection outside a transaction, the others queued.
        // (An option of postgres.js 3.4.9 its types leave out; at 0 its sql.begin needs the third
        // change of patches/postgres+3.4.9.patch.) With the fast path on, at most one query is sent
        // behind the one a connection is answering (`PIPELINE_DEPTH`), the others wait in the pool's
        // queue for the first connection free (docs/decisions/0104-one-query-behind-another.md).
        ...({ max_pipeline: options.fastPath === false ? 0 : PIPELINE_DEPTH } as object),
        connect_timeout: options.connectTimeoutSeconds ?? 5,
        ...(wantsReadWrite(target.url) ? { target_session_attrs: "primary" as const } : {}),
        connection: { application_name: applicationName, TimeZone: "UTC" },
      });
      const db = postgresDatabase(client, options);
      return {
        db,
        kind: "postgres",
        close: (options) => client.end({ timeout: options?.immediate ? 0 : 5 }),
        async poolStats() {
          const [row] = await client<{ open: number; busy: number }[]>`
            select count(*)::int as open, count(*) filter (where state <> 'idle')::int as busy
            from pg_stat_activity where application_name = ${applicationName}`;
          return { max, open: row?.open ?? 0, busy: Math.max(0, (row?.busy ?? 1) - 1) };
        },
      };
    }
    case "pglite-memory": {
      const client = await PGlite.create({ loadDataDir: options.loadDataDir });
      const db = pgliteDatabase(client, options);
      return {
        db,
        kind: "pglite-memory",
        close: () => client.close(),
        poolStats: async () => EMBEDDED_POOL,
        dumpDataDir: async () => (await client.dumpDataDir("gzip")) as Blob,
      };
    }
    case "pglite": {
      const dataDir = resolve(target.dataDir);
      const releaseLock = acquireDirLock(dataDir);
      try {
        const template = options.template !== false && isFreshDataDir(dataDir) ? currentTemplate() : null;
        const client = await PGlite.create({ dataDir, ...(template ? { loadDataDir: template } : {}) });
        const db = pgliteDatabase(client, options);
        return {
          db,
          kind: "pglite",
          poolStats: async () => EMBEDDED_POOL,
          close: async () => {
            await client.close();
            releaseLock();
          },
        };
      } catch (error) {
        releaseLock();
        throw error;
      }
    }
  }
}

/**
 * PGlite is a single-process database: two processes on one data directory corrupt it. A lock
 * file holding the owner's pid keeps a second process out; a lock left by a dead process is taken over.
 */
export function acquireDirLock(dataDir: string): () => void {
  mkdirSync(dirname(dataDir), { recursive: true });
  const lockPath = join(dirname(dataDir), `${basenameOf(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `the embedded database in ${dataDir} is in use by process ${owner}; stop it, or set DATABASE_URL (memory:// or postgres://…)`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock the embedded database in ${dataDir}`);
}

function basenameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? "pglite";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
