// The policy feed's reading half in a worker thread (reader.ts starts it): lines arrive in chunks,
// batches leave as they close, their COPY text moved (not copied) to the main thread.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createPiiProtector } from "../../security/pii-protector.js";
import { Batcher, FeedFormatError, type BatcherOptions, type ReadBatch } from "./batcher.js";
import { enterIdleClass, IDLE_CLASS_NICE } from "./idle-class.js";

export interface WorkerInput extends BatcherOptions {
  readonly piiKey: Uint8Array;
  /** The thread's nice value (FEED_WORKER_NICE): the feed takes the CPU the graph leaves. */
  readonly nice: number;
}

/** Main thread to worker. */
export type ToWorker = { readonly lines: readonly string[] } | { readonly end: "flush" | "drop" };
/** Worker to main thread. */
export type FromWorker =
  | { readonly batch: ReadBatch }
  | { readonly consumed: true }
  | { readonly ended: true }
  | { readonly error: string; readonly format: boolean };

const input = workerData as WorkerInput;
// Linux keeps a nice value and a scheduling class per thread: this lowers the worker's priority
// only, whether it runs in the importing command or in an API process (POST /imports/policies), so
// the graph's reads come first while a feed runs and the feed runs at full speed when they do not.
// At the lowest (19, the default) the thread also goes to the idle class (idle-class.ts). Where
// the system refuses either, the worker runs as it can.
if (input.nice > 0) {
  try {
    setPriority(0, input.nice);
  } catch {
    // not permitted here
  }
  if (input.nice === IDLE_CLASS_NICE) enterIdleClass("thread");
}
const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const batcher = new Batcher(input, createPiiProtector(Buffer.from(input.piiKey)), (batch) => {
  const body = batch.encoded.body;
  // A body in its own ArrayBuffer is handed over whole; a small one (Buffer's pool) is copied.
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  post({ batch }, own ? [body.buffer as ArrayBuffer] : []);
});
let failed = false;

port.on("message", (message: ToWorker) => {
  if (failed) return;
  try {
    if ("lines" in message) {
      for (const line of message.lines) batcher.line(line);
      post({ consumed: true });
    } else {
      if (message.end === "flush") batcher.end();
      post({ ended: true });
    }
  } catch (error) {
    failed = true;
    post({ error: error instanceof Error ? error.message : String(error), format: error instanceof FeedFormatError });
  }
});
