// Writes of policies, people, entitlements and diagnoses. Called inside the flow's transaction.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";
import type { PolicyRow } from "./policies.js";

export type PersonValues = Omit<typeof persons.$inferInsert, "id" | "createdAt">;
export type PolicyValues = Omit<typeof policies.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

/** Serialises every writer of one policy number, across processes, until the transaction ends. */
export async function lockPolicyNo(executor: Executor, policyNo: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`policy:${policyNo}`}, 0))`);
}

export async function findPolicyForUpdate(executor: Executor, policyNo: string): Promise<PolicyRow | null> {
  const [row] = await executor.select().from(policies).where(eq(policies.policyNo, policyNo)).for("update");
  return row ?? null;
}

export async function insertPerson(executor: Executor, values: PersonValues): Promise<string> {
  const [row] = await executor.insert(persons).values(values).returning({ id: persons.id });
  return row!.id;
}

export async function updatePerson(executor: Executor, id: string, values: PersonValues): Promise<void> {
  await executor.update(persons).set(values).where(eq(persons.id, id));
}

export async function insertPolicy(executor: Executor, values: PolicyValues): Promise<PolicyRow> {
  const [row] = await executor.insert(policies).values(values).returning();
  return row!;
}

export async function updatePolicy(executor: Executor, id: string, values: PolicyValues): Promise<PolicyRow> {
  const [row] = await executor
    .update(policies)
    .set({ ...values, version: sql`${policies.version} + 1`, updatedAt: sql`now()` })
    .where(eq(policies.id, id))
    .returning();
  return row!;
}

/** Adds the benefits a policy gains; removes those it loses when nothing of them is used or held. */
export async function syncEntitlements(
  executor: Executor,
  policyId: string,
  wanted: readonly { benefitCode: string; quotaTotal: number | null }[],
): Promise<{ blocked: string[] }> {
  const codes = wanted.map((w) => w.benefitCode);
  const losing = await executor
    .select()
    .from(entitlements)
    .where(and(eq(entitlements.policyId, policyId), codes.length ? notInArray(entitlements.benefitCode, codes) : undefined));
  const blocked = losing.filter((e) => e.used + e.reserved > 0).map((e) => e.benefitCode);
  if (blocked.length > 0) return { blocked };
  if (losing.length > 0) {
    await executor
      .delete(entitlements)
      .where(and(eq(entitlements.policyId, policyId), inArray(entitlements.benefitCode, losing.map((e) => e.benefitCode))));
  }
  if (wanted.length > 0) {
    await executor
      .insert(entitlements)
      .values(wanted.map((w) => ({ policyId, benefitCode: w.benefitCode, quotaTotal: w.quotaTotal })))
      .onConflictDoNothing();
  }
  return { blocked: [] };
}

export async function insertDiagnosis(executor: Executor, values: Omit<typeof diagnoses.$inferInsert, "id" | "recordedAt">): Promise<void> {
  await executor.insert(diagnoses).values(values);
}
