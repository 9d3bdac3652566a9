// Reads and writes of service cases, documents and events. Executor first; batch reads by key.
import { and, asc, count, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseDocuments, caseEvents, entitlements, policies, serviceCases } from "../schema/index.js";
import { fixedStatement } from "../driver/fixed-statement.js";
import { rowReader } from "../driver/row-reader.js";
import type { EntitlementRow } from "./policies.js";
import type { LoggedCaseAction } from "../../rules/case-workflow/codes.js";

export type CaseRow = typeof serviceCases.$inferSelect;

/** The columns a case in a list is presented from; a list reads these and not the other twenty-odd. */
const caseListRows = rowReader(serviceCases, [
  "id",
  "caseNo",
  "policyId",
  "serviceCode",
  "benefitCode",
  "status",
  "stage",
  "step",
  "applicant",
  "plannedAdmissionDate",
  "scheduledFor",
  "accompanimentHours",
  "submittedAt",
  "documentsCompletedAt",
  "closedAt",
  "quotaEffect",
  "version",
]);
export type CaseListRow = Awaited<ReturnType<typeof caseListRows.read>>[number];
export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

// The submission's statements are fixed statements (../driver/fixed-statement.ts), rendered once
// rather than built from drizzle's parts on every call (docs/decisions/0015-submit-case-fixed-statements.md).
const caseRows = rowReader(serviceCases);
const entitlementRows = rowReader(entitlements);

const byIdempotencyKey = caseRows.statement<[string, string]>(
  (by, key) => sql`select ${caseRows.columns} from ${serviceCases} where ${serviceCases.submittedBy} = ${by} and ${serviceCases.idempotencyKey} = ${key}`,
);

export async function caseByIdempotencyKey(executor: Executor, submittedBy: string, key: string): Promise<CaseRow | null> {
  const [row] = await byIdempotencyKey(executor, submittedBy, key);
  return row ?? null;
}

const entitlementForUpdate = entitlementRows.statement<[string, string]>(
  (policyId, benefit) =>
    sql`select ${entitlementRows.columns} from ${entitlements} where ${entitlements.policyId} = ${policyId} and ${entitlements.benefitCode} = ${benefit} for update`,
);

export async function lockEntitlement(executor: Executor, policyId: string, benefitCode: string): Promise<EntitlementRow | null> {
  const [row] = await entitlementForUpdate(executor, policyId, benefitCode);
  return row ?? null;
}

const adjust = fixedStatement<never, [string, string, number, number]>(
  (policyId, benefit, reserved, used) => sql`
    update ${entitlements} set reserved = reserved + ${reserved}::int, used = used + ${used}::int
    where ${entitlements.policyId} = ${policyId} and ${entitlements.benefitCode} = ${benefit}`,
);

export async function adjustEntitlement(
  executor: Executor,
  policyId: string,
  benefitCode: string,
  change: { reserved: number; used: number },
): Promise<void> {
  await adjust(executor, policyId, benefitCode, change.reserved, change.used);
}

const earlierAdmitted = fixedStatement<{ n: number }, [string, string, string]>(
  (policyId, benefit, diagnosisId) => sql`
    select count(*)::int as n from ${serviceCases}
    where ${serviceCases.policyId} = ${policyId} and ${serviceCases.benefitCode} = ${benefit}
      and ${serviceCases.diagnosisId} = ${diagnosisId}::uuid and ${serviceCases.milestones} ? 'ADMITTED'`,
);

/** Cases of this benefit for the same illness that reached admission (an advance carried out). */
export async function countEarlierAdmittedCases(executor: Executor, policyId: string, benefitCode: string, diagnosisId: string): Promise<number> {
  const [row] = await earlierAdmitted(executor, policyId, benefitCode, diagnosisId);
  return row?.n ?? 0;
}

/** The next case number, drawn by the INSERT itself (no round trip of its own). */
function nextCaseNo(year: SQL): SQL<string> {
  return sql<string>`'SC' || ${year}::text || '-' || lpad(nextval('service_case_no_seq')::text, 7, '0')`;
}

/** What a new case is written with; the database fills in the id, the version and the rest. */
export type NewCase = Pick<
  typeof serviceCases.$inferInsert,
  | "policyId"
  | "serviceCode"
  | "benefitCode"
  | "status"
  | "stage"
  | "step"
  | "diagnosisId"
  | "careKind"
  | "hospitalName"
  | "department"
  | "applicant"
  | "partnerCode"
  | "placeQuery"
  | "placeCode"
  | "provinceCode"
  | "cityCode"
  | "hospitalId"
  | "plannedAdmissionDate"
  | "usesSocialInsuranceSettlement"
  | "quotaEffect"
  | "submittedBy"
  | "idempotencyKey"
  | "requestHash"
  | "submittedAt"
  | "documentsCompletedAt"
  | "lastEventAt"
  | "slaStartedOn"
  | "slaDueOn"
  | "slaMetOn"
  | "workingDaysToComplete"
>;

const NEW_CASE_COLUMNS = [
  "policyId",
  "serviceCode",
  "benefitCode",
  "status",
  "stage",
  "step",
  "diagnosisId",
  "careKind",
  "hospitalName",
  "department",
  "applicant",
  "partnerCode",
  "placeQuery",
  "placeCode",
  "provinceCode",
  "cityCode",
  "hospitalId",
  "plannedAdmissionDate",
  "usesSocialInsuranceSettlement",
  "quotaEffect",
  "submittedBy",
  "idempotencyKey",
  "requestHash",
  "submittedAt",
  "documentsCompletedAt",
  "lastEventAt",
  "slaStartedOn",
  "slaDueOn",
  "slaMetOn",
  "workingDaysToComplete",
] as const satisfies readonly (keyof NewCase)[];

const insertNewCase = caseRows.statement<unknown[]>(
  (year, ...values) => sql`
    insert into ${serviceCases} (${sql.identifier(serviceCases.caseNo.name)}, ${sql.join(
      NEW_CASE_COLUMNS.map((key) => sql.identifier(serviceCases[key].name)),
      sql`, `,
    )})
    values (${nextCaseNo(year!)}, ${sql.join(values, sql`, `)})
    returning ${caseRows.columns}`,
  NEW_CASE_COLUMNS.length + 1,
);

/** Inserts a case; its number is drawn by the INSERT (`SC<year>-nnnnnnn`). */
export async function insertCase(executor: Executor, year: string, values: NewCase): Promise<CaseRow> {
  const [row] = await insertNewCase(executor, year, ...NEW_CASE_COLUMNS.map((key) => values[key] ?? null));
  return row!;
}

export async function insertDocuments(executor: Executor, rows: (typeof caseDocuments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await executor.insert(caseDocuments).values(rows);
}

const EVENT_COLUMNS = ["caseId", "at", "actor", "action", "fromStatus", "toStatus", "quotaEffect", "version", "note"] as const satisfies readonly (keyof typeof caseEvents.$inferInsert)[];

const insertEventStatement = fixedStatement<never, unknown[]>(
  (...values) => sql`
    insert into ${caseEvents} (${sql.join(
      EVENT_COLUMNS.map((key) => sql.identifier(caseEvents[key].name)),
      sql`, `,
    )}) values (${sql.join(values, sql`, `)})`,
  EVENT_COLUMNS.length,
);

/** Appends to a case's event log; the action is one the log knows (the outbox trigger names its webhook event). */
export async function insertEvent(
  executor: Executor,
  values: Omit<typeof caseEvents.$inferInsert, "id" | "recordedAt" | "action"> & { readonly action: LoggedCaseAction },
): Promise<void> {
  await insertEventStatement(executor, ...EVENT_COLUMNS.map((key) => values[key] ?? null));
}

export async function lockCase(executor: Executor, id: string): Promise<CaseRow | null> {
  const [row] = await executor.select().from(serviceCases).where(eq(serviceCases.id, id)).for("update");
  return row ?? null;
}

/** Optimistic concurrency: writes only when the version is still the expected one. */
export async function updateCaseAtVersion(
  executor: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof serviceCases.$inferInsert>,
): Promise<CaseRow | null> {
  const [row] = await executor
    .update(serviceCases)
    .set({ ...values, version: sql`${serviceCases.version} + 1` })
    .where(and(eq(serviceCases.id, id), eq(serviceCases.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function setCaseMetrics(
  executor: Executor,
  id: string,
  values: { slaStartedOn: string | null; slaDueOn: string | null; slaMetOn: string | null; workingDaysToComplete: number | null },
): Promise<void> {
  await executor.update(serviceCases).set(values).where(eq(serviceCases.id, id));
}

export function documentsByCaseIds(executor: Executor, caseIds: readonly string[]): Promise<CaseDocumentRow[]> {
  return executor
    .select()
    .from(caseDocuments)
    .where(inArray(caseDocuments.caseId, [...caseIds]))
    .orderBy(asc(caseDocuments.receivedAt), asc(caseDocuments.id));
}

export function eventsByCaseIds(executor: Executor, caseIds: readonly string[]): Promise<CaseEventRow[]> {
  return executor
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.id));
}

export function casesByNo(executor: Executor, caseNos: readonly string[]): Promise<CaseRow[]> {
  return executor.select().from(serviceCases).where(inArray(serviceCases.caseNo, [...caseNos]));
}

export function casesById(executor: Executor, ids: readonly string[]): Promise<CaseRow[]> {
  return executor.select().from(serviceCases).where(inArray(serviceCases.id, [...ids]));
}

export interface CaseQuery {
  readonly services?: readonly string[] | null;
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

/** Newest first; keyset on the case number (issued in submission order). */
export function casePage(executor: Executor, query: CaseQuery & { beforeCaseNo: string | null; limit: number }): Promise<CaseListRow[]> {
  const conditions = caseConditions(query);
  if (query.beforeCaseNo) conditions.push(lt(serviceCases.caseNo, query.beforeCaseNo));
  return caseListRows.read(
    executor,
    sql`select ${caseListRows.columns} from ${serviceCases} where ${and(...conditions) ?? sql`true`} order by ${serviceCases.caseNo} desc limit ${query.limit}`,
  );
}

export async function caseCount(executor: Executor, query: CaseQuery): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(serviceCases).where(and(...caseConditions(query)));
  return row?.n ?? 0;
}

/** The first `limit` cases of each policy (newest first), in one statement: a lateral page per policy. */
const casePagesOf = caseListRows.statement<[readonly string[], readonly string[] | null, readonly string[] | null, string | null, number]>(
  (policyIds, statuses, services, beforeCaseNo, limit) => sql`
    select ${caseListRows.from("page")} from unnest(${policyIds}::uuid[]) as policy_ids(id)
    cross join lateral (
      select ${caseListRows.columns} from ${serviceCases}
      where ${serviceCases.policyId} = policy_ids.id
        and (${statuses}::text[] is null or ${serviceCases.status} = any(${statuses}::text[]))
        and (${services}::text[] is null or ${serviceCases.serviceCode} = any(${services}::text[]))
        and (${beforeCaseNo}::text is null or ${serviceCases.caseNo} < ${beforeCaseNo}::text)
      order by ${serviceCases.caseNo} desc limit ${limit}::int
    ) as page
    order by page."caseNo" desc`,
);

export function casesForPolicies(
  executor: Executor,
  policyIds: readonly string[],
  options: { statuses: readonly string[] | null; services: readonly string[] | null; limit: number; beforeCaseNo: string | null },
): Promise<CaseListRow[]> {
  return casePagesOf(executor, policyIds, options.statuses?.length ? options.statuses : null, options.services, options.beforeCaseNo, options.limit);
}

/** How many cases each policy has (with these statuses, of these services), in one statement. */
export async function caseTotalsForPolicies(
  executor: Executor,
  policyIds: readonly string[],
  statuses: readonly string[] | null,
  services: readonly string[] | null,
): Promise<Map<string, number>> {
  const conditions: SQL[] = [inArray(serviceCases.policyId, [...policyIds])];
  if (statuses?.length) conditions.push(inArray(serviceCases.status, [...statuses]));
  if (services) conditions.push(services.length ? inArray(serviceCases.serviceCode, [...services]) : sql`false`);
  const rows = await executor
    .select({ policyId: serviceCases.policyId, n: count() })
    .from(serviceCases)
    .where(and(...conditions))
    .groupBy(serviceCases.policyId);
  return new Map(rows.map((r) => [r.policyId, r.n]));
}
