// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing. The reads
// behind every screen go through row readers (../driver/row-reader.ts) rather than the query builder.
import { and, count, gt, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowReader } from "../driver/row-reader.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";

export type PolicyRow = typeof policies.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type DiagnosisRow = typeof diagnoses.$inferSelect;
export type EntitlementRow = typeof entitlements.$inferSelect;

const policyRows = rowReader(policies);
const personRows = rowReader(persons);
const diagnosisRows = rowReader(diagnoses);
const entitlementRows = rowReader(entitlements);

const insuredColumns = personRows.prefixed("insured");
const withInsuredByPolicyNos = policyRows.statement<[readonly string[]]>(
  (nos) => sql`select ${policyRows.columns}, ${insuredColumns.columns} from ${policies}
    join ${persons} on ${persons.id} = ${policies.insuredId} where ${policies.policyNo} = any(${nos}::text[])`,
);

/** Policies by number with their insured, in one statement (a policy screen shows both). */
export async function policiesWithInsuredByNo(executor: Executor, policyNos: readonly string[]): Promise<{ policy: PolicyRow; insured: PersonRow }[]> {
  const rows = await withInsuredByPolicyNos(executor, policyNos);
  return rows.map((row) => ({ policy: row, insured: insuredColumns.take(row as unknown as Record<string, unknown>) }));
}

export const policiesByNo = policyRows.statement<[readonly string[]]>(
  (nos) => sql`select ${policyRows.columns} from ${policies} where ${policies.policyNo} = any(${nos}::text[])`,
);

export const policiesById = policyRows.statement<[readonly string[]]>(
  (ids) => sql`select ${policyRows.columns} from ${policies} where ${policies.id} = any(${ids}::uuid[])`,
);

export const personsById = personRows.statement<[readonly string[]]>(
  (ids) => sql`select ${personRows.columns} from ${persons} where ${persons.id} = any(${ids}::uuid[])`,
);

export const diagnosesByPolicyIds = diagnosisRows.statement<[readonly string[]]>(
  (ids) => sql`select ${diagnosisRows.columns} from ${diagnoses} where ${diagnoses.policyId} = any(${ids}::uuid[]) order by ${diagnoses.firstDiagnosedOn}, ${diagnoses.recordedAt}`,
);

/** Each policy's entitlements, in the order of `ids`. */
export const entitlementsByPolicyIds = entitlementRows.grouped<[]>("uuid", (policyId) => sql`select ${entitlementRows.columns} from ${entitlements} where ${entitlements.policyId} = ${policyId}`);

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
  return policyRows.read(
    executor,
    sql`select ${policyRows.columns} from ${policies} where ${and(...conditions) ?? sql`true`} order by ${policyNoBytes} limit ${query.limit}`,
  );
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...policyFilter(query)));
  return row?.n ?? 0;
}
