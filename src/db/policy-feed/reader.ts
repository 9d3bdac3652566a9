// Where the policy feed's reading half runs: in a worker thread (the default), so that parsing,
// validating, sealing and encoding the next batches take the other core while the main thread
// only drives the merge; or in the main thread (FEED_WORKER=off, `readerThread: "main"`, or a
// PiiProtector the worker cannot remake). Either way batches come out in order, at most a couple
// ahead of the merge: memory stays flat whatever the file's size.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { masterKeyOf, type PiiProtector } from "../../security/pii-protector.js";
import { Batcher, FeedFormatError, type BatcherOptions, type ReadBatch } from "./batcher.js";
import type { FromWorker, ToWorker, WorkerInput } from "./feed-worker.js";

export interface BatchReader {
  /** Hands over lines; resolves when the reader can take more. */
  push(lines: readonly string[]): Promise<void>;
  /** No more lines: "flush" emits the last, partial batch; "drop" leaves it out (the input failed). */
  end(how: "flush" | "drop"): Promise<void>;
  /** The next batch, in order; null once the input ended and every batch was taken. */
  next(): Promise<ReadBatch | null>;
  close(): Promise<void>;
}

/**
 * The reader thread's nice value: FEED_WORKER_NICE (0–19), 19 by default — measured, the thread at
 * the lowest priority took (a)'s p99 during a 1,000,000-policy load from 3.8× to 2.4× its idle value
 * and cost the load nothing measurable; at 19 the thread is also put in the idle class, and the
 * importing command whole (idle-class.ts, record 0102), which brought the p99 within 2× in five
 * of six runs (bench/RESULTS.md, "The policy feed"). 0 leaves the feed at normal priority.
 */
export function workerNice(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.FEED_WORKER_NICE;
  if (value === undefined || value === "") return 19;
  if (!/^\d+$/.test(value) || Number(value) > 19) throw new Error(`FEED_WORKER_NICE must be a whole number from 0 to 19, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Batches read ahead of the merge, at most. */
const AHEAD = 2;

export function startReader(options: BatcherOptions, pii: PiiProtector, thread: "worker" | "main" = process.env.FEED_WORKER === "off" ? "main" : "worker"): BatchReader {
  const key = masterKeyOf(pii);
  return thread === "worker" && key ? workerReader(options, key) : mainThreadReader(options, pii);
}

/** The queue both readers share: batches waiting, a waiting consumer, a waiting producer, an error. */
function queue() {
  const batches: ReadBatch[] = [];
  let ended = false;
  let failure: Error | null = null;
  let taker: (() => void) | null = null;
  let giver: (() => void) | null = null;
  const wake = () => {
    taker?.();
    taker = null;
  };
  return {
    put(batch: ReadBatch) {
      batches.push(batch);
      wake();
    },
    end() {
      ended = true;
      wake();
    },
    fail(error: Error) {
      failure ??= error;
      wake();
      giver?.();
      giver = null;
    },
    get full() {
      return batches.length >= AHEAD;
    },
    /** Resolves once `ready()` holds (or the reader failed: then rejects). */
    async until(ready: () => boolean) {
      while (!failure && !ready()) await new Promise<void>((resolve) => (giver = resolve));
      if (failure) throw failure;
    },
    poke() {
      giver?.();
      giver = null;
    },
    async next(): Promise<ReadBatch | null> {
      for (;;) {
        if (batches.length > 0) {
          const batch = batches.shift()!;
          giver?.();
          giver = null;
          return batch;
        }
        if (failure) throw failure;
        if (ended) return null;
        await new Promise<void>((resolve) => (taker = resolve));
      }
    },
  };
}

function mainThreadReader(options: BatcherOptions, pii: PiiProtector): BatchReader {
  const q = queue();
  const batcher = new Batcher(options, pii, (batch) => q.put(batch));
  return {
    async push(lines) {
      try {
        for (const line of lines) batcher.line(line);
      } catch (error) {
        q.fail(error as Error);
      }
      await q.until(() => !q.full);
    },
    async end(how) {
      try {
        if (how === "flush") batcher.end();
      } catch (error) {
        q.fail(error as Error);
      }
      q.end();
    },
    next: () => q.next(),
    async close() {
      q.fail(new Error("the feed's reader was closed")); // a producer still waiting gives up
    },
  };
}

/**
 * The worker runs feed-worker.js next to this module; where this module is TypeScript (tsx, as
 * `npm run policies:import` runs, and vitest) the worker loads feed-worker.ts through tsx's loader.
 */
function startWorker(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./feed-worker.js", import.meta.url), { workerData: input });
  const entry = new URL("./feed-worker.ts", import.meta.url).href;
  // tsx's ESM entry, as its package.json exports it to `import` (require's resolve would find the CommonJS one).
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const exported = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
  const tsx = new URL(exported.import.default, pathToFileURL(manifest)).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true, workerData: input });
}

function workerReader(options: BatcherOptions, key: Buffer): BatchReader {
  const q = queue();
  let outstanding = 0; // chunks sent, not yet consumed
  const input: WorkerInput = { ...options, piiKey: new Uint8Array(key), nice: workerNice() };
  const worker = startWorker(input);
  worker.on("message", (message: FromWorker) => {
    if ("batch" in message) {
      const b = message.batch;
      // Structured cloning turned the Buffer into a plain Uint8Array.
      const body = Buffer.from(b.encoded.body.buffer, b.encoded.body.byteOffset, b.encoded.body.byteLength);
      q.put({ ...b, encoded: { size: b.encoded.size, body } });
    } else if ("consumed" in message) {
      outstanding--;
      q.poke();
    } else if ("ended" in message) q.end();
    else q.fail(message.format ? new FeedFormatError(message.error) : new Error(message.error));
  });
  worker.on("error", (error) => q.fail(error));
  worker.on("exit", (code) => q.fail(new Error(`the feed's reader thread exited (${code})`)));
  const send = (message: ToWorker) => worker.postMessage(message);
  return {
    async push(lines) {
      outstanding++;
      send({ lines });
      await q.until(() => outstanding < 2 && !q.full);
    },
    async end(how) {
      send({ end: how });
    },
    next: () => q.next(),
    async close() {
      worker.removeAllListeners("exit");
      q.fail(new Error("the feed's reader was closed")); // a producer still waiting gives up
      await worker.terminate();
    },
  };
}
