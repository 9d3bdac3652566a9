// DataLoaders, made fresh for every request (no cache shared between callers), named thingByKey.
// Each answers in the order of its keys, with null or [] where nothing matches.
import DataLoader from "dataloader";
import type { Database } from "../db/client.js";
import { hospitalsByIds, networkCodesByServices, type HospitalRow } from "../db/queries/networks.js";
import {
  casesByNo,
  casesForPolicies,
  documentsByCaseIds,
  eventsByCaseIds,
  type CaseDocumentRow,
  type CaseEventRow,
  type CaseRow,
} from "../db/queries/cases.js";
import {
  diagnosesByPolicyIds,
  entitlementsByPolicyIds,
  personsById,
  policiesById,
  policiesByNo,
  type DiagnosisRow,
  type EntitlementRow,
  type PersonRow,
  type PolicyRow,
} from "../db/queries/policies.js";

function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

function groupedByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Policy.cases arguments: every policy on a page asks with the same ones, so a batch is one statement. */
export interface PolicyCasesKey {
  readonly policyId: string;
  readonly limit: number;
  readonly beforeCaseNo: string | null;
  readonly statuses: readonly string[] | null;
}

export interface PolicyCases {
  readonly rows: CaseRow[];
  readonly total: number;
}

async function loadPolicyCases(db: Database, keys: readonly PolicyCasesKey[]): Promise<PolicyCases[]> {
  const groups = new Map<string, PolicyCasesKey[]>();
  for (const key of keys) {
    const args = JSON.stringify([key.limit, key.beforeCaseNo, key.statuses]);
    groups.set(args, [...(groups.get(args) ?? []), key]);
  }
  const answers = new Map<PolicyCasesKey, PolicyCases>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const { rows, totals } = await casesForPolicies(
      db,
      group.map((k) => k.policyId),
      { limit: first.limit, beforeCaseNo: first.beforeCaseNo, statuses: first.statuses },
    );
    for (const key of group) {
      answers.set(key, { rows: rows.filter((r) => r.policyId === key.policyId), total: totals.get(key.policyId) ?? 0 });
    }
  }
  return keys.map((key) => answers.get(key)!);
}

export function createLoaders(db: Database) {
  return {
    networkCodesByService: new DataLoader<string, ReadonlySet<string>>(async (services) => {
      const rows = await networkCodesByServices(db, services);
      return groupedByKey(services, rows, (r) => r.serviceCode).map((group) => new Set(group.map((r) => r.regionCode)));
    }),
    hospitalById: new DataLoader<string, HospitalRow | null>(async (ids) => byKey(ids, await hospitalsByIds(db, ids), (h) => h.id)),
    policyById: new DataLoader<string, PolicyRow | null>(async (ids) => byKey(ids, await policiesById(db, ids), (p) => p.id)),
    caseByNo: new DataLoader<string, CaseRow | null>(async (nos) => byKey(nos, await casesByNo(db, nos), (c) => c.caseNo)),
    documentsByCaseId: new DataLoader<string, CaseDocumentRow[]>(async (ids) =>
      groupedByKey(ids, await documentsByCaseIds(db, ids), (d) => d.caseId),
    ),
    eventsByCaseId: new DataLoader<string, CaseEventRow[]>(async (ids) => groupedByKey(ids, await eventsByCaseIds(db, ids), (e) => e.caseId)),
    casesByPolicy: new DataLoader<PolicyCasesKey, PolicyCases, string>((keys) => loadPolicyCases(db, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    policyByNo: new DataLoader<string, PolicyRow | null>(async (nos) => byKey(nos, await policiesByNo(db, nos), (p) => p.policyNo)),
    personById: new DataLoader<string, PersonRow | null>(async (ids) => byKey(ids, await personsById(db, ids), (p) => p.id)),
    diagnosesByPolicyId: new DataLoader<string, DiagnosisRow[]>(async (ids) =>
      groupedByKey(ids, await diagnosesByPolicyIds(db, ids), (d) => d.policyId),
    ),
    entitlementsByPolicyId: new DataLoader<string, EntitlementRow[]>(async (ids) =>
      groupedByKey(ids, await entitlementsByPolicyIds(db, ids), (e) => e.policyId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
