// Reads of policies and what hangs off them. Every function takes the executor first and
// answers for a whole batch of keys, so loaders issue one statement per kind of thing. The reads
// behind every screen go through row readers (../driver/row-reader.ts) rather than the query builder.
import { and, count, getTableColumns, sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowReader } from "../driver/row-reader.js";
import { diagnoses, entitlements, persons, policies } from "../schema/index.js";
import { jsonArrayOf, jsonObject } from "../driver/json-text.js";
import {
  answerEntries,
  columnsGivingValues,
  fieldsShape,
  keyValues,
  nestedEntries,
  nestedValues,
  rowFields,
  type AnswerField,
  type ListAnswer,
  type NestedAnswer,
  type RowsAnswer,
} from "./list-answers.js";

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
 * What a read of policies also reads of each policy: its lists, each as the text of one column of
 * the same statement (docs/decisions/0053-planned-policy-page.md, 0103): answers placed as they are
 * (records 0097, 0098) or rows parsed back (`RowsAnswer`). One list of a policy is read one way,
 * with the policy (`policyPage`, `policiesWithChildrenByNo`) or without it for a batch of policies
 * (`childrenOfPolicies`).
 */
export type PolicyChildren = readonly ListAnswer[];

/** The text of each of `PolicyChildren`, in its order. */
export type PolicyChildRows = readonly string[];

export const NO_CHILDREN: PolicyChildren = [];

const entitlementColumns: Readonly<Record<string, Column>> = getTableColumns(entitlements);
const policyColumns: Readonly<Record<string, Column>> = getTableColumns(policies);
const diagnosisColumns: Readonly<Record<string, Column>> = getTableColumns(diagnoses);
/** A column of `columns` by property name, as the answers' entries read it. */
const valueOf = (columns: Readonly<Record<string, Column>>) => (column: string) => sql`${columns[column]!}`;

/** Whether an entitlement's column gives a field's value as it is in its answer's JSON (record 0098). */
export const entitlementColumnGivesValue = columnsGivingValues(entitlementColumns);
/** Whether a policy's column gives a field's value as it is in its answer's JSON (record 0098). */
export const policyColumnGivesValue = columnsGivingValues(policyColumns);

/**
 * A policy's entitlements of `benefits` (those in the caller's scope) as the answer's JSON text: one
 * object a row with `fields` under their keys (record 0098), in the order of `benefits` unless
 * `inOrder` is false (rows, which their fields look up by benefit: the sort is a tenth of the
 * statement's time).
 */
export function entitlementsAnswer(benefits: readonly string[], fields: readonly AnswerField[], inOrder = true): ListAnswer {
  return {
    shape: `e${inOrder ? "" : "u"}(${fieldsShape(fields)})`,
    values: [benefits, ...keyValues(fields)],
    column: (policyId, [chosen, ...keys]) => {
      const node = jsonObject(answerEntries(fields, keys, valueOf(entitlementColumns)));
      const order = inOrder ? sql` order by array_position(${chosen}::text[], ${entitlements.benefitCode})` : sql``;
      return jsonArrayOf(sql`select ${node} from ${entitlements} where ${entitlements.policyId} = ${policyId} and ${entitlements.benefitCode} = any(${chosen}::text[])${order}`);
    },
  };
}

const entitlementFields = rowFields(entitlementColumns);
/** A policy's entitlements of `benefits` (those in the caller's scope) as rows. */
export const entitlementRowsAnswer = (benefits: readonly string[]): RowsAnswer<EntitlementRow> => ({ ...entitlementsAnswer(benefits, entitlementFields, false), rows: entitlementRows.parse });

/**
 * A policy as an edge of a page's answer, `{"node":{…}}`: `fields` from the policy's own row under
 * their keys, and the lists `nested` answers inside it (record 0098).
 */
export function policyEdgeAnswer(fields: readonly AnswerField[], nested: readonly NestedAnswer[]): ListAnswer {
  return {
    shape: `p(${fieldsShape(fields)}|${nested.map(({ answer, at }) => `${at}:${answer.shape}`).join(",")})`,
    values: [...keyValues(fields), ...nestedValues(nested)],
    readsPolicy: true,
    column: (policyId, markers) => {
      const entries = answerEntries(fields, markers, valueOf(policyColumns));
      const lists = nestedEntries(nested, policyId, markers.slice(keyValues(fields).length));
      // Each list in its place among the fields, the last first so that the places hold.
      for (let i = nested.length - 1; i >= 0; i--) entries.splice(nested[i]!.at, 0, lists[i]!);
      return sql`('{"node":' || ${jsonObject(entries)} || '}')`;
    },
  };
}

const diagnosisFields = rowFields(diagnosisColumns);
/** A policy's diagnoses as rows, in the order eligibility reads them. */
export const DIAGNOSIS_ROWS: RowsAnswer<DiagnosisRow> = {
  shape: "d",
  values: keyValues(diagnosisFields),
  column: (policyId, keys) =>
    jsonArrayOf(sql`select ${jsonObject(answerEntries(diagnosisFields, keys, valueOf(diagnosisColumns)))} from ${diagnoses}
      where ${diagnoses.policyId} = ${policyId} order by ${diagnoses.firstDiagnosedOn}, ${diagnoses.recordedAt}`),
  rows: diagnosisRows.parse,
};

/** The select-list entries of `answers` for the policy `policyId` names, each given as many of `markers` as it has values, in order. */
function childColumns(answers: PolicyChildren, policyId: SQL, markers: readonly SQL[]): SQL[] {
  let next = 0;
  return answers.map((answer, i) => sql`${answer.column(policyId, markers.slice(next, (next += answer.values.length)))} as ${sql.identifier(`child.${i}`)}`);
}

/** The texts of the child columns of a row read with `childColumns`. */
const takeChildren = (row: Record<string, unknown>, answers: PolicyChildren): PolicyChildRows => answers.map((_, i) => row[`child.${i}`] as string);

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

/** The statements of `policyPage`, `policiesWithChildrenByNo` and `childrenOfPolicies`, one per shape of filters and lists, rendered once (record 0053). */
const MAX_SHAPES = 256;
const statements = new Map<string, (executor: Executor, ...values: unknown[]) => Promise<PolicyRow[]>>();

/**
 * The statement of `shape`: `build` gets one marker per value of its own (`arity`) and the child
 * columns of the policy `policyId` names, made from one marker per child value after them.
 */
function statementOf(shape: string, arity: number, children: PolicyChildren, policyId: SQL, build: (values: SQL[], children: SQL[]) => SQL) {
  const key = `${shape}|${children.map((answer) => answer.shape).join(";")}`;
  let statement = statements.get(key);
  if (!statement) {
    const childArity = children.reduce((n, answer) => n + answer.values.length, 0);
    const render = (...markers: SQL[]) => build(markers.slice(0, arity), childColumns(children, policyId, markers.slice(arity)));
    statements.set(key, (statement = policyRows.statement<unknown[]>(render as never, arity + childArity)));
  }
  return statement;
}

/**
 * The lists a policy's own statement reads with it: past MAX_SHAPES statements, none (their fields
 * load them, one statement a list), so the shapes a client can make stay bounded.
 */
const withPolicy = (children: PolicyChildren): PolicyChildren => (statements.size >= MAX_SHAPES ? NO_CHILDREN : children);

/**
 * A page of policies in policy-number order, and the texts of `children` of each, in one statement;
 * `own: "keys"` reads only each policy's keys of its own row (nothing presents the rest).
 */
export async function policyPage(executor: Executor, query: PolicyPageQuery, children?: PolicyChildren): Promise<{ policy: PolicyRow; children: PolicyChildRows }[]>;
export async function policyPage(executor: Executor, query: PolicyPageQuery, children: PolicyChildren, own: "keys"): Promise<{ policy: PolicyKeys; children: PolicyChildRows }[]>;
export async function policyPage(executor: Executor, query: PolicyPageQuery, asked: PolicyChildren = NO_CHILDREN, own: "row" | "keys" = "row"): Promise<{ policy: PolicyKeys; children: PolicyChildRows }[]> {
  const filters = pageFilters(query);
  const children = withPolicy(asked);
  const values = filters.flatMap((f) => f.values);
  const rowsRead = own === "keys" ? policyKeyRows : policyRows;
  const statement = statementOf(`page|${own}|${filters.map((f) => f.key).join("")}`, values.length + 1, children, sql`${policies.id}`, (markers, childColumns) => {
    let next = 0;
    const conditions = filters.map((filter) => filter.condition(...markers.slice(next, (next += filter.values.length))));
    return sql`select ${sql.join([rowsRead.columns, ...childColumns], sql`, `)} from ${policies} where ${and(...conditions) ?? sql`true`}
      order by ${policyNoBytes} limit ${markers[next]}::int`;
  });
  const rows = await statement(executor, ...values, query.limit, ...children.flatMap((answer) => answer.values));
  if (children.length === 0) return rows.map((policy) => ({ policy, children: [] }));
  return rows.map((row) => ({ policy: rowsRead.own(row as PolicyRow), children: takeChildren(row as Record<string, unknown>, children) }));
}

export interface PolicyWithInsuredAndChildren {
  readonly policy: PolicyRow;
  readonly insured: PersonRow;
  /** The texts of the lists read with it, in the order asked (none past MAX_SHAPES). */
  readonly children: PolicyChildRows;
}

/** Policies by number with their insured and the texts of `children` of each, in one statement. */
export async function policiesWithChildrenByNo(executor: Executor, policyNos: readonly string[], asked: PolicyChildren): Promise<PolicyWithInsuredAndChildren[]> {
  const children = withPolicy(asked);
  // One number (a policy screen, the usual case) is a statement of its own: for `= any($1)` the
  // planner cannot know the array's length, prices a generic plan for several policies and so plans
  // the statement again at every execution; for `= $1` on the unique number it keeps the generic
  // plan (record 0098).
  const one = policyNos.length === 1;
  const statement = statementOf(one ? "byNo1" : "byNo", 1, children, sql`${policies.id}`, ([nos], childColumns) =>
    sql`select ${sql.join([policyRows.columns, insuredColumns.columns, ...childColumns], sql`, `)}
      from ${policies} join ${persons} on ${persons.id} = ${policies.insuredId} where ${one ? sql`${policies.policyNo} = ${nos}::text` : sql`${policies.policyNo} = any(${nos}::text[])`}`,
  );
  const rows = await statement(executor, one ? policyNos[0] : policyNos, ...children.flatMap((answer) => answer.values));
  return rows.map((row) => {
    const joined = row as Record<string, unknown>;
    return { policy: policyRows.own(row), insured: insuredColumns.take(joined), children: takeChildren(joined, children) };
  });
}

/** The texts of `children` of each policy of `policyIds`, in their order, in one statement without the policies (the loaders' batches). */
export async function childrenOfPolicies(executor: Executor, policyIds: readonly string[], children: PolicyChildren): Promise<PolicyChildRows[]> {
  // An answer that reads the policy's own row has it in scope (a policy no longer there gives null
  // for its own fields).
  const readsPolicy = children.some((answer) => answer.readsPolicy);
  const statement = statementOf(readsPolicy ? "of+policy" : "of", 1, children, sql`parent.id`, ([ids], childColumns) =>
    sql`select ${sql.join(childColumns, sql`, `)} from unnest(${ids}::uuid[]) with ordinality as parent(id, n)${readsPolicy ? sql` left join ${policies} on ${policies.id} = parent.id` : sql``} order by parent.n`,
  );
  const rows = await statement(executor, policyIds, ...children.flatMap((answer) => answer.values));
  return rows.map((row) => takeChildren(row as Record<string, unknown>, children));
}

/** One policy's lists, each as its rows. */
export async function rowsOfPolicy<L extends readonly RowsAnswer<unknown>[]>(executor: Executor, policyId: string, lists: L): Promise<{ [I in keyof L]: L[I] extends RowsAnswer<infer Row> ? Row[] : never }> {
  const [texts] = (await childrenOfPolicies(executor, [policyId], lists)) as [PolicyChildRows];
  return lists.map((list, i) => list.rows(texts[i]!)) as never;
}

export async function policyCount(executor: Executor, query: Omit<PolicyPageQuery, "limit" | "afterPolicyNo">): Promise<number> {
  const conditions = pageFilters({ ...query, limit: 0 }).map((filter) => filter.condition(...filter.values.map((value) => sql`${sql.param(value)}`)));
  const [row] = await executor.select({ n: count() }).from(policies).where(and(...conditions));
  return row?.n ?? 0;
}
