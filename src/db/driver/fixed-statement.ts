// Statements of fixed shape: the text is rendered once, and each call hands the text and the values
// to the executor's driver connection, without drizzle rebuilding the statement from its parts.
// With the fast path off, each call goes through drizzle's `execute` instead.
// Why: docs/decisions/0013-fixed-statements.md.
import { types } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { connectionOf } from "./connection.js";
import { queryRows } from "./rows.js";
import { countStatement } from "./statement-counter.js";
import { traceStatement } from "./traced.js";
import type { Executor } from "./types.js";

/**
 * A statement of fixed shape, its rows as the driver gives them: `build` receives one marker per
 * value (`arity` of them, by default as many as it declares) and returns the statement. The result
 * runs it with the values given (null for an absent filter, as the text allows) on the executor's
 * own connection: the database's pool, or the transaction's.
 */
export function fixedStatement<Row, V extends unknown[]>(build: (...values: { [K in keyof V]: SQL }) => SQL, arity?: number): (executor: Executor, ...values: V) => Promise<Row[]> {
  const plain = build as unknown as (...values: SQL[]) => SQL;
  const { text, order } = render(plain, arity ?? plain.length);
  return async (executor, ...values) => {
    const connection = connectionOf(executor);
    if (!connection.fastPath) return queryRows<Row>(executor, plain(...values.map((v) => sql`${sql.param(asParameter(v))}`)));
    return (await runDirect(connection, text, order.map((i) => asParameter(values[i])))) as Row[];
  };
}

/** Dates go as ISO text, as drizzle sends them. */
const asParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const dialect = new PgDialect();

/** A statement's text with `$n` placeholders, and which value each placeholder takes. */
function render(build: (...values: SQL[]) => SQL, arity: number): { text: string; order: number[] } {
  const markers = Array.from({ length: arity }, (_, i) => ({ marker: i }));
  const query = dialect.sqlToQuery(build(...markers.map((m) => sql`${sql.param(m)}`)));
  return { text: query.sql, order: query.params.map((p) => markers.indexOf(p as { marker: number })) };
}

/** Timestamps, dates and intervals as text, as drizzle asks PGlite for them. */
const PGLITE_RAW = {
  rowMode: "object" as const,
  parsers: Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [t, (v: string) => v])),
};

/**
 * Runs a statement on a driver connection. postgres.js: prepared once per connection, with the
 * raw timestamps drizzle configured on the client. Errors read like drizzle's: the statement,
 * never the values, with the driver's error as the cause.
 */
async function runDirect(connection: Exclude<ReturnType<typeof connectionOf>, { fastPath: false }>, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  countStatement();
  try {
    if (connection.driver === "postgres") {
      const sql = connection.sql;
      return (await traceStatement(connection.trace, text, async () => sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }))) as unknown as Record<string, unknown>[];
    }
    const client = connection.client;
    return (await traceStatement(connection.trace, text, () => client.query<Record<string, unknown>>(text, params, PGLITE_RAW))).rows;
  } catch (error) {
    throw new Error(`Failed query: ${text}\nparams: [not logged]`, { cause: error });
  }
}
