// Writes of service cases, documents, events and the entitlement a case holds, and the row locks
// the case flows take before writing. Executor first.
import { and, asc, eq, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseDocuments, caseEvents, entitlements, policies, serviceCases } from "../schema/index.js";
import { fixedStatement } from "../driver/fixed-statement.js";
import type { EntitlementRow } from "./policies.js";
import type { LoggedCaseAction } from "../../rules/case-workflow/codes.js";
import { caseRows, entitlementRows, type CaseRow } from "./case-rows.js";

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
  | "outOfArea"
  | "advanceSharePercent"
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
  "outOfArea",
  "advanceSharePercent",
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

/**
 * Open cases of `services` at `stages` whose policy is no longer in force on `today` (not ACTIVE, or
 * past its last day), locked; cases another transaction holds are left for the next sweep.
 */
export async function lockCasesOfEndedPolicies(executor: Executor, at: readonly { service: string; stage: string }[], today: string, limit: number): Promise<{ row: CaseRow; policy: typeof policies.$inferSelect }[]> {
  if (at.length === 0) return [];
  return executor
    .select({ row: serviceCases, policy: policies })
    .from(serviceCases)
    .innerJoin(policies, eq(policies.id, serviceCases.policyId))
    .where(
      and(
        or(...at.map((a) => and(eq(serviceCases.serviceCode, a.service), eq(serviceCases.stage, a.stage)))),
        or(ne(policies.status, "ACTIVE"), lt(policies.effectiveTo, today)),
      ),
    )
    .orderBy(asc(serviceCases.id))
    .limit(limit)
    .for("update", { of: serviceCases, skipLocked: true });
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

