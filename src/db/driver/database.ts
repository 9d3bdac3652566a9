// drizzle over a driver client, with the client handed over for the fast path, and transactions
// opened through the driver's public API so that each hands its own connection over too. With the
// fast path off, drizzle runs as it comes. Why: docs/decisions/0013-fixed-statements.md.
import type { PGlite } from "@electric-sql/pglite";
import { createTableRelationsHelpers, extractTablesRelationalConfig, is, type Logger, type RelationalSchemaConfig, type TablesRelationalConfig } from "drizzle-orm";
import { PgDialect, PgTransaction, type PgTransactionConfig } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, PgliteDatabase, PgliteSession, PgliteTransaction } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, PostgresJsDatabase, PostgresJsSession, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import * as schema from "../schema/index.js";
import { connectionOf, handOver } from "./connection.js";
import { alwaysPrepared, tracedStatements } from "./prepared.js";
import { countStatement } from "./statement-counter.js";
import { tracedPglite } from "./traced.js";
import { traceparentOf, type Span, type Traced } from "../../logging/tracing.js";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./types.js";

export interface DriverOptions {
  /** Prepared statements and fixed statements sent to the driver itself (default true). */
  readonly fastPath?: boolean;
}

const statementLogger: Logger = { logQuery: () => countStatement() };

export function postgresDatabase(client: postgres.Sql, options: DriverOptions = {}): Database {
  const fastPath = options.fastPath !== false;
  const db = drizzlePostgres({ client: fastPath ? alwaysPrepared(client) : client, schema, logger: statementLogger }) as unknown as Database;
  handOver(db, fastPath ? { fastPath, driver: "postgres", sql: client } : { fastPath });
  traceViews.set(db, (trace) => {
    const session = new PostgresJsSession((fastPath ? alwaysPrepared(client, trace) : tracedStatements(client, trace)) as unknown as postgres.Sql, dialect, relationalSchema(), { logger: statementLogger });
    const view = new PostgresJsDatabase(dialect, session as never, undefined) as unknown as Database;
    handOver(view, fastPath ? { fastPath, driver: "postgres", sql: client, trace } : { fastPath, trace });
    return view;
  });
  return db;
}

export function pgliteDatabase(client: PGlite, options: DriverOptions = {}): Database {
  const fastPath = options.fastPath !== false;
  const db = drizzlePglite({ client, schema, logger: statementLogger }) as unknown as Database;
  handOver(db, fastPath ? { fastPath, driver: "pglite", client } : { fastPath });
  traceViews.set(db, (trace) => {
    const session = new PgliteSession(tracedPglite(client, trace), dialect, relationalSchema(), { logger: statementLogger });
    const view = new PgliteDatabase(dialect, session as never, undefined) as unknown as Database;
    handOver(view, fastPath ? { fastPath, driver: "pglite", client, trace } : { fastPath, trace });
    return view;
  });
  return db;
}

/**
 * How to make a database's traced handle (`tracedDatabase`), kept per database opened here. The
 * handle has no relational query builders (`db.query.*`, which the application does not use):
 * drizzle builds one per table in the constructor, most of what a handle would cost.
 */
const traceViews = new WeakMap<Database, (trace: Span) => Database>();

/**
 * The database as a traced unit of work sees it: the same pool, each statement (and each statement
 * of a transaction opened on it) a child span of `trace`, and the trace written with its outbox
 * events. `db` itself when the trace is not recorded, so an untraced request pays nothing.
 */
export function tracedDatabase(db: Database, trace: Traced): Database {
  if (!trace) return db;
  const view = traceViews.get(db);
  if (!view) throw new Error("tracedDatabase: this database was not opened by postgresDatabase or pgliteDatabase");
  return view(trace);
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
  const trace = connection.trace;
  // A traced transaction names its trace for what it writes to the outbox (migration 0025).
  const traceparent = trace ? traceparentOf(trace) : null;
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
      const session = new PostgresJsSession(alwaysPrepared(reserved, trace) as unknown as postgres.Sql, dialect, relationalSchema(), { logger: statementLogger });
      const tx = new PostgresJsTransaction(dialect, session as never, relationalSchema()) as unknown as Transaction;
      handOver(tx, { fastPath: true, driver: "postgres", sql: reserved, trace });
      return begin(tx);
    }) as Promise<T>;
  }
  return (connection.client as PGlite).transaction(async (reserved) => {
    const session = new PgliteSession(trace ? tracedPglite(reserved, trace) : reserved, dialect, relationalSchema(), { logger: statementLogger });
    const tx = new PgliteTransaction(dialect, session, relationalSchema()) as unknown as Transaction;
    handOver(tx, { fastPath: true, driver: "pglite", client: reserved, trace });
    return begin(tx);
  });
}
