// The policy feed's reading half: lines in, one at a time, and batches out, each ready to merge —
// its records read and validated by upsertPolicy's rules, their personal data sealed as
// upsertPolicy seals it, encoded as COPY text — with the lines it rejected. It runs in a worker
// thread (feed-worker.ts) while the main thread merges, or in the main thread itself
// (reader.ts decides); the same code either way.
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { readCsvRecord, readJsonRecord, splitCsvRecord, importProblem, CSV_REQUIRED_COLUMNS, type RecordResult } from "../../rules/policy/import-record.js";
import type { CleanPolicy } from "../../rules/policy/validate-policy.js";
import type { Problem } from "../../rules/shared/problem.js";
import { sealPerson } from "../../security/seal-person.js";
import type { PiiProtector } from "../../security/pii-protector.js";
import { encodeBatch, type BatchCounts, type EncodedBatch, type StagedPolicy } from "./encode-batch.js";

export type FeedFormat = "JSONL" | "CSV";

export interface ImportReject {
  readonly line: number;
  /** The field, e.g. "insured.idNumber"; empty for the record as a whole. */
  readonly field: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** A file the feed cannot read at all (not a record of it). */
export class FeedFormatError extends Error {}

export interface ReadBatch {
  readonly encoded: EncodedBatch;
  readonly counts: BatchCounts;
  /** The lines of the batch rejected by validation, in order. */
  readonly rejects: readonly ImportReject[];
  /** Bytes of input read up to the end of the batch. */
  readonly bytesRead: number;
}

export interface BatcherOptions {
  readonly format: FeedFormat;
  /** Shanghai's date: birth dates are checked against it, as upsertPolicy does. */
  readonly today: string;
  readonly batchSize: number;
  /** Lines an earlier, interrupted run of the same file committed: read, not staged again. */
  readonly skipThrough: number;
}

interface ReadRecord {
  readonly line: number;
  readonly result: RecordResult;
}

/**
 * Lines in, batches out (to `emit`): a batch closes at `batchSize` lines read (rejected ones
 * included), and before a policy number it already holds (a policy twice in a file: in order, one
 * batch each).
 */
export class Batcher {
  private n = 0;
  private bytesRead = 0;
  private header: string[] | null = null;
  private pending: { line: number; text: string } | null = null;
  private batch: StagedPolicy[] = [];
  private inBatch = new Set<string>();
  private rejects: ImportReject[] = [];
  private pendingRead = 0;
  private pendingRejected = 0;
  private lastLine: number;

  constructor(
    private readonly options: BatcherOptions,
    private readonly pii: PiiProtector,
    private readonly emit: (batch: ReadBatch) => void,
  ) {
    this.lastLine = options.skipThrough;
  }

  /** The next line of the input (without its line break). Throws FeedFormatError for a file it cannot read. */
  line(raw: string): void {
    const record = this.read(raw);
    if (record) this.take(record);
  }

  /** The input ended: the record left open (an unclosed quote) is rejected and the last batch emitted. */
  end(): void {
    if (this.pending) {
      const { line } = this.pending;
      this.pending = null;
      this.take({ line, result: { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: "a quote is never closed" })] } });
    }
    this.flush();
  }

  private read(raw: string): ReadRecord | null {
    const n = ++this.n;
    this.bytesRead += Buffer.byteLength(raw) + 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (this.options.format === "JSONL") {
      if (text.trim() === "") return null;
      return { line: n, result: readJsonRecord(text, this.options.today) };
    }
    const joined: { line: number; text: string } = this.pending ? { line: this.pending.line, text: `${this.pending.text}\n${text}` } : { line: n, text };
    if (!this.pending && text.trim() === "") return null;
    const cells = splitCsvRecord(joined.text.replace(/\r$/, ""));
    if (cells === null) {
      this.pending = joined;
      return null;
    }
    this.pending = null;
    const header = this.header;
    if (header === null) {
      this.header = cells.map((c) => c.trim());
      const missing = CSV_REQUIRED_COLUMNS.filter((c) => !this.header!.includes(c));
      if (missing.length > 0) throw new FeedFormatError(`the CSV header lacks ${missing.join(", ")}`);
      return null;
    }
    if (cells.length !== header.length) {
      return { line: joined.line, result: { ok: false, problems: [importProblem("MALFORMED_RECORD", [], { why: `${cells.length} cells, the header has ${header.length}` })] } };
    }
    const named: Record<string, string> = {};
    header.forEach((name, i) => (named[name] = cells[i]!.trim()));
    return { line: joined.line, result: readCsvRecord(named, this.options.today) };
  }

  private take(record: ReadRecord): void {
    if (record.line <= this.options.skipThrough) return;
    if (record.result.ok && this.inBatch.has(record.result.value.policyNo)) this.flush();
    this.pendingRead++;
    this.lastLine = record.line;
    if (!record.result.ok) {
      this.pendingRejected++;
      this.reject(record.line, record.result.problems);
    } else {
      this.batch.push(stage(record.line, record.result.value, this.pii));
      this.inBatch.add(record.result.value.policyNo);
    }
    if (this.pendingRead >= this.options.batchSize) this.flush();
  }

  private reject(line: number, problems: readonly Problem[]): void {
    for (const p of problems) this.rejects.push({ line, field: p.field.join("."), code: p.code, zh: p.message.zh, en: p.message.en });
  }

  private flush(): void {
    if (this.pendingRead === 0) return;
    const batch: ReadBatch = {
      encoded: encodeBatch(this.batch),
      counts: { read: this.pendingRead, rejectedBefore: this.pendingRejected, lastLine: this.lastLine },
      rejects: this.rejects,
      bytesRead: this.bytesRead,
    };
    this.batch = [];
    this.inBatch = new Set();
    this.rejects = [];
    this.pendingRead = 0;
    this.pendingRejected = 0;
    this.emit(batch);
  }
}

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
