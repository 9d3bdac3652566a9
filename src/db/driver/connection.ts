// Which driver connection stands behind an executor. Whoever opens an executor hands its connection
// over here: database.ts for a database and for each transaction it opens. Fixed statements read it
// back to reach the driver without drizzle's private fields (docs/decisions/0013-fixed-statements.md).
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { Span } from "../../logging/tracing.js";
import type { Executor } from "./types.js";

export type DriverConnection = (
  /** The fast path is off: statements go through drizzle's `execute`. */
  | { readonly fastPath: false }
  /** The pool (a database) or the reserved connection (a transaction), without the prepared-statement proxy. */
  | { readonly fastPath: true; readonly driver: "postgres"; readonly sql: postgres.Sql | postgres.TransactionSql }
  /** The PGlite instance (a database) or its transaction. */
  | { readonly fastPath: true; readonly driver: "pglite"; readonly client: PGlite | PgliteTransaction }
) & {
  /** The recorded span the executor's statements are children of (a traced request's handle, traced.ts). */
  readonly trace?: Span;
};

const connections = new WeakMap<Executor, DriverConnection>();

export function handOver(executor: Executor, connection: DriverConnection): void {
  connections.set(executor, connection);
}

export function connectionOf(executor: Executor): DriverConnection {
  const connection = connections.get(executor);
  if (!connection) {
    throw new Error("this executor was not opened by openDatabase or by transaction() (src/db/driver/database.ts); drizzle's own db.transaction() hands no driver connection over");
  }
  return connection;
}
