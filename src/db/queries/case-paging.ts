// Lists of cases: filters, keyset pages and totals, for one list or a page per policy. Executor first.
import { and, count, eq, getTableColumns, gte, inArray, lt, sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { policies, serviceCases } from "../schema/index.js";
import { caseListReader, CASE_LIST_COLUMNS, type CaseListColumn, type CaseListRow } from "./case-rows.js";
import { jsonArrayOf, jsonObject } from "../driver/json-text.js";
import { answerEntries, fieldsShape, keyValues, rowFields, type AnswerField, type ListAnswer, type RowsAnswer } from "./list-answers.js";

export interface CaseQuery {
  readonly services?: readonly string[] | null;
  /** A partner's scope: the cases in its hands. */
  readonly partnerCode?: string | null;
  readonly statuses?: readonly string[] | null;
  readonly policyNo?: string | null;
  /** An insured's scope. */
  readonly policyNos?: readonly string[] | null;
  readonly submittedFrom?: Date | null;
  /** Exclusive. */
  readonly submittedBefore?: Date | null;
}

function caseConditions(query: CaseQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.services) conditions.push(query.services.length ? inArray(serviceCases.serviceCode, [...query.services]) : sql`false`);
  if (query.partnerCode != null) conditions.push(eq(serviceCases.partnerCode, query.partnerCode));
  if (query.statuses?.length) conditions.push(inArray(serviceCases.status, [...query.statuses]));
  if (query.policyNo) {
    conditions.push(sql`${serviceCases.policyId} in (select ${policies.id} from ${policies} where ${policies.policyNo} = ${query.policyNo})`);
  }
  if (query.policyNos) {
    conditions.push(
      query.policyNos.length
        ? sql`${serviceCases.policyId} in (select ${policies.id} from ${policies} where ${inArray(policies.policyNo, [...query.policyNos])})`
        : sql`false`,
    );
  }
  if (query.submittedFrom) conditions.push(gte(serviceCases.submittedAt, query.submittedFrom));
  if (query.submittedBefore) conditions.push(lt(serviceCases.submittedAt, query.submittedBefore));
  return conditions;
}

/** Newest first; keyset on the case number (issued in submission order); `columns` (default all) from `caseListColumns`. */
export function casePage(executor: Executor, query: CaseQuery & { beforeCaseNo: string | null; limit: number; columns?: readonly CaseListColumn[] }): Promise<CaseListRow[]> {
  const conditions = caseConditions(query);
  if (query.beforeCaseNo) conditions.push(lt(serviceCases.caseNo, query.beforeCaseNo));
  const rows = caseListReader(query.columns ?? CASE_LIST_COLUMNS);
  return rows.read(executor, sql`select ${rows.columns} from ${serviceCases} where ${and(...conditions) ?? sql`true`} order by ${serviceCases.caseNo} desc limit ${query.limit}`);
}

export async function caseCount(executor: Executor, query: CaseQuery): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(serviceCases).where(and(...caseConditions(query)));
  return row?.n ?? 0;
}

/** One policy's first `limit` cases (newest first), after the filters, selecting `select`; each value a parameter or a marker, in the order of `casePageValues`. */
const casePageOfPolicy = (select: SQL, policyId: SQL, statuses: SQL, services: SQL, partnerCode: SQL, beforeCaseNo: SQL, limit: SQL) => sql`
    select ${select} from ${serviceCases}
    where ${serviceCases.policyId} = ${policyId}
      and (${statuses}::text[] is null or ${serviceCases.status} = any(${statuses}::text[]))
      and (${services}::text[] is null or ${serviceCases.serviceCode} = any(${services}::text[]))
      and (${partnerCode}::text is null or ${serviceCases.partnerCode} = ${partnerCode}::text)
      and (${beforeCaseNo}::text is null or ${serviceCases.caseNo} < ${beforeCaseNo}::text)
    order by ${serviceCases.caseNo} desc limit ${limit}::int`;

type PageValues = [readonly string[] | null, readonly string[] | null, string | null, string | null, number];

/** One page of a policy's cases: its filters, the caller's scope (services, a partner's own cases), the keyset and the columns. */
export interface PolicyCasePage {
  readonly statuses: readonly string[] | null;
  readonly services: readonly string[] | null;
  readonly partnerCode: string | null;
  readonly limit: number;
  readonly beforeCaseNo: string | null;
  /** From `caseListColumns`. */
  readonly columns: readonly CaseListColumn[];
}

/** A page's values in the order `casePageOfPolicy` takes them. */
export function casePageValues(page: Omit<PolicyCasePage, "columns">): PageValues {
  return [page.statuses?.length ? page.statuses : null, page.services, page.partnerCode, page.beforeCaseNo, page.limit];
}

const caseColumns: Readonly<Record<string, Column>> = getTableColumns(serviceCases);

/**
 * One page of the cases of the policy the statement names, as a list of it (./policies.ts): each
 * case `fields` under their keys, built by PostgreSQL, inside `wrap` (records 0053, 0097, 0099).
 */
function casePageList(page: Omit<PolicyCasePage, "columns">, fields: readonly AnswerField[], wrap: (cases: SQL) => SQL): ListAnswer {
  const values = casePageValues(page);
  return {
    shape: `c(${fieldsShape(fields)})`,
    values: [...values, ...keyValues(fields)],
    column: (policyId, markers) => {
      const node = jsonObject(answerEntries(fields, markers.slice(values.length), (column) => sql`${caseColumns[column]!}`));
      return jsonArrayOf(casePageOfPolicy(wrap(node), policyId, ...(markers.slice(0, values.length) as [SQL, SQL, SQL, SQL, SQL])));
    },
  };
}

/** The page as the answer's own JSON text, `{"edges":[{"node":{…}}]}` with `fields` under their keys (records 0097, 0099). */
export function casePageAnswer(page: Omit<PolicyCasePage, "columns">, fields: readonly AnswerField[]): ListAnswer {
  const cases = casePageList(page, fields, (node) => sql`'{"node":' || ${node} || '}'`);
  return { ...cases, shape: `C${cases.shape}`, column: (policyId, markers) => sql`('{"edges":' || ${cases.column(policyId, markers)} || '}')` };
}

const pageFields = new Map<readonly CaseListColumn[], AnswerField[]>();
/** The page as rows of `page.columns` (from `caseListColumns`), for cases presented object by object. */
export function casePageRows(page: PolicyCasePage): RowsAnswer<CaseListRow> {
  let fields = pageFields.get(page.columns);
  if (!fields) pageFields.set(page.columns, (fields = rowFields(caseColumns, page.columns)));
  return { ...casePageList(page, fields, (node) => node), rows: caseListReader(page.columns).parse };
}

/** How many cases each policy has (with these statuses, of these services), in one statement. */
export async function caseTotalsForPolicies(
  executor: Executor,
  policyIds: readonly string[],
  statuses: readonly string[] | null,
  services: readonly string[] | null,
  partnerCode: string | null = null,
): Promise<Map<string, number>> {
  const conditions: SQL[] = [inArray(serviceCases.policyId, [...policyIds])];
  if (partnerCode !== null) conditions.push(eq(serviceCases.partnerCode, partnerCode));
  if (statuses?.length) conditions.push(inArray(serviceCases.status, [...statuses]));
  if (services) conditions.push(services.length ? inArray(serviceCases.serviceCode, [...services]) : sql`false`);
  const rows = await executor
    .select({ policyId: serviceCases.policyId, n: count() })
    .from(serviceCases)
    .where(and(...conditions))
    .groupBy(serviceCases.policyId);
  return new Map(rows.map((r) => [r.policyId, r.n]));
}
