// Every statement drizzle sends through postgres.js is prepared once per connection and reused
// (drizzle sends its own unprepared). Why, and how to undo: docs/decisions/0001-prepared-statements.md.
import type postgres from "postgres";
import type { Span } from "../../logging/tracing.js";
import { tracedPending } from "./traced.js";

/**
 * The postgres.js client with `prepare: true` on every statement, transactions and savepoints
 * included; each statement in a span under `trace` when one is given (traced.ts).
 */
export function alwaysPrepared<S extends postgres.Sql | postgres.TransactionSql>(sql: S, trace?: Span): S {
  return wrap(sql, true, trace);
}

/** The postgres.js client as it comes (the fast path off), its statements in spans under `trace`. */
export function tracedStatements<S extends postgres.Sql | postgres.TransactionSql>(sql: S, trace: Span): S {
  return wrap(sql, false, trace);
}

function wrap<S extends postgres.Sql | postgres.TransactionSql>(sql: S, prepare: boolean, trace: Span | undefined): S {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          tracedPending(target.unsafe(query, parameters, prepare ? { ...options, prepare: true } : options), query, trace);
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!;
          return method.call(target, ...args, (tx: postgres.TransactionSql) => callback(wrap(tx, prepare, trace)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
