// serviceCases(first, after, filter): newest first, keyset on the case number, scoped to the caller.
import { shanghaiMidnight } from "../../context/clock.js";
import type { Context } from "../../context/context.js";
import { caseCount, casePage } from "../../db/queries/case-paging.js";
import type { CaseListRow } from "../../db/queries/case-rows.js";
import { casePartnerScope, caseServiceScope } from "../../rules/access/case-scope.js";
import { policyListScope } from "../../rules/access/policy-scope.js";
import { addDays } from "../../rules/shared/dates.js";
import type { CaseFilter } from "../../schema/case/case.inputs.js";
import type { ServiceCaseConnection } from "../../schema/case/service-case.type.js";
import { decodeCursor, Edge, PageInfo, pageSize, withLazyTotal } from "../shared/pagination.js";
import { presentCase } from "./present-case.js";

export async function listCases(ctx: Context, first: number | null | undefined, after: string | null | undefined, filter: CaseFilter | null | undefined): Promise<ServiceCaseConnection> {
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
  const rows = await casePage(ctx.db, { ...query, beforeCaseNo, limit: limit + 1 });
  return connection(rows.slice(0, limit), rows.length > limit, beforeCaseNo !== null, () => caseCount(ctx.db, query));
}

/** A page of cases; the total is counted only if the query asks for it. */
export function connection(
  rows: readonly CaseListRow[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  countTotal: () => Promise<number>,
): ServiceCaseConnection {
  const edges = rows.map((row) => new Edge("case", row.caseNo, presentCase(row)));
  return withLazyTotal({ edges, pageInfo: new PageInfo(edges, hasNextPage, hasPreviousPage) }, countTotal);
}
