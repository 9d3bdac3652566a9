// A span for each SQL statement the driver sends, when the trace is recorded (src/logging/tracing.ts):
// the statement's text with its $n placeholders (never the values), the rows it answered, its
// duration. postgres.js and PGlite have no instrumentation of their own, so the driver module
// emits these, under the span an executor carries: a traced request's database handle
// (database.ts, `tracedDatabase`) and every transaction opened on it. Untraced executors send
// their statements as they are.
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { failSpan, SpanKind, startChildSpan, type Span } from "../../logging/tracing.js";

const MAX_TEXT = 2000;

function rowsOf(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  const rows = (result as { rows?: unknown[] } | null)?.rows;
  return Array.isArray(rows) ? rows.length : undefined;
}

/** A statement's span name by its first verb (`sql select`), kept per text: the texts are few and fixed. */
const verbs = new Map<string, string>();
function spanNameOf(text: string): string {
  let name = verbs.get(text);
  if (name === undefined) {
    name = `sql ${/^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(text)?.[1]?.toLowerCase() ?? "statement"}`;
    if (verbs.size >= 1000) verbs.clear();
    verbs.set(text, name);
  }
  return name;
}

/**
 * Runs one statement in a child span of `parent` when there is one (the executor's recorded trace),
 * and as it is otherwise.
 */
export function traceStatement<T>(parent: Span | undefined, text: string, run: () => Promise<T>): Promise<T> {
  if (!parent) return run();
  const span = startChildSpan(parent, spanNameOf(text), { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.query.text": text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text } })!;
  return run().then(
    (result) => {
      const rows = rowsOf(result);
      if (rows !== undefined) span.setAttribute("db.response.returned_rows", rows);
      span.end();
      return result;
    },
    (error: unknown) => {
      failSpan(span, error);
      span.end();
      throw error;
    },
  );
}

/**
 * A postgres.js pending query whose execution (when it is awaited) runs in a statement span under
 * `parent`. drizzle may call `.values()` first: that returns the same traced query.
 */
export function tracedPending<Q extends object>(pending: Q, text: string, parent: Span | undefined): Q {
  if (!parent) return pending;
  const proxy: Q = new Proxy(pending, {
    get(target, property) {
      if (property === "values" || property === "raw") {
        return () => {
          ((target as Record<string, unknown>)[property] as () => unknown).call(target);
          return proxy;
        };
      }
      if (property === "then") {
        return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
          traceStatement(parent, text, () => new Promise((resolve, reject) => ((target as { then: (a: unknown, b: unknown) => void }).then).call(target, resolve, reject))).then(onFulfilled, onRejected);
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

/**
 * PGlite (or one of its transactions) as drizzle's session uses it — `query` and `transaction` —
 * with each statement in a span under `parent`, its transactions' too. A view: the instance itself
 * is untouched (PGlite's own private fields rule out a proxy), so untraced work pays nothing.
 */
export function tracedPglite<C extends PGlite | PgliteTransaction>(client: C, parent: Span): C {
  const real = client as unknown as { query: (...args: unknown[]) => Promise<unknown>; transaction?: (work: (tx: PgliteTransaction) => Promise<unknown>) => Promise<unknown> };
  const view: Record<string, unknown> = {
    query: (...args: unknown[]) => traceStatement(parent, String(args[0]), () => real.query.apply(client, args)),
  };
  if (typeof real.transaction === "function") {
    const transaction = real.transaction;
    view.transaction = (work: (tx: PgliteTransaction) => Promise<unknown>) => transaction.call(client, (tx) => work(tracedPglite(tx, parent)));
  }
  return view as unknown as C;
}
