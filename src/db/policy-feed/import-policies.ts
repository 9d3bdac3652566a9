// A run of the policy feed: lines in (streamed), each record validated by upsertPolicy's rules and
// sealed as upsertPolicy seals personal data, batches merged (merge-batch.ts), one run at a time
// per database (an advisory lock: a second run waits). A run whose file was seen unfinished before
// (same digest) resumes after its last committed line.
import { eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { readCsvRecord, readJsonRecord, splitCsvRecord, importProblem, CSV_REQUIRED_COLUMNS, type RecordResult } from "../../rules/policy/import-record.js";
import { policyProblem } from "../../rules/policy/policy-codes.js";
import type { CleanPolicy } from "../../rules/policy/validate-policy.js";
import type { Problem } from "../../rules/shared/problem.js";
import { sealPerson } from "../../security/seal-person.js";
import type { PiiProtector } from "../../security/pii-protector.js";
import type { Database } from "../client.js";
import { connectionOf } from "../driver/connection.js";
import { policyImports } from "../schema/index.js";
import { canCheckPerBatch, encodeBatch, mergeBatch, type StagedPolicy } from "./merge-batch.js";

export type FeedFormat = "JSONL" | "CSV";

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

export interface ImportReject {
  readonly line: number;
  /** The field, e.g. "insured.idNumber"; empty for the record as a whole. */
  readonly field: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
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

  let batch: StagedPolicy[] = [];
  let inBatch = new Set<string>();
  let pendingRead = 0;
  let pendingRejected = 0;
  let lastLine = skipThrough;
  let bytesRead = 0;
  const reject = async (line: number, problems: readonly Problem[]) => {
    for (const p of problems) {
      await options.onReject?.({ line, field: p.field.join("."), code: p.code, zh: p.message.zh, en: p.message.en });
    }
  };
  // One batch merges while the next is read and sealed; batches still commit one after another, in order.
  let inFlight: Promise<void> = Promise.resolve();
  const startedAt = performance.now();
  let paced = 0;
  const pace = async (records: number) => {
    paced += records;
    if (!options.maxRate) return;
    const ahead = (paced / options.maxRate) * 1000 - (performance.now() - startedAt);
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  };
  const flush = async () => {
    if (pendingRead === 0) return;
    const encoded = encodeBatch(batch);
    const counts = { read: pendingRead, rejectedBefore: pendingRejected, lastLine };
    batch = [];
    inBatch = new Set();
    pendingRead = 0;
    pendingRejected = 0;
    await inFlight;
    await pace(counts.read);
    const bytesAtFlush = bytesRead;
    inFlight = mergeBatch(db, id, encoded, counts, { batchChecks }).then(async (outcome) => {
      for (const r of outcome.refused) await reject(r.line, [policyProblem("BENEFIT_IN_USE", ["benefits"], { blocked: r.blocked })]);
      totals.read += counts.read;
      totals.inserted += outcome.inserted;
      totals.updated += outcome.updated;
      totals.unchanged += outcome.unchanged;
      totals.rejected += counts.rejectedBefore + outcome.refused.length;
      options.onProgress?.(summary(), bytesAtFlush);
    });
    // Not awaited here: a failure surfaces at the next flush or at the end.
    inFlight.catch(() => {});
  };

  try {
    for await (const record of records(options.lines, options.format, options.today, (n) => (bytesRead += n))) {
      if (record.line <= skipThrough) continue;
      if (record.result.ok && inBatch.has(record.result.value.policyNo)) await flush(); // a policy twice in a file: in order, one batch each
      pendingRead++;
      lastLine = record.line;
      if (!record.result.ok) {
        pendingRejected++;
        await reject(record.line, record.result.problems);
      } else {
        batch.push(stage(record.line, record.result.value, options.pii));
        inBatch.add(record.result.value.policyNo);
      }
      if (pendingRead >= batchSize) await flush();
    }
    await flush();
    await inFlight;
    await db.update(policyImports).set({ status: "SUCCEEDED", finishedAt: sql`now()` }).where(eq(policyImports.id, id));
    return summary();
  } catch (error) {
    await inFlight.catch(() => {}); // a batch merging when reading failed commits or rolls back whole
    // Personal data stays out of the record: the error's message only, never a row.
    const message = error instanceof Error ? error.message : String(error);
    await db.update(policyImports).set({ status: "FAILED", finishedAt: sql`now()`, error: message.slice(0, 500) }).where(eq(policyImports.id, id));
    throw error;
  }
}

interface ReadRecord {
  readonly line: number;
  readonly result: RecordResult;
}

/** Records with the number of the line they start on; blank lines are skipped. */
async function* records(lines: AsyncIterable<string>, format: FeedFormat, today: string, onBytes: (n: number) => void): AsyncGenerator<ReadRecord> {
  let n = 0;
  let header: string[] | null = null;
  let pending: { line: number; text: string } | null = null;
  for await (const raw of lines) {
    n++;
    onBytes(Buffer.byteLength(raw) + 1);
    const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (format === "JSONL") {
      if (text.trim() === "") continue;
      yield { line: n, result: readJsonRecord(text, today) };
      continue;
    }
    const joined: { line: number; text: string } = pending ? { line: pending.line, text: `${pending.text}\n${text}` } : { line: n, text };
    if (!pending && text.trim() === "") continue;
    const cells = splitCsvRecord(joined.text.replace(/\r$/, ""));
    if (cells === null) {
      pending = joined;
      continue;
    }
    pending = null;
    if (header === null) {
      header = cells.map((c) => c.trim());
      const missing = CSV_REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new FeedFormatError(`the CSV header lacks ${missing.join(", ")}`);
      continue;
    }
    if (cells.length !== header.length) {
      yield { line: joined.line, result: { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: `${cells.length} cells, the header has ${header.length}` })] } };
      continue;
    }
    const named: Record<string, string> = {};
    header.forEach((name, i) => (named[name] = cells[i]!.trim()));
    yield { line: joined.line, result: readCsvRecord(named, today) };
  }
  if (pending) yield { line: pending.line, result: { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: "a quote is never closed" })] } };
}

/** A file the feed cannot read at all (not a record of it). */
export class FeedFormatError extends Error {}

function stage(line: number, p: CleanPolicy, pii: PiiProtector): StagedPolicy {
  const insured = sealPerson(p.insured, pii);
  return {
    line,
    policyNo: p.policyNo,
    status: p.status,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    waitingPeriodEndsOn: p.waitingPeriodEndsOn,
    hasSocialInsurance: p.hasSocialInsurance,
    holderIsInsured: p.policyholderIsInsured,
    insured,
    holder: p.policyholderIsInsured ? insured : sealPerson(p.policyholder, pii),
    benefits: p.benefits,
    quotas: p.benefits.map((code) => benefitByCode(code).benefit.quota),
  };
}

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
