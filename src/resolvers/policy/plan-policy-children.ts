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
import { NO_CHILDREN, type PolicyChildren, type PolicyChildRows } from "../../db/queries/policies.js";
import { caseColumnsRead } from "../case/list-cases.js";
import { selectedBelow, selectedFieldsAt, type SelectedField } from "../shared/look-ahead.js";
import { BENEFIT_CODES, type BenefitCode } from "../../rules/catalogue/codes.js";
import { countsEarlierAdvances } from "../../rules/eligibility/check-eligibility.js";
import { decodeCursor, pageSize } from "../shared/pagination.js";

/**
 * At most this many distinct case pages are read with the policy. Each number of pages is a
 * statement of its own, prepared on every connection, so the count a query can make must not be
 * the client's to raise.
 */
export const MAX_PLANNED_CASE_PAGES = 3;

/** What a field reads of its policy's lists; `below`: so may the fields selected below it (an entitlement's eligibility). */
interface ListsRead {
  readonly entitlements?: boolean;
  readonly diagnoses?: boolean;
  readonly admittedFor?: readonly BenefitCode[];
  readonly casePage?: PolicyCasesPage;
  readonly below?: boolean;
}

type ListsOf = (field: SelectedField, ctx: Context, info: GraphQLResolveInfo) => ListsRead;

/**
 * The field's value comes from these lists of its policy (through the loaders its resolver reads):
 * a read of the policy that selects the field reads them in its own statement.
 */
export const ReadsPolicyLists = (lists: ListsOf) => Extensions({ policyLists: lists });

export interface PolicyChildPlan {
  readonly children: PolicyChildren;
  /** Primes the loaders with one policy's children, read as `children` asked. */
  prime(policyId: string, rows: PolicyChildRows): void;
}

/**
 * The plan for the Policy selected at `path` below the resolving field ([] for `policy`,
 * ["edges", "node"] for `policies`): the lists its selected fields declare, each distinct case
 * page once, up to `MAX_PLANNED_CASE_PAGES` (a page past them loads through its loader).
 */
export function planPolicyChildren(ctx: Context, info: GraphQLResolveInfo, path: readonly string[]): PolicyChildPlan {
  if (!ctx.readAhead) return NOTHING_AHEAD;
  const asked = listsSelected(selectedFieldsAt(info, path), ctx, info);
  // `cases(first: 20)` and `cases` are one page: the loader's key says so too.
  const pages = [...new Map(asked.flatMap((lists) => (lists.casePage ? [[JSON.stringify(lists.casePage), lists.casePage] as const] : []))).values()].slice(0, MAX_PLANNED_CASE_PAGES);
  const admittedFor = [...new Set(asked.flatMap((lists) => lists.admittedFor ?? []))];
  const { loaders } = ctx;
  return {
    children: {
      entitlements: asked.some((lists) => lists.entitlements),
      diagnoses: asked.some((lists) => lists.diagnoses),
      casePages: pages.map((page) => ({ ...page, services: loaders.scope.services, partnerCode: loaders.scope.partnerCode })),
      admittedFor,
    },
    prime(policyId, rows) {
      if (rows.entitlements) loaders.primeEntitlements(policyId, rows.entitlements);
      if (rows.diagnoses) loaders.diagnosesByPolicyId.prime(policyId, rows.diagnoses);
      if (rows.admitted) for (const benefit of admittedFor) loaders.admittedIllnesses.prime({ policyId, benefit }, rows.admitted.filter((r) => r.benefitCode === benefit));
      pages.forEach((page, i) => loaders.casesByPolicy.prime({ policyId, ...page }, rows.casePages[i]!));
    },
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
  return {
    limit: pageSize(args.first as number | null | undefined) + 1,
    beforeCaseNo: decodeCursor("case", args.after as string | null | undefined),
    statuses: (args.status as readonly string[] | null | undefined) ?? null,
    columns: caseColumnsRead(ctx, info, nodes),
  };
}

/** The benefits whose earlier uses for the same illness eligibility counts (check-eligibility.ts). */
export const ADVANCE_BENEFITS: readonly BenefitCode[] = BENEFIT_CODES.filter(countsEarlierAdvances);

/** The plan of the reference executor: nothing read ahead, each field reads through its loader. */
const NOTHING_AHEAD: PolicyChildPlan = { children: NO_CHILDREN, prime: () => {} };

/** Whether a plan reads anything besides the policy. */
export function readsChildren(plan: PolicyChildPlan): boolean {
  return plan.children.entitlements || plan.children.diagnoses || plan.children.casePages.length > 0 || plan.children.admittedFor.length > 0;
}
