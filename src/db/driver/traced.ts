// A span for each SQL statement the driver sends, when the trace is recorded (src/logging/tracing.ts):
// the statement's text with its $n placeholders (never the values), the rows it answered, its
// duration. postgres.js and PGlite have no instrumentation of their own, so the driver module
// emits these. When nothing is recorded, a statement costs one check.
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { failSpan, recording, SpanKind, startLeafSpan } from "../../logging/tracing.js";

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
 * Runs one statement in its span when the trace is recorded, and as it is otherwise. The span is
 * not made active: nothing the driver runs reads the context.
 */
export function traceStatement<T>(text: string, run: () => Promise<T>): Promise<T> {
  const span = startLeafSpan(spanNameOf(text), { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.query.text": text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text } });
  if (!span) return run();
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
 * A postgres.js pending query whose execution (when it is awaited) runs in a statement span.
 * drizzle may call `.values()` first: that returns the same traced query.
 */
export function tracedPending<Q extends object>(pending: Q, text: string): Q {
  if (!recording()) return pending;
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
          traceStatement(text, () => new Promise((resolve, reject) => ((target as { then: (a: unknown, b: unknown) => void }).then).call(target, resolve, reject))).then(onFulfilled, onRejected);
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

/**
 * PGlite with each `query` traced, its transactions' too: the same object, its methods replaced
 * (PGlite's own private fields rule out a proxy).
 */
export function tracePglite<C extends PGlite | PgliteTransaction>(client: C): C {
  const patched = client as unknown as { query: (...args: unknown[]) => Promise<unknown>; transaction?: (work: (tx: PgliteTransaction) => Promise<unknown>) => Promise<unknown> };
  const query = patched.query.bind(client);
  patched.query = (...args: unknown[]) => traceStatement(String(args[0]), () => query(...args));
  if (typeof patched.transaction === "function") {
    const transaction = patched.transaction.bind(client);
    patched.transaction = (work) => transaction((tx) => work(tracePglite(tx)));
  }
  return client;
}
