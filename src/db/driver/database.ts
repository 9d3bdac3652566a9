// drizzle over a driver client, with the client handed over for the fast path, and transactions
// opened through the driver's public API so that each hands its own connection over too. With the
// fast path off, drizzle runs as it comes. Why: docs/decisions/0013-fixed-statements.md.
import type { PGlite } from "@electric-sql/pglite";
import { createTableRelationsHelpers, extractTablesRelationalConfig, is, type Logger, type RelationalSchemaConfig, type TablesRelationalConfig } from "drizzle-orm";
import { PgDialect, PgTransaction, type PgTransactionConfig } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, PgliteSession, PgliteTransaction } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, PostgresJsSession, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import * as schema from "../schema/index.js";
import { connectionOf, handOver } from "./connection.js";
import { alwaysPrepared, tracedStatements } from "./prepared.js";
import { countStatement } from "./statement-counter.js";
import { tracePglite } from "./traced.js";
import { activeTraceparent } from "../../logging/tracing.js";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./types.js";

export interface DriverOptions {
  /** Prepared statements and fixed statements sent to the driver itself (default true). */
  readonly fastPath?: boolean;
}

const statementLogger: Logger = { logQuery: () => countStatement() };

export function postgresDatabase(client: postgres.Sql, options: DriverOptions = {}): Database {
  const fastPath = options.fastPath !== false;
  const db = drizzlePostgres({ client: fastPath ? alwaysPrepared(client) : tracedStatements(client), schema, logger: statementLogger }) as unknown as Database;
  handOver(db, fastPath ? { fastPath, driver: "postgres", sql: client } : { fastPath });
  return db;
}

export function pgliteDatabase(client: PGlite, options: DriverOptions = {}): Database {
  const fastPath = options.fastPath !== false;
  const db = drizzlePglite({ client: tracePglite(client), schema, logger: statementLogger }) as unknown as Database;
  handOver(db, fastPath ? { fastPath, driver: "pglite", client } : { fastPath });
  return db;
}

// What drizzle() derives from the schema on every call, derived once: a transaction is built from
// it as drizzle builds its own, without drizzle()'s per-call cost.
const dialect = new PgDialect();
let relational: RelationalSchemaConfig<TablesRelationalConfig> | undefined;
function relationalSchema(): RelationalSchemaConfig<TablesRelationalConfig> {
  if (!relational) {
    const { tables, tableNamesMap } = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    relational = { fullSchema: schema, schema: tables, tableNamesMap };
  }
  return relational;
}

/**
 * Runs `work` in a transaction on `db` and commits, or rolls back when it throws. Every
 * transaction of the application opens here: drizzle's own `db.transaction()` would not tell the
 * fast path which connection the transaction holds.
 */
export async function transaction<T>(db: Database, work: (tx: Transaction) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  if (is(db, PgTransaction)) throw new Error("transaction() opens a transaction on the database; nested transactions (savepoints) are not supported");
  const connection = connectionOf(db);
  // A traced transaction names its trace for what it writes to the outbox (migration 0025).
  const traceparent = activeTraceparent();
  const carryTrace = async (tx: Transaction) => {
    if (traceparent) await tx.execute(sql`select set_config('hsg.traceparent', ${traceparent}, true)`);
  };
  if (!connection.fastPath) {
    return db.transaction(async (tx) => {
      handOver(tx, connection);
      await carryTrace(tx);
      return work(tx);
    }, config);
  }
  const begin = async (tx: Transaction) => {
    if (config) await tx.setTransaction(config);
    await carryTrace(tx);
    return work(tx);
  };
  if (connection.driver === "postgres") {
    return (connection.sql as postgres.Sql).begin(async (reserved) => {
      const session = new PostgresJsSession(alwaysPrepared(reserved) as unknown as postgres.Sql, dialect, relationalSchema(), { logger: statementLogger });
      const tx = new PostgresJsTransaction(dialect, session as never, relationalSchema()) as unknown as Transaction;
      handOver(tx, { fastPath: true, driver: "postgres", sql: reserved });
      return begin(tx);
    }) as Promise<T>;
  }
  return (connection.client as PGlite).transaction(async (reserved) => {
    const session = new PgliteSession(reserved, dialect, relationalSchema(), { logger: statementLogger });
    const tx = new PgliteTransaction(dialect, session, relationalSchema()) as unknown as Transaction;
    handOver(tx, { fastPath: true, driver: "pglite", client: reserved });
    return begin(tx);
  });
}
