// Stopping on SIGTERM/SIGINT: finish what is in flight, then exit 0; exit 1 if stopping fails or
// takes longer than the deadline. The deadline is kept twice: by a timer on the event loop, which
// logs why, and by a watchdog thread that ends the process even when the event loop never comes
// back (a blocked write, a busy loop).
import { Worker } from "node:worker_threads";
import type { Logger } from "../logging/logger.js";
import { describeForLog } from "../logging/describe-error.js";

export interface ShutdownOptions {
  readonly logger: Logger;
  readonly stop: () => Promise<void>;
  /** Default 10 s. */
  readonly deadlineMs?: number;
  readonly exit?: (code: number) => never;
}

/**
 * The watchdog: a thread of its own, started with the process (starting a thread at SIGTERM would
 * hold up the requests in flight) and unref'd so that it never keeps the process alive. Armed, it
 * kills the process a second after the deadline.
 */
function startWatchdog(): (deadlineMs: number) => void {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    parentPort.once("message", (ms) => setTimeout(() => process.kill(workerData.pid, "SIGKILL"), ms));
  `;
  const watchdog = new Worker(source, { eval: true, workerData: { pid: process.pid }, stdout: true, stderr: true });
  watchdog.unref();
  return (deadlineMs) => watchdog.postMessage(deadlineMs + 1000);
}

export function stopOnSignals(options: ShutdownOptions): void {
  const deadlineMs = options.deadlineMs ?? 10_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const armWatchdog = startWatchdog();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    armWatchdog(deadlineMs);
    const force = setTimeout(() => {
      options.logger.error(`shutdown took longer than ${deadlineMs / 1000} s; exiting`);
      exit(1);
    }, deadlineMs);
    force.unref();
    options.logger.info({ signal }, "shutting down");
    options.stop().then(
      () => exit(0),
      (error: unknown) => {
        options.logger.error({ err: describeForLog(error) }, "error while shutting down");
        exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
