// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing. The reads
// behind every screen go through row readers (../driver/row-reader.ts) rather than the query builder.
import { and, count, getTableColumns, sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowReader } from "../driver/row-reader.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";
import { casePageColumn, casePageValues, type PolicyCasePage } from "./case-paging.js";
import { CASE_LIST_COLUMNS, caseListReader, type CaseListRow } from "./case-rows.js";
import { admittedIllnessesColumn, type AdmittedIllness } from "./cases-read.js";
import { jsonArrayOf, jsonObject } from "../driver/json-text.js";
import { answerEntries, answerKey, columnsGivingValues, fieldsShape, nestedEntries, nestedValues, type AnswerField, type ListAnswer, type NestedAnswer } from "./list-answers.js";

export type PolicyRow = typeof policies.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type DiagnosisRow = typeof diagnoses.$inferSelect;
export type EntitlementRow = typeof entitlements.$inferSelect;

const policyRows = rowReader(policies);
const policyKeyRows = rowReader(policies, ["id", "policyNo"]);
/** A policy's keys: what a page reads of a policy whose edge is answered in SQL (record 0099). */
export type PolicyKeys = Pick<PolicyRow, "id" | "policyNo">;
const personRows = rowReader(persons);
const diagnosisRows = rowReader(diagnoses);
const entitlementRows = rowReader(entitlements);

const insuredColumns = personRows.prefixed("insured");

/** Policies by number with their insured, in one statement (a policy screen shows both). */
export async function policiesWithInsuredByNo(executor: Executor, policyNos: readonly string[]): Promise<{ policy: PolicyRow; insured: PersonRow }[]> {
  return policiesWithChildrenByNo(executor, policyNos, NO_CHILDREN);
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
  /** The illnesses cases of these benefits reached admission for (what eligibility counts as earlier advances); empty for none. */
  readonly admittedFor: readonly string[];
  /** Lists read as the answer's JSON text (records 0097, 0098). */
  readonly answers?: readonly ListAnswer[];
}

export const NO_CHILDREN: PolicyChildren = { entitlements: false, diagnoses: false, casePages: [], admittedFor: [] };

/** What `PolicyChildren` asked for, read: null (or no pages) where it was not asked. */
export interface PolicyChildRows {
  readonly entitlements: EntitlementRow[] | null;
  readonly diagnoses: DiagnosisRow[] | null;
  /** In the order of `casePages`. */
  readonly casePages: CaseListRow[][];
  readonly admitted: AdmittedIllness[] | null;
  /** In the order of `answers`. */
  readonly answers: string[];
}

/**
 * One list of a policy: its values, its select-list entry for the policy `policyId` names from their
 * markers, and where its rows go. Written once, read with the policy (`policyPage`,
 * `policiesWithChildrenByNo`) or without it for a batch of policies (`childrenOfPolicies`).
 */
interface ChildRead {
  readonly shape: string;
  readonly values: readonly unknown[];
  column(policyId: SQL, markers: readonly SQL[]): SQL;
  take(json: unknown, into: { -readonly [K in keyof PolicyChildRows]: PolicyChildRows[K] }): void;
}

const entitlementsRead: ChildRead = {
  shape: "e",
  values: [],
  column: (policyId) => entitlementRows.jsonArray(sql`select ${entitlementRows.columns} from ${entitlements} where ${entitlements.policyId} = ${policyId}`),
  take: (json, into) => void (into.entitlements = entitlementRows.parse(json)),
};

const entitlementColumns: Readonly<Record<string, Column>> = getTableColumns(entitlements);
const policyColumns: Readonly<Record<string, Column>> = getTableColumns(policies);
/** A column of `columns` by property name, as the answers' entries read it. */
const valueOf = (columns: Readonly<Record<string, Column>>) => (column: string) => sql`${columns[column]!}`;

/** Whether an entitlement's column gives a field's value as it is in its answer's JSON (record 0098). */
export const entitlementColumnGivesValue = columnsGivingValues(entitlementColumns);
/** Whether a policy's column gives a field's value as it is in its answer's JSON (record 0098). */
export const policyColumnGivesValue = columnsGivingValues(policyColumns);

/**
 * A policy's entitlements of `benefits` (those in the caller's scope), in their order, as the
 * answer's JSON text: one object a row with `fields` under their keys (record 0098).
 */
export function entitlementsAnswer(benefits: readonly string[], fields: readonly AnswerField[]): ListAnswer {
  return {
    shape: `e(${fieldsShape(fields)})`,
    values: [benefits, ...fields.map((f) => answerKey(f.key))],
    column: (policyId, [order, ...keys]) => {
      const node = jsonObject(answerEntries(fields, keys, valueOf(entitlementColumns)));
      return jsonArrayOf(sql`select ${node} from ${entitlements} where ${entitlements.policyId} = ${policyId} and ${entitlements.benefitCode} = any(${order}::text[])
        order by array_position(${order}::text[], ${entitlements.benefitCode})`);
    },
  };
}

/**
 * A policy as an edge of a page's answer, `{"node":{…}}`: `fields` from the policy's own row under
 * their keys, and the lists `nested` answers inside it (record 0098).
 */
export function policyEdgeAnswer(fields: readonly AnswerField[], nested: readonly NestedAnswer[]): ListAnswer {
  return {
    shape: `p(${fieldsShape(fields)}|${nested.map(({ answer }) => answer.shape).join(",")})`,
    values: [...fields.map((f) => answerKey(f.key)), ...nestedValues(nested)],
    readsPolicy: true,
    column: (policyId, markers) => {
      const own = answerEntries(fields, markers, valueOf(policyColumns));
      return sql`('{"node":' || ${jsonObject([...own, ...nestedEntries(nested, policyId, markers.slice(fields.length))])} || '}')`;
    },
  };
}

const diagnosesRead: ChildRead = {
  shape: "d",
  values: [],
  column: (policyId) => diagnosisRows.jsonArray(sql`select ${diagnosisRows.columns} from ${diagnoses} where ${diagnoses.policyId} = ${policyId}`, { orderBy: "firstDiagnosedOn, recordedAt" }),
  take: (json, into) => void (into.diagnoses = diagnosisRows.parse(json)),
};

const admittedRead = (benefits: readonly string[]): ChildRead => ({
  shape: "a",
  values: [benefits],
  column: (policyId, [benefitMarker]) => admittedIllnessesColumn(policyId, benefitMarker!),
  take: (text, into) => void (into.admitted = JSON.parse(text as string) as AdmittedIllness[]),
});

/** The lists `children` asks for, each read of the statement's `policy` row. */
function childReads(children: PolicyChildren, withPolicy = true): ChildRead[] {
  const reads: ChildRead[] = [];
  if (children.entitlements) reads.push(entitlementsRead);
  if (children.diagnoses) reads.push(diagnosesRead);
  // Past MAX_SHAPES statements, case pages are read with whole rows: the shapes a client can make stay
  // bounded (a page read with more columns than its selection needs answers it the same).
  const widen = statements.size >= MAX_SHAPES;
  for (const asked of children.casePages) {
    const page = widen ? { ...asked, columns: CASE_LIST_COLUMNS } : asked;
    reads.push({
      shape: `c(${page.columns.join(",")})`,
      values: casePageValues(page),
      column: (policyId, markers) => casePageColumn(policyId, page, markers as [SQL, SQL, SQL, SQL, SQL]),
      take: (json, into) => void into.casePages.push(caseListReader(page.columns).parse(json)),
    });
  }
  if (children.admittedFor.length > 0) reads.push(admittedRead(children.admittedFor));
  // Past MAX_SHAPES, lists answered as text are not read with the policy (their fields load them,
  // at most one statement per selection the graph answers in SQL).
  for (const answer of widen && withPolicy ? [] : (children.answers ?? [])) {
    reads.push({ shape: `t${answer.shape}`, values: answer.values, column: answer.column, take: (text, into) => void into.answers.push(text as string) });
  }
  return reads;
}

/** The select-list entries of `reads` for the policy `policyId` names, each given as many of `markers` as it has values, in order. */
function childColumns(reads: readonly ChildRead[], policyId: SQL, markers: readonly SQL[]): SQL[] {
  let next = 0;
  return reads.map((read, i) => sql`${read.column(policyId, markers.slice(next, (next += read.values.length)))} as ${sql.identifier(`child.${i}`)}`);
}

/** The child columns of a row read with `childColumns`. */
function takeChildren(row: Record<string, unknown>, reads: readonly ChildRead[]): PolicyChildRows {
  const into: { -readonly [K in keyof PolicyChildRows]: PolicyChildRows[K] } = { entitlements: null, diagnoses: null, casePages: [], admitted: null, answers: [] };
  reads.forEach((read, i) => read.take(row[`child.${i}`], into));
  return into;
}

const withoutChildren: PolicyChildRows = { entitlements: null, diagnoses: null, casePages: [], admitted: null, answers: [] };

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

/** The statements of `policyPage`, `policiesWithChildrenByNo` and `childrenOfPolicies`, one per shape of filters and children, rendered once (record 0053). */
const MAX_SHAPES = 256;
const statements = new Map<string, (executor: Executor, ...values: unknown[]) => Promise<PolicyRow[]>>();

/**
 * The statement of `shape`: `build` gets one marker per value of its own (`arity`) and the child
 * columns of the policy `policyId` names, made from one marker per child value after them.
 */
function statementOf(shape: string, arity: number, reads: readonly ChildRead[], policyId: SQL, build: (values: SQL[], children: SQL[]) => SQL) {
  const key = `${shape}|${reads.map((read) => read.shape).join("")}`;
  let statement = statements.get(key);
  if (!statement) {
    const childArity = reads.reduce((n, read) => n + read.values.length, 0);
    const render = (...markers: SQL[]) => build(markers.slice(0, arity), childColumns(reads, policyId, markers.slice(arity)));
    statements.set(key, (statement = policyRows.statement<unknown[]>(render as never, arity + childArity)));
  }
  return statement;
}

/**
 * A page of policies in policy-number order, and what `children` asks of each, in one statement;
 * `own: "keys"` reads only each policy's keys of its own row (nothing presents the rest).
 */
export async function policyPage(executor: Executor, query: PolicyPageQuery, children?: PolicyChildren): Promise<{ policy: PolicyRow; children: PolicyChildRows }[]>;
export async function policyPage(executor: Executor, query: PolicyPageQuery, children: PolicyChildren, own: "keys"): Promise<{ policy: PolicyKeys; children: PolicyChildRows }[]>;
export async function policyPage(executor: Executor, query: PolicyPageQuery, children: PolicyChildren = NO_CHILDREN, own: "row" | "keys" = "row"): Promise<{ policy: PolicyKeys; children: PolicyChildRows }[]> {
  const filters = pageFilters(query);
  const reads = childReads(children);
  const values = filters.flatMap((f) => f.values);
  const rowsRead = own === "keys" ? policyKeyRows : policyRows;
  const statement = statementOf(`page|${own}|${filters.map((f) => f.key).join("")}`, values.length + 1, reads, sql`${policies.id}`, (markers, childColumns) => {
    let next = 0;
    const conditions = filters.map((filter) => filter.condition(...markers.slice(next, (next += filter.values.length))));
    return sql`select ${sql.join([rowsRead.columns, ...childColumns], sql`, `)} from ${policies} where ${and(...conditions) ?? sql`true`}
      order by ${policyNoBytes} limit ${markers[next]}::int`;
  });
  const rows = await statement(executor, ...values, query.limit, ...reads.flatMap((r) => r.values));
  if (reads.length === 0) return rows.map((policy) => ({ policy, children: withoutChildren }));
  return rows.map((row) => ({ policy: rowsRead.own(row as PolicyRow), children: takeChildren(row as Record<string, unknown>, reads) }));
}

export interface PolicyWithInsuredAndChildren {
  readonly policy: PolicyRow;
  readonly insured: PersonRow;
  readonly children: PolicyChildRows;
}

/** Policies by number with their insured and what `children` asks of each, in one statement. */
export async function policiesWithChildrenByNo(executor: Executor, policyNos: readonly string[], children: PolicyChildren): Promise<PolicyWithInsuredAndChildren[]> {
  const reads = childReads(children);
  // One number (a policy screen, the usual case) is a statement of its own: for `= any($1)` the
  // planner cannot know the array's length, prices a generic plan for several policies and so plans
  // the statement again at every execution; for `= $1` on the unique number it keeps the generic
  // plan (record 0098).
  const one = policyNos.length === 1;
  const statement = statementOf(one ? "byNo1" : "byNo", 1, reads, sql`${policies.id}`, ([nos], childColumns) =>
    sql`select ${sql.join([policyRows.columns, insuredColumns.columns, ...childColumns], sql`, `)}
      from ${policies} join ${persons} on ${persons.id} = ${policies.insuredId} where ${one ? sql`${policies.policyNo} = ${nos}::text` : sql`${policies.policyNo} = any(${nos}::text[])`}`,
  );
  const rows = await statement(executor, one ? policyNos[0] : policyNos, ...reads.flatMap((r) => r.values));
  return rows.map((row) => {
    const joined = row as Record<string, unknown>;
    return { policy: policyRows.own(row), insured: insuredColumns.take(joined), children: takeChildren(joined, reads) };
  });
}

/** What `children` asks of each policy of `policyIds`, in their order, in one statement without the policies (the loaders' batches). */
export async function childrenOfPolicies(executor: Executor, policyIds: readonly string[], children: Partial<PolicyChildren>): Promise<PolicyChildRows[]> {
  const reads = childReads({ ...NO_CHILDREN, ...children }, false);
  // An answer that reads the policy's own row has it in scope (a policy no longer there gives null
  // for its own fields).
  const readsPolicy = children.answers?.some((answer) => answer.readsPolicy) ?? false;
  const statement = statementOf(readsPolicy ? "of+policy" : "of", 1, reads, sql`parent.id`, ([ids], childColumns) =>
    sql`select ${sql.join(childColumns, sql`, `)} from unnest(${ids}::uuid[]) with ordinality as parent(id, n)${readsPolicy ? sql` left join ${policies} on ${policies.id} = parent.id` : sql``} order by parent.n`,
  );
  const rows = await statement(executor, policyIds, ...reads.flatMap((r) => r.values));
  return rows.map((row) => takeChildren(row as Record<string, unknown>, reads));
}

/** One policy's diagnoses, in the order eligibility reads them. */
export async function diagnosesOfPolicy(executor: Executor, policyId: string): Promise<DiagnosisRow[]> {
  return (await childrenOfPolicies(executor, [policyId], { diagnoses: true }))[0]!.diagnoses!;
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const conditions = pageFilters({ ...query, limit: 0 }).map((filter) => filter.condition(...filter.values.map((value) => sql`${sql.param(value)}`)));
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...conditions));
  return row?.n ?? 0;
}
