// The SLA sweep on a schedule (docs/webhooks.md): due-soon and breached events for every running
// clock of an open case, once per clock and due date, through the outbox. One process at a time (an advisory lock).
import { sql } from "drizzle-orm";
import { transaction } from "../db/driver/database.js";
import { shanghaiDate, type Clock } from "../context/clock.js";
import type { Database } from "../db/client.js";
import { sweepSlaEvents } from "../db/queries/webhooks.js";
import { queryRows } from "../db/driver/rows.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import { contextFrom, inSpan } from "../logging/tracing.js";
import { addDays } from "../rules/shared/dates.js";

export interface SlaSweeper {
  /** One sweep; null when another process holds the sweep. */
  runOnce(): Promise<number | null>;
  stop(): Promise<void>;
}

export function startSlaSweeper(db: Database, deps: { clock: Clock; logger: Logger }, everyMs: number): SlaSweeper {
  // Each sweep is a trace of its own (src/logging/tracing.ts).
  const runOnce = () =>
    inSpan("sla sweep", { parent: contextFrom({}) }, (span) =>
      transaction(db, async (tx) => {
        const [lock] = await queryRows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext('sla_sweep')) as got`);
        span.setAttribute("hsg.sla.lock_held", lock?.got === true);
        if (!lock?.got) return null;
        const now = deps.clock.now();
        const today = shanghaiDate(now);
        const events = await sweepSlaEvents(tx, today, addDays(today, 1), now);
        span.setAttribute("hsg.sla.events", events);
        return events;
      }),
    );
  let running: Promise<unknown> | null = null;
  const timer =
    everyMs > 0
      ? setInterval(() => {
          if (running) return;
          running = runOnce()
            .then((n) => n && deps.logger.info({ events: n }, "SLA events written to the outbox"))
            .catch((error: unknown) => deps.logger.warn({ err: describeForLog(error) }, "SLA sweep failed; it will run again"))
            .finally(() => {
              running = null;
            });
        }, everyMs).unref()
      : null;
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
