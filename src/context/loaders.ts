// DataLoaders, made fresh for every request (no cache shared between callers), named thingByKey.
// Each answers in the order of its keys, with null or [] where nothing matches.
import DataLoader from "dataloader";
import type { Database } from "../db/client.js";
import {
  diagnosesByPolicyIds,
  entitlementsByPolicyIds,
  personsById,
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

export function createLoaders(db: Database) {
  return {
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
