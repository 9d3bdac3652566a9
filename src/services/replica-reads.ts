// Where BI reads go (caseMetrics, the CSV export): the streaming replica of READ_DATABASE_URL while
// it is at most `maxLagSeconds` behind the primary, the primary otherwise (a replica that falls
// behind, stops replaying or cannot be reached), never an answer staler than the setting. The lag
// is measured every `everyMs`: zero when the replica has replayed all the WAL the primary has
// written, else the time since the last transaction it replayed. Each switch is logged once.
//
// A server that is not in recovery has nothing to replay: its lag is zero. That is asked of the
// server itself (pg_is_in_recovery()), not read from pg_last_wal_replay_lsn() being null: a standby
// that was promoted (the new primary after a failover, which READ_DATABASE_URL may name, or hold the
// "replica" database of a test) keeps answering the last LSN and transaction time it replayed before
// its promotion, so it would look behind by the time since the failover, and its reads would go to
// the primary for good.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { queryRows } from "../db/driver/rows.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";

export interface ReplicaReads {
  /** The database BI reads go to now. */
  database(): Database;
  /** The replica's lag in seconds at the last check; null when it could not be measured. */
  lagSeconds(): number | null;
  /** Measures the lag now (the timer does this every `everyMs`). */
  check(): Promise<void>;
  stop(): void;
}

export function watchReplica(primary: Database, replica: Database, options: { maxLagSeconds: number; everyMs: number; logger: Logger }): ReplicaReads {
  let lag: number | null = null;
  /** null until the first check. */
  let onReplica: boolean | null = null;
  const check = async () => {
    try {
      const [head] = await queryRows<{ lsn: string }>(primary, sql`select pg_current_wal_lsn()::text as lsn`);
      const [standby] = await queryRows<{ behind: boolean; seconds: number | null }>(
        replica,
        sql`select pg_is_in_recovery() and pg_last_wal_replay_lsn() < ${head!.lsn}::pg_lsn as behind,
                   extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as seconds`,
      );
      lag = standby!.behind ? Math.max(0, standby!.seconds ?? Number.POSITIVE_INFINITY) : 0;
    } catch (error) {
      if (lag !== null) options.logger.warn({ err: describeForLog(error) }, "the read replica could not be measured");
      lag = null;
    }
    const use = lag !== null && lag <= options.maxLagSeconds;
    if (use === onReplica) return;
    const fields = { lagSeconds: lag, maxLagSeconds: options.maxLagSeconds };
    if (!use) options.logger.warn(fields, "the read replica is behind or unreachable: BI reads go to the primary");
    else if (onReplica === false) options.logger.warn(fields, "BI reads go to the read replica again");
    else options.logger.info(fields, "BI reads go to the read replica");
    onReplica = use;
  };
  const timer = setInterval(() => void check(), options.everyMs).unref();
  return {
    database: () => (onReplica === true ? replica : primary),
    lagSeconds: () => lag,
    check,
    stop: () => clearInterval(timer),
  };
}
