// A run of the policy feed: lines in (streamed), each record validated by upsertPolicy's rules and
// sealed as upsertPolicy seals personal data, batches merged (merge-batch.ts), one run at a time
// per database (an advisory lock: a second run waits). A run whose file was seen unfinished before
// (same digest) resumes after its last committed line.
import { eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { policyProblem } from "../../rules/policy/policy-codes.js";
import type { PiiProtector } from "../../security/pii-protector.js";
import type { Database } from "../client.js";
import { connectionOf } from "../driver/connection.js";
import { policyImports } from "../schema/index.js";
import { canCheckPerBatch, mergeBatch } from "./merge-batch.js";
import { startReader } from "./reader.js";
import type { FeedFormat, ImportReject } from "./batcher.js";

export { FeedFormatError, type FeedFormat, type ImportReject } from "./batcher.js";

export interface ImportSummary {
  readonly id: string;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Lines skipped because an earlier, interrupted run of the same file committed them. */
  readonly resumedAfterLine: number;
}

export interface ImportOptions {
  readonly source: string;
  readonly format: FeedFormat;
  /** SHA-256 of the whole file when known up front: an unfinished run of the same digest resumes. */
  readonly digest?: string | null;
  readonly lines: AsyncIterable<string>;
  readonly pii: PiiProtector;
  /** Shanghai's date: birth dates are checked against it, as upsertPolicy does. */
  readonly today: string;
  readonly batchSize?: number;
  /**
   * At most this many records a second, on average from the run's start (none: as fast as it
   * goes): a batch waits before it merges while the run is ahead, leaving the database's CPUs to
   * the graph's own reads.
   */
  readonly maxRate?: number;
  readonly onReject?: (reject: ImportReject) => void | Promise<void>;
  /** After every committed batch: the run so far and the bytes of input read. */
  readonly onProgress?: (summary: ImportSummary, bytesRead: number) => void;
  /**
   * How the foreign keys of the rows a batch writes are checked: once for the batch where the
   * role may turn the per-row triggers off (the default, "auto"), or row by row ("per-row").
   */
  readonly foreignKeyChecks?: "auto" | "per-row";
  /** Where records are read, checked and sealed: a worker thread (the default) or the main thread. */
  readonly readerThread?: "worker" | "main";
  /** Told once the run holds the lock and knows its id. */
  readonly onStart?: (id: string, resumedAfterLine: number, readSoFar: number) => void;
}

/** Arbitrary, fixed: "one policy feed at a time". */
const FEED_LOCK_KEY = 7_242_600_331;

export async function importPolicies(db: Database, options: ImportOptions): Promise<ImportSummary> {
  const release = await acquireFeedLock(db);
  try {
    return await runImport(db, options);
  } finally {
    await release();
  }
}

async function runImport(db: Database, options: ImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 5000;
  const resumed = options.digest
    ? (
        await db
          .select()
          .from(policyImports)
          .where(sql`${policyImports.digest} = ${options.digest} and ${policyImports.status} <> 'SUCCEEDED'`)
          .orderBy(sql`${policyImports.startedAt} desc`)
          .limit(1)
      )[0]
    : undefined;
  let id: string;
  const totals = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let skipThrough = 0;
  if (resumed) {
    id = resumed.id;
    skipThrough = resumed.committedLine;
    Object.assign(totals, { read: resumed.read, inserted: resumed.inserted, updated: resumed.updated, unchanged: resumed.unchanged, rejected: resumed.rejected });
    await db.update(policyImports).set({ status: "RUNNING", error: null, finishedAt: null }).where(eq(policyImports.id, id));
  } else {
    const [row] = await db.insert(policyImports).values({ source: options.source, format: options.format, digest: options.digest ?? null, status: "RUNNING" }).returning({ id: policyImports.id });
    id = row!.id;
  }
  const batchChecks = options.foreignKeyChecks !== "per-row" && (await canCheckPerBatch(db));
  options.onStart?.(id, skipThrough, totals.read);
  const summary = (): ImportSummary => ({ id, ...totals, resumedAfterLine: skipThrough });

  const reader = startReader({ format: options.format, today: options.today, batchSize, skipThrough }, options.pii, options.readerThread);
  // Lines go to the reader in chunks while batches come back; one batch merges while the next are read and sealed.
  const feeding = (async () => {
    let chunk: string[] = [];
    try {
      for await (const line of options.lines) {
        chunk.push(line);
        if (chunk.length >= LINES_A_CHUNK) {
          const full = chunk;
          chunk = [];
          await reader.push(full);
        }
      }
      await reader.push(chunk);
      await reader.end("flush");
    } catch (error) {
      // The input failed: the batches it completed merge, the partial one does not.
      await reader.push(chunk).catch(() => {});
      await reader.end("drop").catch(() => {});
      throw error;
    }
  })();
  feeding.catch(() => {}); // awaited below

  const startedAt = performance.now();
  let paced = 0;
  const pace = async (records: number) => {
    paced += records;
    if (!options.maxRate) return;
    const ahead = (paced / options.maxRate) * 1000 - (performance.now() - startedAt);
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  };
  const reject = async (r: ImportReject) => options.onReject?.(r);
  let inFlight: Promise<void> = Promise.resolve();

  try {
    for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
      for (const r of batch.rejects) await reject(r);
      const { counts, bytesRead, encoded } = batch;
      await inFlight;
      await pace(counts.read);
      inFlight = mergeBatch(db, id, encoded, counts, { batchChecks }).then(async (outcome) => {
        for (const r of outcome.refused) {
          const p = policyProblem("BENEFIT_IN_USE", ["benefits"], { blocked: r.blocked });
          await reject({ line: r.line, field: p.field.join("."), code: p.code, zh: p.message.zh, en: p.message.en });
        }
        totals.read += counts.read;
        totals.inserted += outcome.inserted;
        totals.updated += outcome.updated;
        totals.unchanged += outcome.unchanged;
        totals.rejected += counts.rejectedBefore + outcome.refused.length;
        options.onProgress?.(summary(), bytesRead);
      });
      // Not awaited here: a failure surfaces at the next batch or at the end.
      inFlight.catch(() => {});
    }
    await inFlight;
    await feeding;
    await db.update(policyImports).set({ status: "SUCCEEDED", finishedAt: sql`now()` }).where(eq(policyImports.id, id));
    return summary();
  } catch (error) {
    await inFlight.catch(() => {}); // a batch merging when reading failed commits or rolls back whole
    // Personal data stays out of the record: the error's message only, never a row.
    const message = error instanceof Error ? error.message : String(error);
    await db.update(policyImports).set({ status: "FAILED", finishedAt: sql`now()`, error: message.slice(0, 500) }).where(eq(policyImports.id, id));
    throw error;
  } finally {
    await reader.close();
  }
}

/** Lines handed to the reader at a time. */
const LINES_A_CHUNK = 500;

const embeddedQueues = new WeakMap<object, Promise<void>>();

/**
 * One run at a time per database: a session advisory lock on a connection reserved for the run
 * (PostgreSQL), or a queue in the process that owns the embedded database (PGlite).
 */
async function acquireFeedLock(db: Database): Promise<() => Promise<void>> {
  const connection = connectionOf(db);
  if (connection.fastPath && connection.driver === "postgres") {
    const reserved = await (connection.sql as postgres.Sql).reserve();
    try {
      await reserved.unsafe(`select pg_advisory_lock(${FEED_LOCK_KEY})`);
    } catch (error) {
      reserved.release();
      throw error;
    }
    return async () => {
      try {
        await reserved.unsafe(`select pg_advisory_unlock(${FEED_LOCK_KEY})`);
      } finally {
        reserved.release();
      }
    };
  }
  const key = connection.fastPath ? (connection.client as PGlite) : db;
  const before = embeddedQueues.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  embeddedQueues.set(key, before.then(() => mine));
  await before;
  return async () => done();
}

/** The runs, newest first. */
export async function listPolicyImports(db: Database, limit: number) {
  return db.select().from(policyImports).orderBy(sql`${policyImports.startedAt} desc`).limit(limit);
}
