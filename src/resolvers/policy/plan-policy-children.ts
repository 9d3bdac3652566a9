// Reading a policy's lists with the policy (docs/decisions/0053-planned-policy-page.md,
// 0096-a-policys-lists-written-once.md): a field whose value is read from one of its policy's lists
// declares which (`@ReadsPolicyLists`, schema metadata like `@Reads`); from what an operation
// selects of a Policy, the policy's own statement reads every list a selected field declares, and
// once read, the loaders are primed so the fields answer from them as if they had loaded. The
// planner names no field.
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { Extensions } from "type-graphql";
import type { Context } from "../../context/context.js";
import type { PolicyCasesPage } from "../../context/loaders.js";
import { casePageAnswer } from "../../db/queries/case-paging.js";
import { caseColumnGivesValue } from "../../db/queries/case-rows.js";
import { listAnswerKey, type AnswerField, type ListAnswer, type NestedAnswer } from "../../db/queries/list-answers.js";
import {
  entitlementColumnGivesValue,
  entitlementsAnswer,
  NO_CHILDREN,
  policyColumnGivesValue,
  policyEdgeAnswer,
  type PolicyChildren,
  type PolicyChildRows,
} from "../../db/queries/policies.js";
import { caseColumnsRead } from "../case/list-cases.js";
import { selectedBelow, selectedFieldsAt, type SelectedField } from "../shared/look-ahead.js";
import { decodeCursor, pageSize } from "../shared/pagination.js";

/**
 * At most this many distinct lists are read with a policy (each a subquery of its statement for
 * every policy); a list past them loads through its loader. Each set of lists is a statement of its
 * own, prepared on every connection, so the count a query can make must not be the client's to raise.
 */
export const MAX_PLANNED_LISTS = 6;

/** What a field reads of its policy's lists; `below`: so may the fields selected below it (an entitlement's eligibility). */
interface ListsRead {
  /** Each list as it is read: rows parsed for fields presented object by object, or an answer placed as it is (records 0097, 0098, 0103). */
  readonly lists?: readonly ListAnswer[];
  readonly below?: boolean;
}

type ListsOf = (field: SelectedField, ctx: Context, info: GraphQLResolveInfo) => ListsRead;

/**
 * The field's value comes from these lists of its policy (through the loaders its resolver reads):
 * a read of the policy that selects the field reads them in its own statement.
 */
export const ReadsPolicyLists = (lists: ListsOf) => Extensions(policyListsExtension(lists));

/** The field extension `ReadsPolicyLists` sets, for a field built without type-graphql (an execution schema's twin). */
export const policyListsExtension = (lists: ListsOf) => ({ policyLists: lists });

export interface PolicyChildPlan {
  readonly children: PolicyChildren;
  /** Primes the loaders with one policy's lists, read as `children` asked. */
  prime(policyId: string, texts: PolicyChildRows): void;
}

/**
 * The plan for the Policy selected at `path` below the resolving field ([] for `policy`,
 * ["edges", "node"] for `policies`): the lists its selected fields declare, each distinct list
 * once, up to `MAX_PLANNED_LISTS`.
 */
export function planPolicyChildren(ctx: Context, info: GraphQLResolveInfo, path: readonly string[]): PolicyChildPlan {
  if (!ctx.readAhead) return NOTHING_AHEAD;
  // The fields on the way to the policy may declare lists of it too (a page's edges answered in SQL).
  const along = path.flatMap((_, i) => selectedFieldsAt(info, path.slice(0, i)));
  const asked = listsSelected([...along, ...selectedFieldsAt(info, path)], ctx, info).flatMap((read) => read.lists ?? []);
  // `cases(first: 20)` and `cases` are one page: one list, by its key.
  const children = [...new Map(asked.map((list) => [listAnswerKey(list), list] as const)).values()].slice(0, MAX_PLANNED_LISTS);
  const { policyListAnswers } = ctx.loaders;
  return {
    children,
    prime: (policyId, texts) => texts.forEach((text, i) => policyListAnswers.prime({ policyId, answer: children[i]! }, text)),
  };
}

/** The lists `fields` declare, and those below the fields that say so. A field whose arguments it refuses is left to report them at its own path. */
function listsSelected(fields: readonly SelectedField[], ctx: Context, info: GraphQLResolveInfo): ListsRead[] {
  return fields.flatMap((field) => {
    let lists: ListsRead;
    try {
      lists = (field.definition.extensions?.policyLists as ListsOf | undefined)?.(field, ctx, info) ?? {};
    } catch {
      return [];
    }
    return lists.below ? [lists, ...listsSelected(selectedBelow(field, info), ctx, info)] : [lists];
  });
}

/** What a list's nodes select, answered in SQL: fields from their columns, and lists answered inside each node. */
export interface AnsweredSelection {
  readonly fields: readonly AnswerField[];
  /** Each with its place among the fields (`at`: after that many of them), as the selection asks. */
  readonly lists: readonly { readonly key: string; readonly spec: AnswersInSqlSpec; readonly args: Record<string, unknown>; readonly selection: AnsweredSelection; readonly at: number }[];
}

/** How a list field of a policy is answered as PostgreSQL's JSON text when its selection allows (src/graph/answers-in-sql.ts, records 0097, 0098). */
export interface AnswersInSqlSpec {
  /** Whether a node's column gives a field's value as it is (`kind`: the field's scalar, or "enum"). */
  givesValue(column: string, field: { kind: string; nonNull: boolean }): boolean;
  /** The list's answer for arguments and selection, in the caller's scope: of the policy the field is on, or ("edges") one per edge of a page of policies. */
  answer(args: Record<string, unknown>, selection: AnsweredSelection, ctx: Context): ListAnswer;
  /** The field is a connection's edges: its value is the answers of its edges' policies, in order. */
  readonly edges?: boolean;
  /** Throws what the field reports for arguments it refuses (such a list is not answered inside another). */
  checkArguments?(args: Record<string, unknown>): void;
}

/** The answers of the lists a node's selection holds, in the caller's scope. */
const nestedAnswers = (selection: AnsweredSelection, ctx: Context): NestedAnswer[] => selection.lists.map(({ key, spec, args, selection: inner, at }) => ({ key, answer: spec.answer(args, inner, ctx), at }));

export const AnswersInSql = (spec: AnswersInSqlSpec) => Extensions({ answersInSql: spec });

/** Policy.cases answered in SQL: the page the field would read (its size, not one more), in the caller's scope, with the fields' columns. */
export const CASES_IN_SQL: AnswersInSqlSpec = {
  givesValue: caseColumnGivesValue,
  answer: (args, { fields }, ctx) => {
    const { services, partnerCode } = ctx.loaders.scope;
    return casePageAnswer({ ...casePageArguments(args), services, partnerCode }, fields);
  },
  checkArguments: (args) => void casePageArguments(args),
};

/** Policy.entitlements answered in SQL (record 0098): the rows of the benefits in the caller's scope, in the catalogue's order, as the field lists them. */
export const ENTITLEMENTS_IN_SQL: AnswersInSqlSpec = {
  givesValue: entitlementColumnGivesValue,
  answer: (_args, { fields }, ctx) => entitlementsAnswer(ctx.loaders.benefitsInScope, fields),
};

/**
 * A page of policies' edges answered in SQL (record 0098): each policy's own fields and the lists
 * answered inside it, as `{"node":{…}}`, read with the page's statement. The page itself (which
 * policies, the caller's scope, the cursor) is the `policies` field's, as before.
 */
export const POLICY_EDGES_IN_SQL: AnswersInSqlSpec = {
  givesValue: policyColumnGivesValue,
  answer: (_args, selection, ctx) => policyEdgeAnswer(selection.fields, nestedAnswers(selection, ctx)),
  edges: true,
};

/**
 * The page `Policy.cases(first, after, status)` reads for a selection (its field nodes under one
 * response key): the field and the read-ahead make its loader key this one way, so a page read
 * ahead primes the key the field asks with. Throws what the field reports for refused arguments.
 */
export function policyCasesPage(
  ctx: Pick<Context, "readAhead" | "loaders">,
  info: Pick<GraphQLResolveInfo, "schema" | "fragments" | "variableValues">,
  nodes: readonly FieldNode[],
  args: { readonly first?: unknown; readonly after?: unknown; readonly status?: unknown },
): PolicyCasesPage {
  const page = casePageArguments(args);
  // One more than the page size: whether there is a next page.
  return { ...page, limit: page.limit + 1, columns: caseColumnsRead(ctx, info, nodes) };
}

/** What `Policy.cases(first, after, status)` asks, as a page reads it (`limit` the page size); throws what the field reports for refused arguments. */
function casePageArguments(args: { readonly first?: unknown; readonly after?: unknown; readonly status?: unknown }): Omit<PolicyCasesPage, "columns"> {
  return {
    limit: pageSize(args.first as number | null | undefined),
    beforeCaseNo: decodeCursor("case", args.after as string | null | undefined),
    statuses: (args.status as readonly string[] | null | undefined) ?? null,
  };
}

/** The plan of the reference executor: nothing read ahead, each field reads through its loader. */
const NOTHING_AHEAD: PolicyChildPlan = { children: NO_CHILDREN, prime: () => {} };
