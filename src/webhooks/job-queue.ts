// On PostgreSQL, deliveries are driven by graphile-worker, a job queue that lives in the database:
// the outbox trigger adds a `webhooks:deliver` job in the change's own transaction (its NOTIFY
// wakes a runner at once), and each job drains what is due through the same worker code the
// embedded database runs on a timer. After draining, the job schedules the next one for the
// earliest retry or lease expiry. The delivery rows stay the source of truth (docs/webhooks.md).
import { Logger as QueueLogger, run, runMigrations, type Runner } from "graphile-worker";
import type { Database } from "../db/client.js";
import { underMigrationLock } from "../db/migrate.js";
import { nextDeliveryDueAt } from "../db/queries/webhooks.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import type { WebhookWorker } from "./worker.js";

export const DELIVER_TASK = "webhooks:deliver";

export interface DeliveryQueue {
  stop(): Promise<void>;
}

/**
 * graphile-worker's own schema, installed or upgraded by one process at a time: its installer is
 * not safe against a second process doing the same (both run `create schema if not exists`, and
 * one fails with a duplicate key on pg_namespace), so two API processes starting together on a
 * fresh database would lose one of them at start-up. `run` then finds the schema current.
 */
export async function installQueueSchema(db: Database, connectionString: string, logger: Logger, options: QueueOptions = {}): Promise<void> {
  await underMigrationLock(db, () =>
    runMigrations({ connectionString, maxPoolSize: 1, logger: queueLogger(logger), noPreparedStatements: options.preparedStatements === false }),
  );
}

export interface QueueOptions {
  /**
   * graphile-worker's named prepared statements (default true). Off behind a pooler in transaction
   * mode, which hands each transaction a server connection of its own (PgBouncer before 1.21 keeps
   * no prepared statements). Its LISTEN is lost there too: the queue then finds new jobs by polling.
   */
  readonly preparedStatements?: boolean;
}

function queueLogger(logger: Logger): QueueLogger {
  return new QueueLogger(() => (level, message) => {
    if (level === "error" || level === "warning") logger.warn({ queue: "graphile-worker" }, message);
  });
}

export async function startDeliveryQueue(
  db: Database,
  connectionString: string,
  worker: WebhookWorker,
  logger: Logger,
  pollMs: number,
  options: QueueOptions = {},
): Promise<DeliveryQueue> {
  await installQueueSchema(db, connectionString, logger, options);
  const runner: Runner = await run({
    connectionString,
    noPreparedStatements: options.preparedStatements === false,
    concurrency: 2,
    maxPoolSize: 3,
    noHandleSignals: true,
    pollInterval: pollMs,
    logger: queueLogger(logger),
    taskList: {
      [DELIVER_TASK]: async (_payload, helpers) => {
        try {
          while ((await worker.runOnce()) > 0) {
            // keep draining while there is work
          }
        } catch (error) {
          logger.warn({ err: describeForLog(error) }, "webhook delivery pass failed; the next job retries");
        }
        const next = await nextDeliveryDueAt(db);
        if (next) await helpers.addJob(DELIVER_TASK, {}, { runAt: next, jobKey: "webhooks:next", maxAttempts: 1 });
      },
    },
  });
  // Whatever was due before this process started (or while no runner ran) gets a first pass.
  await runner.addJob(DELIVER_TASK, {}, { maxAttempts: 1 });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= runner.stop();
      return stopping;
    },
  };
}
