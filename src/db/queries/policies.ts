// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing. The reads
// behind every screen go through row readers (../driver/row-reader.ts) rather than the query builder.
import { and, count, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowReader } from "../driver/row-reader.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";
import { casePageColumn, casePageValues, type PolicyCasePage } from "./case-paging.js";
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


/**
 * What a read of policies also reads of each policy, each as one JSON column of the same
 * statement (docs/decisions/0053-planned-policy-page.md).
 */
export interface PolicyChildren {
  /** All the policy's entitlements (the caller's scope filters). */
  readonly entitlements: boolean;
  /** All the policy's diagnoses (what eligibility is decided on; the caller's scope decides what is shown). */
  readonly diagnoses: boolean;
  /** Pages of the policy's cases, one per distinct set of arguments a query asks with. */
  readonly casePages: readonly PolicyCasePage[];
}

export const NO_CHILDREN: PolicyChildren = { entitlements: false, diagnoses: false, casePages: [] };

/** What `PolicyChildren` asked for, read: null (or no pages) where it was not asked. */
export interface PolicyChildRows {
  readonly entitlements: EntitlementRow[] | null;
  readonly diagnoses: DiagnosisRow[] | null;
  /** In the order of `casePages`. */
  readonly casePages: CaseListRow[][];
}

const ENTITLEMENTS_COLUMN = "child.entitlements";
const DIAGNOSES_COLUMN = "child.diagnoses";
const casePageColumnName = (i: number) => `child.cases.${i}`;

/** The values of one case page, as parameters or as a fixed statement's markers. */
type CasePageSql = readonly [SQL, SQL, SQL, SQL];

/** The select-list entries that read `children` of the policy in the statement's `policy` row. */
function childColumns(children: PolicyChildren, casePage: (i: number) => CasePageSql): SQL[] {
  const columns: SQL[] = [];
  if (children.entitlements) {
    const ofPolicy = sql`select ${entitlementRows.columns} from ${entitlements} where ${entitlements.policyId} = ${policies.id}`;
    columns.push(sql`${entitlementRows.jsonArray(ofPolicy)} as ${sql.identifier(ENTITLEMENTS_COLUMN)}`);
  }
  if (children.diagnoses) {
    const ofPolicy = sql`select ${diagnosisRows.columns} from ${diagnoses} where ${diagnoses.policyId} = ${policies.id}`;
    columns.push(sql`${diagnosisRows.jsonArray(ofPolicy, { orderBy: "firstDiagnosedOn, recordedAt" })} as ${sql.identifier(DIAGNOSES_COLUMN)}`);
  }
  children.casePages.forEach((_, i) => columns.push(sql`${casePageColumn(sql`${policies.id}`, casePage(i))} as ${sql.identifier(casePageColumnName(i))}`));
  return columns;
}

/** Which lists, and how many case pages: what a statement reading `children` is shaped by. */
const childShape = (children: PolicyChildren) => `${children.entitlements ? "e" : ""}${children.diagnoses ? "d" : ""}${children.casePages.length}`;

/** The child columns of a row read with `childColumns`. */
function takeChildren(row: Record<string, unknown>, children: PolicyChildren): PolicyChildRows {
  return {
    entitlements: children.entitlements ? entitlementRows.parse(row[ENTITLEMENTS_COLUMN]) : null,
    diagnoses: children.diagnoses ? diagnosisRows.parse(row[DIAGNOSES_COLUMN]) : null,
    casePages: children.casePages.map((_, i) => caseListRows.parse(row[casePageColumnName(i)])),
  };
}

const withoutChildren: PolicyChildRows = { entitlements: null, diagnoses: null, casePages: [] };

interface PageFilter {
  readonly key: string;
  readonly values: readonly unknown[];
  /** The condition on one marker (or parameter) per value. */
  readonly condition: (...values: SQL[]) => SQL;
}

/** Above every policy number that starts with the prefix, in byte order (U+10FFFF is the last code point). */
const PAST_PREFIX = String.fromCodePoint(0x10ffff);

/**
 * The page's filters that are present, each with its values and its condition. A prefix is also a
 * range of the byte-ordered index, so that a prepared statement's generic plan reads only the
 * prefix's part of the index (a `like` on a parameter alone cannot bound the scan).
 */
function pageFilters(query: PolicyPageQuery): PageFilter[] {
  const filters: PageFilter[] = [];
  if (query.statuses?.length) filters.push({ key: "s", values: [query.statuses], condition: (v) => sql`${policies.status} = any(${v}::text[])` });
  if (query.policyNos) filters.push({ key: "n", values: [query.policyNos], condition: (v) => sql`${policies.policyNo} = any(${v}::text[])` });
  if (query.policyNoPrefix) {
    const prefix = query.policyNoPrefix;
    filters.push({
      key: "p",
      values: [prefix, `${prefix}${PAST_PREFIX}`, `${prefix.replace(/[\\%_]/g, "\\$&")}%`],
      condition: (from, to, pattern) => sql`${policyNoBytes} >= ${from}::text and ${policyNoBytes} < ${to}::text and ${policyNoBytes} like ${pattern}::text`,
    });
  }
  if (query.afterPolicyNo) filters.push({ key: "a", values: [query.afterPolicyNo], condition: (v) => sql`${policyNoBytes} > ${v}::text` });
  return filters;
}

/** `policyPage`'s statement for one shape of filters and children, rendered once (record 0053). */
const pageStatements = new Map<string, (executor: Executor, ...values: unknown[]) => Promise<PolicyRow[]>>();

/** A page of policies in policy-number order, and what `children` asks of each, in one statement. */
export async function policyPage(executor: Executor, query: PolicyPageQuery, children: PolicyChildren = NO_CHILDREN): Promise<{ policy: PolicyRow; children: PolicyChildRows }[]> {
  const filters = pageFilters(query);
  const shape = `${filters.map((f) => f.key).join("")}|${childShape(children)}`;
  let statement = pageStatements.get(shape);
  if (!statement) {
    const filterArity = filters.reduce((n, filter) => n + filter.values.length, 0);
    const build = (...values: SQL[]) => {
      let next = 0;
      const conditions = filters.map((filter) => filter.condition(...values.slice(next, (next += filter.values.length))));
      const pages = values.slice(filterArity + 1);
      const columns = [policyRows.columns, ...childColumns(children, (i) => pages.slice(4 * i, 4 * i + 4) as unknown as CasePageSql)];
      return sql`select ${sql.join(columns, sql`, `)} from ${policies} where ${and(...conditions) ?? sql`true`}
        order by ${policyNoBytes} limit ${values[filterArity]}::int`;
    };
    statement = policyRows.statement<unknown[]>(build as never, filterArity + 1 + 4 * children.casePages.length);
    pageStatements.set(shape, statement);
  }
  const rows = await statement(executor, ...filters.flatMap((f) => f.values), query.limit, ...children.casePages.flatMap(casePageValues));
  if (childShape(children) === "0") return rows.map((policy) => ({ policy, children: withoutChildren }));
  return rows.map((row) => ({ policy: policyRows.own(row), children: takeChildren(row as Record<string, unknown>, children) }));
}

export interface PolicyWithInsuredAndChildren {
  readonly policy: PolicyRow;
  readonly insured: PersonRow;
  readonly children: PolicyChildRows;
}

/**
 * The statement of `policiesWithChildrenByNo` for one shape of children (which lists, how many
 * case pages), rendered once: its values are the policy numbers, then each case page's values.
 */
const withChildrenStatements = new Map<string, (executor: Executor, ...values: unknown[]) => Promise<PolicyRow[]>>();

function withChildrenStatement(children: PolicyChildren) {
  const shape = childShape(children);
  let statement = withChildrenStatements.get(shape);
  if (!statement) {
    const build = (nos: SQL, ...pages: SQL[]) =>
      sql`select ${sql.join([policyRows.columns, insuredColumns.columns, ...childColumns(children, (i) => pages.slice(4 * i, 4 * i + 4) as unknown as CasePageSql)], sql`, `)}
        from ${policies} join ${persons} on ${persons.id} = ${policies.insuredId} where ${policies.policyNo} = any(${nos}::text[])`;
    statement = policyRows.statement<unknown[]>(build as never, 1 + 4 * children.casePages.length);
    withChildrenStatements.set(shape, statement);
  }
  return statement;
}

/** Policies by number with their insured and what `children` asks of each, in one statement. */
export async function policiesWithChildrenByNo(executor: Executor, policyNos: readonly string[], children: PolicyChildren): Promise<PolicyWithInsuredAndChildren[]> {
  const rows = await withChildrenStatement(children)(executor, policyNos, ...children.casePages.flatMap(casePageValues));
  return rows.map((row) => {
    const joined = row as Record<string, unknown>;
    return { policy: policyRows.own(row), insured: insuredColumns.take(joined), children: takeChildren(joined, children) };
  });
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const conditions = pageFilters({ ...query, limit: 0 }).map((filter) => filter.condition(...filter.values.map((value) => sql`${sql.param(value)}`)));
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...conditions));
  return row?.n ?? 0;
}
