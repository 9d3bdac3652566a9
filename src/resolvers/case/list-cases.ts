// serviceCases(first, after, filter): newest first, keyset on the case number, scoped to the caller.
import { shanghaiMidnight } from "../../context/clock.js";
import type { Context } from "../../context/context.js";
import { caseCount, casePage } from "../../db/queries/case-paging.js";
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { CASE_LIST_COLUMNS, caseListColumns, type CaseListColumn, type CaseListRow } from "../../db/queries/case-rows.js";
import { casePartnerScope, caseServiceScope } from "../../rules/access/case-scope.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import { addDays } from "../../rules/shared/dates.js";
import type { CaseFilter } from "../../schema/case/case.inputs.js";
import type { ServiceCaseConnection } from "../../schema/case/service-case.type.js";
import { columnsRead } from "../shared/look-ahead.js";
import { Connection, decodeCursor, Edge, PageInfo, pageSize } from "../shared/pagination.js";
import { presentCase } from "./present-case.js";

export async function listCases(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: CaseFilter | null | undefined,
  info: GraphQLResolveInfo,
): Promise<ServiceCaseConnection> {
  const limit = pageSize(first);
  const beforeCaseNo = decodeCursor("case", after);
  const scope = caseServiceScope(ctx.principal!);
  const query = {
    services: scope ? (filter?.services?.length ? filter.services.filter((s) => scope.includes(s)) : scope) : filter?.services,
    partnerCode: casePartnerScope(ctx.principal!),
    statuses: filter?.statuses,
    policyNo: filter?.policyNo,
    policyNos: policyListScope(ctx.principal!),
    submittedFrom: filter?.submittedFrom ? shanghaiMidnight(filter.submittedFrom) : null,
    submittedBefore: filter?.submittedTo ? shanghaiMidnight(addDays(filter.submittedTo, 1)) : null,
  };
  const rows = await casePage(ctx.db, { ...query, beforeCaseNo, limit: limit + 1, columns: caseColumnsRead(ctx, info, info.fieldNodes) });
  return connection(rows.slice(0, limit), rows.length > limit, beforeCaseNo !== null, () => caseCount(ctx.db, query));
}

/**
 * The columns a selection of a case connection (its field nodes under one response key) reads of
 * each case: what the selected ServiceCase fields declare (../../schema/shared/reads.ts). A page of
 * Policy.cases read ahead with its policy is read with the same columns as the field would read it.
 * The reference path (no read-ahead) reads the whole row, so a field that declares too little is
 * found by the comparison of the two (test/read-paths.e2e.test.ts).
 */
export function caseColumnsRead(ctx: Pick<Context, "readAhead" | "loaders">, info: Pick<GraphQLResolveInfo, "schema" | "fragments" | "variableValues">, nodes: readonly FieldNode[]): readonly CaseListColumn[] {
  // The reference path reads whole rows: what the faster one is compared with (record 0093).
  if (!ctx.readAhead) return CASE_LIST_COLUMNS;
  const known = ctx.loaders.caseColumnsBySelection;
  let columns = known.get(nodes);
  if (!columns) {
    const connection = info.schema.getType("ServiceCaseConnection") as GraphQLObjectType;
    known.set(nodes, (columns = caseListColumns(columnsRead(connection, nodes, ["edges", "node"], info))));
  }
  return columns;
}

/** A page of cases; the total is counted only if the query asks for it. */
export function connection(
  rows: readonly CaseListRow[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  countTotal: () => Promise<number>,
): ServiceCaseConnection {
  const edges = rows.map((row) => new Edge("case", row.caseNo, presentCase(row)));
  return new Connection(edges, new PageInfo(edges, hasNextPage, hasPreviousPage), countTotal);
}
