// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing. The reads
// behind every screen go through row readers (../driver/row-reader.ts) rather than the query builder.
import { and, count, gt, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowReader } from "../driver/row-reader.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";
import { casePageColumn, type PolicyCasePage } from "./case-paging.js";
import { caseListRows, type CaseListRow } from "./case-rows.js";

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

/** What a page of policies is read with, besides the policies: each a JSON column (record 0053). */
export interface PolicyPageChildren {
  /** Each policy's entitlements, all of them (the caller's scope filters). */
  readonly entitlements: boolean;
  /** Pages of each policy's cases, one per distinct set of arguments a query asks with. */
  readonly casePages: readonly PolicyCasePage[];
}

export interface PolicyWithChildren {
  readonly policy: PolicyRow;
  /** null when not asked for. */
  readonly entitlements: EntitlementRow[] | null;
  /** In the order of `casePages`. */
  readonly casePages: CaseListRow[][];
}

const ENTITLEMENTS_COLUMN = "child.entitlements";
const casePageName = (i: number) => `child.cases.${i}`;

/** A page of policies in policy-number order, and what `children` asks of each, in one statement. */
export async function policyPage(executor: Executor, query: PolicyPageQuery, children: PolicyPageChildren = { entitlements: false, casePages: [] }): Promise<PolicyWithChildren[]> {
  const conditions = policyFilter(query);
  if (query.afterPolicyNo) conditions.push(gt(policyNoBytes, query.afterPolicyNo));
  const columns = [policyRows.columns];
  if (children.entitlements) {
    const ofPolicy = sql`select ${entitlementRows.columns} from ${entitlements} where ${entitlements.policyId} = ${policies.id}`;
    columns.push(sql`${entitlementRows.jsonArray(ofPolicy)} as ${sql.identifier(ENTITLEMENTS_COLUMN)}`);
  }
  children.casePages.forEach((page, i) => columns.push(sql`${casePageColumn(sql`${policies.id}`, page)} as ${sql.identifier(casePageName(i))}`));
  const rows = await policyRows.read(
    executor,
    sql`select ${sql.join(columns, sql`, `)} from ${policies} where ${and(...conditions) ?? sql`true`} order by ${policyNoBytes} limit ${query.limit}`,
  );
  if (columns.length === 1) return rows.map((policy) => ({ policy, entitlements: null, casePages: [] }));
  return rows.map((row) => {
    const { [ENTITLEMENTS_COLUMN]: entitlementsJson, ...rest } = row as Record<string, unknown>;
    const casePages = children.casePages.map((_, i) => {
      const json = rest[casePageName(i)];
      delete rest[casePageName(i)];
      return caseListRows.parse(json);
    });
    return { policy: rest as PolicyRow, entitlements: children.entitlements ? entitlementRows.parse(entitlementsJson) : null, casePages };
  });
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...policyFilter(query)));
  return row?.n ?? 0;
}
