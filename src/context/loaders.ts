// DataLoaders, made fresh for every request (no cache shared between callers), named thingByKey.
// Each answers in the order of its keys, with null or [] where nothing matches. Loaders of rows a
// query shows take the caller's row scope (src/rules/access/row-scope.ts), so a nested field sees
// no more than a root field would; the facts the rules decide on (a policy's diagnoses for
// eligibility) stay whole and are never shown as they are.
import DataLoader from "dataloader";
import type { Database } from "../db/client.js";
import { partnersByCodes, type PartnerRow } from "../db/queries/api-keys.js";
import { hospitalsByIds, networkCodesByServices, type HospitalRow } from "../db/queries/networks.js";
import { casesByNo, type AdmittedIllness, documentsByCaseIds, eventsByCaseIds, type CaseDocumentRow, type CaseEventRow, type CaseListRow, type CaseRow } from "../db/queries/cases-read.js";
import { caseTotalsForPolicies } from "../db/queries/case-paging.js";
import { listAnswerKey, type ListAnswer } from "../db/queries/list-answers.js";
import { clocksByCaseIds } from "../db/queries/case-clocks.js";
import type { CaseListColumn } from "../db/queries/case-rows.js";
import type { StoredClock } from "../rules/sla/case-clocks.js";
import {
  childrenOfPolicies,
  personsById,
  policiesById,
  policiesWithChildrenByNo,
  policiesWithInsuredByNo,
  type PolicyChildren,
  type PolicyChildRows,
  type PolicyWithInsuredAndChildren,
  type DiagnosisRow,
  type EntitlementRow,
  type PersonRow,
  type PolicyRow,
} from "../db/queries/policies.js";
import { benefitByCode } from "../rules/catalogue/catalogue.js";
import type { BenefitCode } from "../rules/catalogue/codes.js";
import { serviceInScope, surnameOnly, type RowScope } from "../rules/access/row-scope.js";

function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

function groupedByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** A page of Policy.cases as every policy of a page asks it, so a batch is one statement. */
export interface PolicyCasesPage {
  /** The page size and one more (whether there is a next page). */
  readonly limit: number;
  readonly beforeCaseNo: string | null;
  readonly statuses: readonly string[] | null;
  /** The columns the selection reads (`caseListColumns`). */
  readonly columns: readonly CaseListColumn[];
}

/** Policy.cases's loader key: the page, of one policy. */
export interface PolicyCasesKey extends PolicyCasesPage {
  readonly policyId: string;
}

export interface AdmittedIllnessesKey {
  readonly policyId: string;
  readonly benefit: BenefitCode;
}

const admittedIllnessesKey = (key: AdmittedIllnessesKey) => `${key.policyId} ${key.benefit}`;

/** Keys grouped by everything but the policy: each group is one statement. */
function byArguments<K extends { readonly policyId: string }>(keys: readonly K[], argumentsOf: (key: K) => unknown): K[][] {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const args = JSON.stringify(argumentsOf(key));
    const group = groups.get(args);
    if (group) group.push(key);
    else groups.set(args, [key]);
  }
  return [...groups.values()];
}

/**
 * One list of each key's policy, for keys asking with many arguments: the keys grouped by their
 * arguments (everything but the policy), one `childrenOfPolicies` statement a group.
 */
async function loadPolicyList<K extends { readonly policyId: string }, V>(
  db: Database,
  keys: readonly K[],
  argumentsOf: (key: K) => unknown,
  lists: (first: K) => Partial<PolicyChildren>,
  take: (rows: PolicyChildRows) => V,
): Promise<V[]> {
  const answers = new Map<K, V>();
  for (const group of byArguments(keys, argumentsOf)) {
    const byPolicy = await childrenOfPolicies(db, group.map((k) => k.policyId), lists(group[0]!));
    group.forEach((key, i) => answers.set(key, take(byPolicy[i]!)));
  }
  return keys.map((key) => answers.get(key)!);
}

const loadPolicyCases = (db: Database, scope: RowScope, keys: readonly PolicyCasesKey[]) =>
  loadPolicyList(
    db,
    keys,
    (k) => [k.limit, k.beforeCaseNo, k.statuses, k.columns],
    (first) => ({ casePages: [{ ...first, services: scope.services, partnerCode: scope.partnerCode }] }),
    (rows) => rows.casePages[0]!,
  );

/** A list of one policy answered as text (records 0097, 0098). */
export interface PolicyListAnswerKey {
  readonly policyId: string;
  readonly answer: ListAnswer;
}

/**
 * The loader key of a policy's answer: the policy and the answer's number in the request (each
 * distinct answer, by `listAnswerKey`, numbered as first met). Short: a key holding the answer's
 * own key (its statement's values, some hundreds of characters) was built and hashed twice for
 * each policy of a page, 12 % of the console page's node CPU.
 */
function policyListAnswerKeys(): (k: PolicyListAnswerKey) => string {
  const numbers = new Map<string, number>();
  return (k) => {
    const key = listAnswerKey(k.answer);
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return `${k.policyId} ${n}`;
  };
}

export interface PolicyCaseTotalKey {
  readonly policyId: string;
  readonly statuses: readonly string[] | null;
}

async function loadPolicyCaseTotals(db: Database, scope: RowScope, keys: readonly PolicyCaseTotalKey[]): Promise<number[]> {
  const answers = new Map<PolicyCaseTotalKey, number>();
  for (const group of byArguments(keys, (k) => k.statuses)) {
    const totals = await caseTotalsForPolicies(db, group.map((k) => k.policyId), group[0]!.statuses, scope.services, scope.partnerCode);
    for (const key of group) answers.set(key, totals.get(key.policyId) ?? 0);
  }
  return keys.map((key) => answers.get(key)!);
}

/** A person as the scope shows it: masked ID number and phone, or the surname only. */
function disclosed(scope: RowScope, row: PersonRow): PersonRow {
  return scope.persons === "MASKED" ? row : { ...row, name: surnameOnly(row.name), idNumberMasked: null, phoneMasked: null, birthDate: null };
}

export function createLoaders(db: Database, scope: RowScope) {
  const personById = new DataLoader<string, PersonRow | null>(async (ids) =>
    byKey(ids, await personsById(db, ids), (p) => p.id).map((row) => row && disclosed(scope, row)),
  );
  const diagnosesByPolicyId = new DataLoader<string, DiagnosisRow[]>(async (ids) => (await childrenOfPolicies(db, ids, { diagnoses: true })).map((c) => c.diagnoses!));
  /** Per policy and benefit, the illnesses its cases reached admission for (a benefit whose earlier uses count, check-eligibility.ts). */
  const admittedIllnesses = new DataLoader<AdmittedIllnessesKey, readonly AdmittedIllness[], string>(
    async (keys) => {
      const policyIds = [...new Set(keys.map((k) => k.policyId))];
      const answers = await childrenOfPolicies(db, policyIds, { admittedFor: [...new Set(keys.map((k) => k.benefit))] });
      const byPolicy = new Map(policyIds.map((id, i) => [id, answers[i]!.admitted!]));
      return keys.map((k) => byPolicy.get(k.policyId)!.filter((r) => r.benefitCode === k.benefit));
    },
    { cacheKeyFn: admittedIllnessesKey },
  );
  const policyByNo = new DataLoader<string, PolicyRow | null>(async (nos) => {
    const rows = await policiesWithInsuredByNo(db, nos);
    for (const { insured } of rows) personById.prime(insured.id, disclosed(scope, insured));
    return byKey(
      nos,
      rows.map((r) => r.policy),
      (p) => p.policyNo,
    );
  });
  const withChildren = new Map<string, DataLoader<string, PolicyWithInsuredAndChildren | null>>();
  const inScope = (rows: readonly EntitlementRow[]) => rows.filter((row) => serviceInScope(scope, benefitByCode(row.benefitCode as BenefitCode).service.code));
  const entitlementsByPolicyId = new DataLoader<string, EntitlementRow[]>(async (ids) => (await childrenOfPolicies(db, ids, { entitlements: true })).map((c) => inScope(c.entitlements!)));
  return {
    scope,
    networkCodesByService: new DataLoader<string, ReadonlySet<string>>(async (services) => {
      const rows = await networkCodesByServices(db, services);
      return groupedByKey(services, rows, (r) => r.serviceCode).map((group) => new Set(group.map((r) => r.regionCode)));
    }),
    hospitalById: new DataLoader<string, HospitalRow | null>(async (ids) => byKey(ids, await hospitalsByIds(db, ids), (h) => h.id)),
    policyById: new DataLoader<string, PolicyRow | null>(async (ids) => byKey(ids, await policiesById(db, ids), (p) => p.id)),
    partnerByCode: new DataLoader<string, PartnerRow | null>(async (codes) => byKey(codes, await partnersByCodes(db, codes), (p) => p.code)),
    caseByNo: new DataLoader<string, CaseRow | null>(async (nos) => byKey(nos, await casesByNo(db, nos), (c) => c.caseNo)),
    documentsByCaseId: new DataLoader<string, CaseDocumentRow[]>(async (ids) =>
      groupedByKey(ids, await documentsByCaseIds(db, ids), (d) => d.caseId),
    ),
    clocksByCaseId: new DataLoader<string, StoredClock[]>(async (ids) => {
      const byCase = await clocksByCaseIds(db, ids);
      return ids.map((id) => byCase.get(id) ?? []);
    }),
    eventsByCaseId: new DataLoader<string, CaseEventRow[]>(async (ids) => groupedByKey(ids, await eventsByCaseIds(db, ids), (e) => e.caseId)),
    casesByPolicy: new DataLoader<PolicyCasesKey, CaseListRow[], string>((keys) => loadPolicyCases(db, scope, keys), {
      cacheKeyFn: (k) => `${k.policyId} ${k.limit} ${k.beforeCaseNo ?? "-"} ${k.statuses?.join(",") ?? "-"} ${k.columns.join(",")}`,
    }),
    /** A list of a policy as its answer's text; the answer carries the caller's scope. */
    policyListAnswers: new DataLoader<PolicyListAnswerKey, string, string>(
      (keys) =>
        loadPolicyList(
          db,
          keys,
          (k) => listAnswerKey(k.answer),
          (first) => ({ answers: [first.answer] }),
          (rows) => rows.answers[0]!,
        ),
      { cacheKeyFn: policyListAnswerKeys() },
    ),
    caseTotalByPolicy: new DataLoader<PolicyCaseTotalKey, number, string>((keys) => loadPolicyCaseTotals(db, scope, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    policyByNo,
    /**
     * Policies by number read with the children an operation selects (record 0053), one loader
     * per selection; what it reads also primes `policyByNo` and `personById` as they would load.
     */
    policyWithChildrenByNo(children: PolicyChildren): DataLoader<string, PolicyWithInsuredAndChildren | null> {
      const shape = JSON.stringify(children);
      let loader = withChildren.get(shape);
      if (!loader) {
        loader = new DataLoader(async (nos) => {
          const rows = await policiesWithChildrenByNo(db, nos, children);
          for (const { policy, insured } of rows) {
            personById.prime(insured.id, disclosed(scope, insured));
            policyByNo.prime(policy.policyNo, policy);
          }
          return byKey(nos, rows, (r) => r.policy.policyNo);
        });
        withChildren.set(shape, loader);
      }
      return loader;
    },
    personById,
    /** The facts eligibility and missing documents are decided on; never shown as they are. */
    diagnosesByPolicyId,
    /** Per illness, the advances made on a policy (ADVANCE.提示.2.1: an earlier advance for the same illness). */
    admittedIllnesses,
    /** The columns each case-list selection of the operation reads (one computation per selection, not per policy). */
    caseColumnsBySelection: new WeakMap<readonly object[], readonly CaseListColumn[]>(),
    /** A policy's diagnoses as the caller may see them. */
    visibleDiagnosesByPolicyId: (policyId: string): Promise<DiagnosisRow[]> =>
      scope.diagnoses ? diagnosesByPolicyId.load(policyId) : Promise.resolve([]),
    /** The entitlements of the services in the caller's scope. */
    entitlementsByPolicyId,
    /** A policy's entitlements read with its page: the loader answers them as if it had read them. */
    primeEntitlements: (policyId: string, rows: readonly EntitlementRow[]) => void entitlementsByPolicyId.prime(policyId, inScope(rows)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
