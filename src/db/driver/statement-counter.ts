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
