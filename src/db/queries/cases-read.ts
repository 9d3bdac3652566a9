// Reads of single cases, their documents and events: batch reads by key. Executor first.
import { asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseDocuments, caseEvents, serviceCases } from "../schema/index.js";
import { fixedStatement } from "../driver/fixed-statement.js";
import { caseRows, type CaseDocumentRow, type CaseEventRow, type CaseRow } from "./case-rows.js";

export type { CaseDocumentRow, CaseEventRow, CaseListRow, CaseRow } from "./case-rows.js";

const byIdempotencyKey = caseRows.statement<[string, string]>(
  (by, key) => sql`select ${caseRows.columns} from ${serviceCases} where ${serviceCases.submittedBy} = ${by} and ${serviceCases.idempotencyKey} = ${key}`,
);

export async function caseByIdempotencyKey(executor: Executor, submittedBy: string, key: string): Promise<CaseRow | null> {
  const [row] = await byIdempotencyKey(executor, submittedBy, key);
  return row ?? null;
}

const earlierAdmitted = fixedStatement<{ n: number }, [string, string, string]>(
  (policyId, benefit, diagnosisId) => sql`
    select count(*)::int as n from ${serviceCases}
    where ${serviceCases.policyId} = ${policyId} and ${serviceCases.benefitCode} = ${benefit}
      and ${serviceCases.diagnosisId} = ${diagnosisId}::uuid and ${serviceCases.milestones} ? 'ADMITTED'`,
);

/** Cases of this benefit for the same illness that reached admission (an advance carried out). */
export async function countEarlierAdmittedCases(executor: Executor, policyId: string, benefitCode: string, diagnosisId: string): Promise<number> {
  const [row] = await earlierAdmitted(executor, policyId, benefitCode, diagnosisId);
  return row?.n ?? 0;
}

/** Per policy and benefit, the illnesses (diagnoses) its cases of those benefits reached admission for, and how often. */
export async function admittedIllnessesByPolicyIds(
  executor: Executor,
  policyIds: readonly string[],
  benefitCodes: readonly string[],
): Promise<{ policyId: string; benefitCode: string; diagnosisId: string; n: number }[]> {
  const rows = await executor
    .select({ policyId: serviceCases.policyId, benefitCode: serviceCases.benefitCode, diagnosisId: serviceCases.diagnosisId, n: sql<number>`count(*)::int` })
    .from(serviceCases)
    .where(sql`${inArray(serviceCases.policyId, [...policyIds])} and ${inArray(serviceCases.benefitCode, [...benefitCodes])} and ${serviceCases.diagnosisId} is not null and ${serviceCases.milestones} ? 'ADMITTED'`)
    .groupBy(serviceCases.policyId, serviceCases.benefitCode, serviceCases.diagnosisId);
  return rows.map((r) => ({ policyId: r.policyId, benefitCode: r.benefitCode, diagnosisId: r.diagnosisId!, n: Number(r.n) }));
}

export function documentsByCaseIds(executor: Executor, caseIds: readonly string[]): Promise<CaseDocumentRow[]> {
  return executor
    .select()
    .from(caseDocuments)
    .where(inArray(caseDocuments.caseId, [...caseIds]))
    .orderBy(asc(caseDocuments.receivedAt), asc(caseDocuments.id));
}

export function eventsByCaseIds(executor: Executor, caseIds: readonly string[]): Promise<CaseEventRow[]> {
  return executor
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.id));
}

export function casesByNo(executor: Executor, caseNos: readonly string[]): Promise<CaseRow[]> {
  return executor.select().from(serviceCases).where(inArray(serviceCases.caseNo, [...caseNos]));
}

export function casesById(executor: Executor, ids: readonly string[]): Promise<CaseRow[]> {
  return executor.select().from(serviceCases).where(inArray(serviceCases.id, [...ids]));
}

