// Wires configuration, database, schema and HTTP together. server.ts and the tests both use it.
import { hasSeveralHosts, type AppConfig } from "./config/config.js";
import { type Clock, shanghaiDate, systemClock } from "./context/clock.js";
import { openDatabase, type DatabaseHandle } from "./db/client.js";
import { unpatchedPostgresQueues } from "./db/driver/queue-check.js";
import { migrate } from "./db/migrate.js";
import { backfillCaseClocks } from "./services/case-clocks.js";
import { startMetricsCompaction } from "./db/metrics-compaction.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./rules/webhooks/retry.js";
import { startDeliveryQueue } from "./webhooks/job-queue.js";
import { startSlaSweeper, type SlaSweeper } from "./webhooks/sla-sweeper.js";
import { watchReplica } from "./services/replica-reads.js";
import { startWebhookWorker, type WebhookWorker } from "./webhooks/worker.js";
import { targetPolicy, PUBLIC_ONLY, type TargetPolicy } from "./security/webhook-target.js";

/** The delivery worker's address policy (config has checked the list). */
function webhookTargets(networks: readonly string[]): TargetPolicy {
  const policy = targetPolicy(networks);
  return typeof policy === "string" ? PUBLIC_ONLY : policy;
}
import { seed } from "./db/seed/seed.js";
import { DEMO_KEYS } from "./db/seed/seed-demo.js";
import { createApp, type App } from "./http/app.js";
import type { Logger } from "./logging/logger.js";
import { loadReference } from "./reference/reference.js";
import { provisionalYears } from "./rules/calendar/working-days.js";
import { getSchema } from "./graph/build-schema.js";
import { createJwtVerifier } from "./security/jwt.js";
import { createPiiProtector } from "./security/pii-protector.js";

export interface Runtime {
  readonly app: App;
  readonly database: DatabaseHandle;
  readonly port: number;
  readonly webhookWorker: WebhookWorker | null;
  readonly slaSweeper: SlaSweeper;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** An already-open database (tests); otherwise the configured target is opened. */
  readonly database?: DatabaseHandle;
  /** How often case-metric deltas are folded into the summaries (0: never; tests fold by hand). */
  readonly compactEveryMs?: number;
  /** Faster webhook polling and retries (tests). */
  readonly webhookPollMs?: number;
  readonly webhookRetry?: Partial<RetryPolicy>;
}

export async function startRuntime({ config, logger, clock = systemClock, database, compactEveryMs = 5000, webhookPollMs, webhookRetry = {} }: RuntimeOptions): Promise<Runtime> {
  const started = performance.now();
  // Each start-up phase is logged as it ends, with its time: a start that hangs names its phase.
  let phaseStarted = started;
  const phase = (name: string): void => {
    const now = performance.now();
    logger.info({ phase: name, ms: Math.round(now - phaseStarted), sinceStartMs: Math.round(now - started) }, `start-up: ${name}`);
    phaseStarted = now;
  };
  if (config.piiKeyIsDevelopment) {
    logger.warn("PII_ENCRYPTION_KEY is not set: personal data is encrypted with the public development key");
  }
  const unpatched = unpatchedPostgresQueues();
  if (unpatched.length > 0) {
    logger.error(
      { files: unpatched },
      "postgres.js is installed without patches/postgres+3.4.9.patch: its connection queues will grow without bound under load; reinstall with scripts enabled (npm ci runs patch-package)",
    );
  }
  const connectTimeoutSeconds = config.connectTimeoutSeconds ?? 5;
  const handle = database ?? (await openDatabase(config.database, { maxConnections: config.poolMax, fastPath: config.databaseFastPath, connectTimeoutSeconds }));
  const replica = config.readDatabase
    ? await openDatabase(config.readDatabase, { maxConnections: 5, fastPath: config.databaseFastPath, connectTimeoutSeconds })
    : null;
  phase("database opened");
  try {
    const migration = await migrate(handle.db);
    phase("migrations applied");
    const pii = createPiiProtector(config.piiKey);
    const seeded = await seed(handle.db, { demo: config.seedDemo, today: shanghaiDate(clock.now()), pii });
    if (seeded.demoKeysRevoked > 0) logger.warn({ demoKeysRevoked: seeded.demoKeysRevoked }, "demo data is off: the public demo keys this database held are revoked");
    phase("reference data seeded");
    const schema = await getSchema({ directResolvers: config.executor === "compiled" });
    phase("GraphQL schema built");
    const thisYear = Number(shanghaiDate(clock.now()).slice(0, 4));
    const reference = loadReference();
    const { calendar } = reference;
    logger.info(
      { source: calendar.source, provisionalYears: provisionalYears(calendar, thisYear - 1, thisYear + 1) },
      "working-day calendar loaded; provisional years are counted Monday–Friday",
    );
    const backfilled = await backfillCaseClocks(handle.db, shanghaiDate(clock.now()), calendar);
    if (backfilled > 0) logger.info({ cases: backfilled }, "SLA clocks stored for cases written before clocks were stored");
    const replicaReads = replica
      ? watchReplica(handle.db, replica.db, { maxLagSeconds: config.readReplica?.maxLagSeconds ?? 30, everyMs: config.readReplica?.checkMs ?? 5000, logger })
      : null;
    await replicaReads?.check();
    const app = await createApp({
      schema,
      db: handle.db,
      ...(replicaReads ? { readDb: replicaReads.database, replicaLag: replicaReads.lagSeconds } : {}),
      pools: { primary: () => handle.poolStats(), ...(replica ? { replica: () => replica.poolStats() } : {}) },
      clock,
      logger,
      auth: { adminApiKey: config.adminApiKey, jwt: createJwtVerifier(config.jwt) },
      production: config.production,
      pii,
      guards: config.guards,
      rateLimitPerMinute: config.rateLimitPerMinute,
      rateLimitRedisUrl: config.rateLimit?.redisUrl ?? null,
      rateLimitKeyPrefix: config.rateLimit?.keyPrefix,
      authFailuresPerMinute: config.authFailures?.perMinute,
      authBackoffSeconds: config.authFailures?.backoffSeconds,
      webhookAllowedNetworks: config.webhooks.allowedNetworks ?? [],
      trustedDocuments: config.trustedDocuments,
      executor: config.executor,
      reference,
    });
    phase("HTTP app created");
    const port = await app.listen(config.port, config.host);
    phase("HTTP listening");
    const compactor = startMetricsCompaction(handle.db, logger, compactEveryMs);
    // PostgreSQL: graphile-worker's queue drives the worker; the embedded database: a timer.
    // A URL naming several hosts (a failover cluster) is postgres.js's alone: graphile-worker's
    // driver connects to one host, so there the worker runs on its timer, as on the embedded database.
    // QUEUE_DATABASE_URL gives the queue a connection of its own (past a transaction-mode pooler).
    const queueUrl =
      handle.kind !== "postgres" || config.database.kind !== "postgres"
        ? null
        : (config.queueDatabaseUrl ?? (hasSeveralHosts(config.database.url) ? null : config.database.url));
    // Through DATABASE_URL with the fast path off (a pooler that cannot keep prepared statements),
    // the queue prepares nothing either.
    const queuePrepares = config.queueDatabaseUrl ? true : config.databaseFastPath;
    const worker = config.webhooks.worker
      ? startWebhookWorker(
          handle.db,
          { pii, logger, clock },
          {
            timeoutMs: config.webhooks.timeoutMs,
            targets: webhookTargets(config.webhooks.allowedNetworks ?? []),
            retry: { ...DEFAULT_RETRY, maxAttempts: config.webhooks.maxAttempts, ...webhookRetry },
            ...(webhookPollMs ? { pollMs: webhookPollMs } : {}),
            autostart: queueUrl === null,
          },
        )
      : null;
    const queue = worker && queueUrl ? await startDeliveryQueue(handle.db, queueUrl, worker, logger, webhookPollMs ?? 2000, { preparedStatements: queuePrepares }) : null;
    if (queue) phase("delivery queue started");
    const sweeper = startSlaSweeper(handle.db, { clock, logger, calendar }, config.webhooks.slaSweepSeconds * 1000);
    logger.info(
      {
        port,
        database: handle.kind,
        migrationsApplied: migration.applied.length,
        demoPoliciesWritten: seeded.demoPoliciesWritten,
        startupMs: Math.round(performance.now() - started),
        // Public keys of the demo data, so the GraphiQL examples can be run as they are.
        ...(config.seedDemo ? { demoKeys: DEMO_KEYS.map((k) => `${k.role.padEnd(8)} ${k.key.padEnd(23)} ${k.may}`) } : {}),
      },
      `serving GraphQL at http://localhost:${port}/graphql (open it in a browser for GraphiQL)`,
    );
    return {
      app,
      database: handle,
      port,
      // Stopping the worker stops the queue that drives it too.
      webhookWorker: worker && {
        runOnce: () => worker.runOnce(),
        stop: async () => {
          await queue?.stop();
          await worker.stop();
        },
      },
      slaSweeper: sweeper,
      stop: async () => {
        await sweeper.stop();
        await queue?.stop();
        await worker?.stop();
        await compactor.stop();
        await app.close();
        logger.debug("http server closed");
        replicaReads?.stop();
        await replica?.close();
        if (!database) await handle.close();
        logger.debug("database closed");
      },
    };
  } catch (error) {
    await replica?.close();
    if (!database) await handle.close();
    throw error;
  }
}
