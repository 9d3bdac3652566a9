// Service-feature suspensions (MDT.提示.1.4): the ones in force on a day, the list, and a new one.
import { and, desc, gte, isNull, lte, eq } from "drizzle-orm";
import type { Executor } from "../client.js";
import { serviceSuspensions } from "../schema/index.js";
import type { SuspendableFeature, SuspensionFacts } from "../../rules/suspension/suspensions.js";

export type SuspensionRow = typeof serviceSuspensions.$inferSelect;

/** The suspensions not lifted whose period holds `on`. */
export async function suspensionsOn(executor: Executor, on: string): Promise<SuspensionFacts[]> {
  const rows = await executor
    .select()
    .from(serviceSuspensions)
    .where(and(isNull(serviceSuspensions.liftedAt), lte(serviceSuspensions.startsOn, on), gte(serviceSuspensions.endsOn, on)));
  return rows.map((r) => ({ feature: r.feature as SuspendableFeature, startsOn: r.startsOn, endsOn: r.endsOn }));
}

/** Suspensions not lifted that end on or after `from`, latest start first. */
export function currentSuspensions(executor: Executor, from: string): Promise<SuspensionRow[]> {
  return executor
    .select()
    .from(serviceSuspensions)
    .where(and(isNull(serviceSuspensions.liftedAt), gte(serviceSuspensions.endsOn, from)))
    .orderBy(desc(serviceSuspensions.startsOn));
}

export async function insertSuspension(executor: Executor, values: typeof serviceSuspensions.$inferInsert): Promise<SuspensionRow> {
  const [row] = await executor.insert(serviceSuspensions).values(values).returning();
  return row!;
}

export async function liftSuspension(executor: Executor, id: string, at: Date): Promise<SuspensionRow | null> {
  const [row] = await executor
    .update(serviceSuspensions)
    .set({ liftedAt: at })
    .where(and(eq(serviceSuspensions.id, id), isNull(serviceSuspensions.liftedAt)))
    .returning();
  return row ?? null;
}
