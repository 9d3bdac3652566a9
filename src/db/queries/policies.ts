// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing.
import { and, asc, count, gt, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";

export type PolicyRow = typeof policies.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type DiagnosisRow = typeof diagnoses.$inferSelect;
export type EntitlementRow = typeof entitlements.$inferSelect;

export function policiesByNo(executor: Executor, policyNos: readonly string[]): Promise<PolicyRow[]> {
  return executor.select().from(policies).where(inArray(policies.policyNo, [...policyNos]));
}

export function policiesById(executor: Executor, ids: readonly string[]): Promise<PolicyRow[]> {
  return executor.select().from(policies).where(inArray(policies.id, [...ids]));
}

export function personsById(executor: Executor, ids: readonly string[]): Promise<PersonRow[]> {
  return executor.select().from(persons).where(inArray(persons.id, [...ids]));
}

export function diagnosesByPolicyIds(executor: Executor, policyIds: readonly string[]): Promise<DiagnosisRow[]> {
  return executor
    .select()
    .from(diagnoses)
    .where(inArray(diagnoses.policyId, [...policyIds]))
    .orderBy(asc(diagnoses.firstDiagnosedOn), asc(diagnoses.recordedAt));
}

export function entitlementsByPolicyIds(executor: Executor, policyIds: readonly string[]): Promise<EntitlementRow[]> {
  return executor.select().from(entitlements).where(inArray(entitlements.policyId, [...policyIds]));
}

export interface PolicyPageQuery {
  readonly statuses?: readonly string[] | null;
  readonly policyNoPrefix?: string | null;
  /** Limit to these policies (an insured's scope); null for all. */
  readonly policyNos?: readonly string[] | null;
  /** Keyset: policies after this policy number, in policy-number order. */
  readonly afterPolicyNo?: string | null;
  readonly limit: number;
}

/** The policy number in byte order (the policy_no_c_idx index). */
const policyNoBytes = sql`${policies.policyNo} collate "C"`;

function policyFilter(query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): SQL[] {
  const conditions: SQL[] = [];
  if (query.statuses?.length) conditions.push(inArray(policies.status, [...query.statuses]));
  if (query.policyNos) conditions.push(query.policyNos.length ? inArray(policies.policyNo, [...query.policyNos]) : sql`false`);
  if (query.policyNoPrefix) conditions.push(like(policyNoBytes, `${query.policyNoPrefix.replace(/[\\%_]/g, "\\$&")}%`));
  return conditions;
}

export function policyPage(executor: Executor, query: PolicyPageQuery): Promise<PolicyRow[]> {
  const conditions = policyFilter(query);
  if (query.afterPolicyNo) conditions.push(gt(policyNoBytes, query.afterPolicyNo));
  return executor
    .select()
    .from(policies)
    .where(and(...conditions))
    .orderBy(asc(policyNoBytes))
    .limit(query.limit);
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...policyFilter(query)));
  return row?.n ?? 0;
}
