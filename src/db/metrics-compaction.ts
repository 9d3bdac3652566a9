// Folds case-metric deltas into the summaries every few seconds, in every API process; the advisory
// lock in compactCaseMetrics lets one at a time do it. Readers never depend on it for correctness
// (they read a summary ∪ the deltas), only for speed.
import type { Logger } from "../logging/logger.js";
import type { Database } from "./client.js";
import { compactCaseMetrics } from "./queries/case-metrics.js";
import { describeForLog } from "../logging/describe-error.js";

export interface Compactor {
  stop(): Promise<void>;
}

export function startMetricsCompaction(db: Database, logger: Logger, everyMs: number): Compactor {
  if (everyMs <= 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = compactCaseMetrics(db)
      .then((folded) => {
        if (folded > 0) logger.debug({ folded }, "case metric deltas folded into the summaries");
      })
      .catch((error: unknown) => logger.warn({ err: describeForLog(error) }, "case metric compaction failed; it will be retried"))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
