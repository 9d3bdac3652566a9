// How a flow's transaction ends, as a value: `commit(value)` keeps what it wrote, `rollBack(answer)`
// discards it and answers without a write (a refusal, a replay, a dry run). The flows return these;
// the only throw is the private one below, at the transaction boundary
// (docs/decisions/0031-rollback-at-the-transaction-boundary.md).
import type { Database, Transaction } from "../../db/client.js";
import { transaction } from "../../db/driver/database.js";

export type TransactionOutcome<Value, Answer> = { readonly commit: Value } | { readonly rollBack: Answer };

export const commit = <Value>(value: Value): { readonly commit: Value } => ({ commit: value });
export const rollBack = <Answer>(answer: Answer): { readonly rollBack: Answer } => ({ rollBack: answer });

/** Carries a rolled-back answer out of the driver's transaction: the driver rolls back on a throw. */
class RolledBack<Answer> {
  constructor(readonly answer: Answer) {}
}

/** Runs `work` in one transaction; a `rollBack` outcome leaves the database as it was. */
export async function inTransaction<Value, Answer>(
  db: Database,
  work: (tx: Transaction) => Promise<TransactionOutcome<Value, Answer>>,
): Promise<TransactionOutcome<Value, Answer>> {
  try {
    return await transaction(db, async (tx) => {
      const outcome = await work(tx);
      if ("rollBack" in outcome) throw new RolledBack(outcome.rollBack);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RolledBack) return rollBack(error.answer as Answer);
    throw error;
  }
}
