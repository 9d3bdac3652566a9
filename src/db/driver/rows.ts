import type { SQL } from "drizzle-orm";
import type { Executor } from "./types.js";

/** Rows of a raw statement: postgres.js answers with an array, PGlite with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
