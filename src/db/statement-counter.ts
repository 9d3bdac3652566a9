// Counts the SQL statements a unit of work issues (a request, a test), so that "constant SQL per
// request" is measured rather than guessed.
import { AsyncLocalStorage } from "node:async_hooks";

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();
let processTotal = 0;

export function countStatement(): void {
  processTotal++;
  const counter = storage.getStore();
  if (counter) counter.statements++;
}

/** Statements sent by this process so far (for measuring from outside a request's async context). */
export function statementsSoFar(): number {
  return processTotal;
}

/** Runs `work` and returns its result with the number of statements it sent. */
export async function withStatementCount<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter: Counter = { statements: 0 };
  const result = await storage.run(counter, work);
  return { result, statements: counter.statements };
}

export function runCounted<T>(counter: Counter, work: () => T): T {
  return storage.run(counter, work);
}

export type { Counter as StatementCounter };
