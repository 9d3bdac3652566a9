// Reads of single cases, their documents and events: batch reads by key. Executor first.
import { asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { jsonArrayOf, jsonObject, jsonText } from "../driver/json-text.js";
import { caseDocuments, caseEvents, reachedAdmissionForIllness, serviceCases } from "../schema/index.js";
import type { RowsAnswer } from "./list-answers.js";
import { caseRows, type CaseDocumentRow, type CaseEventRow, type CaseRow } from "./case-rows.js";

export type { CaseDocumentRow, CaseEventRow, CaseListRow, CaseRow } from "./case-rows.js";

const byIdempotencyKey = caseRows.statement<[string, string]>(
  (by, key) => sql`select ${caseRows.columns} from ${serviceCases} where ${serviceCases.submittedBy} = ${by} and ${serviceCases.idempotencyKey} = ${key}`,
);

export async function caseByIdempotencyKey(executor: Executor, submittedBy: string, key: string): Promise<CaseRow | null> {
  const [row] = await byIdempotencyKey(executor, submittedBy, key);
  return row ?? null;
}

/** What one policy's cases of some benefits reached admission for: per benefit and illness (diagnosis), how often. */
export interface AdmittedIllness {
  readonly benefitCode: string;
  readonly diagnosisId: string;
  readonly n: number;
}

/**
 * The `AdmittedIllness` rows of a policy for the benefits in `benefits` (an advance carried out: a
 * case of the benefit for the illness that reached admission), read as every list of a policy is
 * (./policies.ts): with the policy or per batch of policies.
 */
export function admittedIllnessesRows(benefits: readonly string[]): RowsAnswer<AdmittedIllness> {
  return {
    shape: "a",
    values: [benefits],
    column: (policyId, [chosen]) => {
      const admitted = jsonObject([
        sql`'"benefitCode":' || ${jsonText(sql`${serviceCases.benefitCode}`, "json")}`,
        sql`'"diagnosisId":' || ${jsonText(sql`${serviceCases.diagnosisId}`, "quoted")}`,
        sql`'"n":' || count(*)::text`,
      ]);
      return jsonArrayOf(sql`select ${admitted} from ${serviceCases}
        where ${serviceCases.policyId} = ${policyId} and ${serviceCases.benefitCode} = any(${chosen}::text[])
          and ${reachedAdmissionForIllness(serviceCases)}
        group by ${serviceCases.benefitCode}, ${serviceCases.diagnosisId}`);
    },
    rows: (text) => JSON.parse(text) as AdmittedIllness[],
  };
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

