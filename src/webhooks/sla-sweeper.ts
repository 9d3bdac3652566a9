// The SLA sweep on a schedule (docs/webhooks.md): due-soon and breached events for every running
// clock of an open case, once per clock and due date, through the outbox; before them, the cases that end
// with their policy are ended (src/services/end-with-policy.ts). One process at a time (an advisory lock).
import { sql } from "drizzle-orm";
import { tracedDatabase, transaction } from "../db/driver/database.js";
import { shanghaiDate, type Clock } from "../context/clock.js";
import type { Database } from "../db/client.js";
import { sweepSlaEvents } from "../db/queries/webhooks.js";
import { queryRows } from "../db/driver/rows.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import { contextFrom, inRootSpan } from "../logging/tracing.js";
import { addDays } from "../rules/shared/dates.js";
import type { WorkingCalendar } from "../rules/calendar/calendar-data.js";
import { endCasesWithPolicy } from "../services/end-with-policy.js";

export interface SlaSweeper {
  /** One sweep; null when another process holds the sweep. */
  runOnce(): Promise<number | null>;
  stop(): Promise<void>;
}

export function startSlaSweeper(db: Database, deps: { clock: Clock; logger: Logger; calendar: WorkingCalendar }, everyMs: number): SlaSweeper {
  // Each sweep is a trace of its own (src/logging/tracing.ts).
  const runOnce = () =>
    inRootSpan("sla sweep", { parent: contextFrom({}) }, (span) =>
      transaction(tracedDatabase(db, span), async (tx) => {
        const [lock] = await queryRows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext('sla_sweep')) as got`);
        span?.setAttribute("hsg.sla.lock_held", lock?.got === true);
        if (!lock?.got) return null;
        const now = deps.clock.now();
        const today = shanghaiDate(now);
        // GENE_TEST.提示.1: cases that end with their policy end first, so no clock of theirs is announced.
        const ended = await endCasesWithPolicy(tx, today, now, deps.calendar);
        span?.setAttribute("hsg.cases.ended_with_policy", ended);
        const events = await sweepSlaEvents(tx, today, addDays(today, 1), now);
        span?.setAttribute("hsg.sla.events", events);
        return events + ended;
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
