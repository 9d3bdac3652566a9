// DataLoaders, fresh for every request (no cache shared between callers) and each made when first
// used (record 0100), named thingByKey.
// Each answers in the order of its keys, with null or [] where nothing matches. Loaders of rows a
// query shows take the caller's row scope (src/rules/access/row-scope.ts), so a nested field sees
// no more than a root field would; the facts the rules decide on (a policy's diagnoses for
// eligibility) stay whole and are never shown as they are.
import DataLoader from "dataloader";
import type { Database } from "../db/client.js";
import { partnersByCodes, type PartnerRow } from "../db/queries/api-keys.js";
import { hospitalsByIds, networkCodesByServices, type HospitalRow } from "../db/queries/networks.js";
import {
  admittedIllnessesRows,
  casesByNo,
  type AdmittedIllness,
  documentsByCaseIds,
  eventsByCaseIds,
  type CaseDocumentRow,
  type CaseEventRow,
  type CaseListRow,
  type CaseRow,
} from "../db/queries/cases-read.js";
import { casePageRows, caseTotalsForPolicies } from "../db/queries/case-paging.js";
import { listAnswerKey, type ListAnswer, type RowsAnswer } from "../db/queries/list-answers.js";
import { clocksByCaseIds } from "../db/queries/case-clocks.js";
import type { CaseListColumn } from "../db/queries/case-rows.js";
import type { StoredClock } from "../rules/sla/case-clocks.js";
import {
  childrenOfPolicies,
  DIAGNOSIS_ROWS,
  entitlementRowsAnswer,
  personsById,
  policiesById,
  policiesWithChildrenByNo,
  policiesWithInsuredByNo,
  type PolicyChildren,
  type PolicyWithInsuredAndChildren,
  type DiagnosisRow,
  type EntitlementRow,
  type PersonRow,
  type PolicyRow,
} from "../db/queries/policies.js";
import { benefitByCode } from "../rules/catalogue/catalogue.js";
import { BENEFIT_CODES, type BenefitCode } from "../rules/catalogue/codes.js";
import { countsEarlierAdvances } from "../rules/eligibility/check-eligibility.js";
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

const casePageKey = (page: PolicyCasesPage) => `${page.limit} ${page.beforeCaseNo ?? "-"} ${page.statuses?.join(",") ?? "-"} ${page.columns.join(",")}`;

/** Policy.cases's loader key: the page, of one policy. */
export interface PolicyCasesKey extends PolicyCasesPage {
  readonly policyId: string;
}

/**
 * The illnesses earlier advances were made for, of each benefit whose earlier uses eligibility
 * counts (check-eligibility.ts; ADVANCE.提示.2.1: an earlier advance for the same illness).
 */
export const ADVANCES_ADMITTED = admittedIllnessesRows(BENEFIT_CODES.filter(countsEarlierAdvances));

/** Keys grouped by everything but the policy (`argumentsOf`, as text): each group is one statement. */
function byArguments<K extends { readonly policyId: string }>(keys: readonly K[], argumentsOf: (key: K) => string): K[][] {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const args = argumentsOf(key);
    const group = groups.get(args);
    if (group) group.push(key);
    else groups.set(args, [key]);
  }
  return [...groups.values()];
}

/** The texts of lists of policies, for keys asking for many lists: the keys grouped by list, one `childrenOfPolicies` statement a group. */
async function loadPolicyLists(db: Database, keys: readonly PolicyListAnswerKey[]): Promise<string[]> {
  const answers = new Map<PolicyListAnswerKey, string>();
  for (const group of byArguments(keys, (k) => listAnswerKey(k.answer))) {
    const byPolicy = await childrenOfPolicies(db, group.map((k) => k.policyId), [group[0]!.answer]);
    group.forEach((key, i) => answers.set(key, byPolicy[i]![0]!));
  }
  return keys.map((key) => answers.get(key)!);
}

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
  for (const group of byArguments(keys, (k) => JSON.stringify(k.statuses))) {
    const totals = await caseTotalsForPolicies(db, group.map((k) => k.policyId), group[0]!.statuses, scope.services, scope.partnerCode);
    for (const key of group) answers.set(key, totals.get(key.policyId) ?? 0);
  }
  return keys.map((key) => answers.get(key)!);
}

/** A person as the scope shows it: masked ID number and phone, or the surname only. */
function disclosed(scope: RowScope, row: PersonRow): PersonRow {
  return scope.persons === "MASKED" ? row : { ...row, name: surnameOnly(row.name), idNumberMasked: null, phoneMasked: null, birthDate: null };
}

type CasesByPolicy = DataLoader<PolicyCasesKey, CaseListRow[], string>;
type PolicyWithChildren = DataLoader<string, PolicyWithInsuredAndChildren | null>;

/** Per scope, the benefits of its services in the catalogue's order, and its entitlements' rows answer (made once a scope). */
const byScope = new WeakMap<RowScope, { readonly benefits: readonly BenefitCode[]; readonly entitlementRows: RowsAnswer<EntitlementRow> }>();

/**
 * A request's loaders, each made when it is first used: a request reads through a few of them (a
 * policy screen through two or three), and each is an object, a cache and a batch function.
 */
export class Loaders {
  #personById?: DataLoader<string, PersonRow | null>;
  #diagnosesByPolicyId?: DataLoader<string, DiagnosisRow[]>;
  #admittedAdvancesByPolicyId?: DataLoader<string, AdmittedIllness[]>;
  #policyByNo?: DataLoader<string, PolicyRow | null>;
  #withChildren?: Map<string, PolicyWithChildren>;
  #entitlementsByPolicyId?: DataLoader<string, EntitlementRow[]>;
  #networkCodesByService?: DataLoader<string, ReadonlySet<string>>;
  #hospitalById?: DataLoader<string, HospitalRow | null>;
  #policyById?: DataLoader<string, PolicyRow | null>;
  #partnerByCode?: DataLoader<string, PartnerRow | null>;
  #caseByNo?: DataLoader<string, CaseRow | null>;
  #documentsByCaseId?: DataLoader<string, CaseDocumentRow[]>;
  #clocksByCaseId?: DataLoader<string, StoredClock[]>;
  #eventsByCaseId?: DataLoader<string, CaseEventRow[]>;
  #casesByPolicy?: CasesByPolicy;
  #policyListAnswers?: DataLoader<PolicyListAnswerKey, string, string>;
  #caseTotalByPolicy?: DataLoader<PolicyCaseTotalKey, number, string>;
  #caseColumnsBySelection?: WeakMap<readonly object[], readonly CaseListColumn[]>;
  #casePageRows?: Map<string, RowsAnswer<CaseListRow>>;

  constructor(
    private readonly db: Database,
    readonly scope: RowScope,
  ) {}

  get personById(): DataLoader<string, PersonRow | null> {
    return (this.#personById ??= new DataLoader(async (ids) =>
      byKey(ids, await personsById(this.db, ids), (p) => p.id).map((row) => row && disclosed(this.scope, row)),
    ));
  }

  /**
   * A list of a policy as rows: its answer's text (primed when read with the policy, else one
   * statement a batch through `policyListAnswers`) parsed once a key.
   */
  #rowsLoader<K, Row>(policyIdOf: (key: K) => string, answerOf: (key: K) => RowsAnswer<Row>, cacheKeyFn?: (key: K) => string): DataLoader<K, Row[], string> {
    return new DataLoader<K, Row[], string>(
      (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const answer = answerOf(key);
            return answer.rows(await this.policyListAnswers.load({ policyId: policyIdOf(key), answer }));
          }),
        ),
      cacheKeyFn && { cacheKeyFn },
    );
  }

  /** The facts eligibility and missing documents are decided on; never shown as they are. */
  get diagnosesByPolicyId(): DataLoader<string, DiagnosisRow[]> {
    return (this.#diagnosesByPolicyId ??= this.#rowsLoader((id: string) => id, () => DIAGNOSIS_ROWS));
  }

  /** A policy's diagnoses read again after a write: the text and the rows forgotten. */
  forgetDiagnoses(policyId: string): void {
    this.policyListAnswers.clear({ policyId, answer: DIAGNOSIS_ROWS });
    this.diagnosesByPolicyId.clear(policyId);
  }

  /** Per policy, the illnesses its cases reached admission for, of the benefits whose earlier uses eligibility counts (`ADVANCES_ADMITTED`). */
  get admittedAdvancesByPolicyId(): DataLoader<string, AdmittedIllness[]> {
    return (this.#admittedAdvancesByPolicyId ??= this.#rowsLoader((id: string) => id, () => ADVANCES_ADMITTED));
  }

  get policyByNo(): DataLoader<string, PolicyRow | null> {
    return (this.#policyByNo ??= new DataLoader(async (nos) => {
      const rows = await policiesWithInsuredByNo(this.db, nos);
      for (const { insured } of rows) this.personById.prime(insured.id, disclosed(this.scope, insured));
      return byKey(
        nos,
        rows.map((r) => r.policy),
        (p) => p.policyNo,
      );
    }));
  }

  /**
   * Policies by number read with the children an operation selects (record 0053), one loader
   * per selection; what it reads also primes `policyByNo` and `personById` as they would load.
   */
  policyWithChildrenByNo(children: PolicyChildren): PolicyWithChildren {
    const shape = children.map(listAnswerKey).join("\n");
    const loaders = (this.#withChildren ??= new Map());
    let loader = loaders.get(shape);
    if (!loader) {
      loader = new DataLoader<string, PolicyWithInsuredAndChildren | null>(async (nos) => {
        const rows = await policiesWithChildrenByNo(this.db, nos, children);
        for (const { policy, insured } of rows) {
          this.personById.prime(insured.id, disclosed(this.scope, insured));
          this.policyByNo.prime(policy.policyNo, policy);
        }
        return byKey(nos, rows, (r) => r.policy.policyNo);
      });
      loaders.set(shape, loader);
    }
    return loader;
  }

  #ofScope() {
    let known = byScope.get(this.scope);
    if (!known) {
      const benefits = BENEFIT_CODES.filter((code) => serviceInScope(this.scope, benefitByCode(code).service.code));
      byScope.set(this.scope, (known = { benefits, entitlementRows: entitlementRowsAnswer(benefits) }));
    }
    return known;
  }

  /** The benefits of the services in the caller's scope, in the catalogue's order. */
  get benefitsInScope(): readonly BenefitCode[] {
    return this.#ofScope().benefits;
  }

  /** A policy's entitlements of the benefits in the caller's scope, as rows. */
  get entitlementRows(): RowsAnswer<EntitlementRow> {
    return this.#ofScope().entitlementRows;
  }

  /** The entitlements of the services in the caller's scope. */
  get entitlementsByPolicyId(): DataLoader<string, EntitlementRow[]> {
    return (this.#entitlementsByPolicyId ??= this.#rowsLoader((id: string) => id, () => this.entitlementRows));
  }

  /** A page of a policy's cases in the caller's scope, as rows: one answer a distinct page, for every policy that asks it. */
  casePageRows(page: PolicyCasesPage): RowsAnswer<CaseListRow> {
    const key = casePageKey(page);
    let answer = (this.#casePageRows ??= new Map()).get(key);
    if (!answer) this.#casePageRows.set(key, (answer = casePageRows({ ...page, services: this.scope.services, partnerCode: this.scope.partnerCode })));
    return answer;
  }

  /** A policy's diagnoses as the caller may see them. */
  visibleDiagnosesByPolicyId(policyId: string): Promise<DiagnosisRow[]> {
    return this.scope.diagnoses ? this.diagnosesByPolicyId.load(policyId) : Promise.resolve([]);
  }

  get networkCodesByService(): DataLoader<string, ReadonlySet<string>> {
    return (this.#networkCodesByService ??= new DataLoader(async (services) => {
      const rows = await networkCodesByServices(this.db, services);
      return groupedByKey(services, rows, (r) => r.serviceCode).map((group) => new Set(group.map((r) => r.regionCode)));
    }));
  }

  get hospitalById(): DataLoader<string, HospitalRow | null> {
    return (this.#hospitalById ??= new DataLoader(async (ids) => byKey(ids, await hospitalsByIds(this.db, ids), (h) => h.id)));
  }

  get policyById(): DataLoader<string, PolicyRow | null> {
    return (this.#policyById ??= new DataLoader(async (ids) => byKey(ids, await policiesById(this.db, ids), (p) => p.id)));
  }

  get partnerByCode(): DataLoader<string, PartnerRow | null> {
    return (this.#partnerByCode ??= new DataLoader(async (codes) => byKey(codes, await partnersByCodes(this.db, codes), (p) => p.code)));
  }

  get caseByNo(): DataLoader<string, CaseRow | null> {
    return (this.#caseByNo ??= new DataLoader(async (nos) => byKey(nos, await casesByNo(this.db, nos), (c) => c.caseNo)));
  }

  get documentsByCaseId(): DataLoader<string, CaseDocumentRow[]> {
    return (this.#documentsByCaseId ??= new DataLoader(async (ids) => groupedByKey(ids, await documentsByCaseIds(this.db, ids), (d) => d.caseId)));
  }

  get clocksByCaseId(): DataLoader<string, StoredClock[]> {
    return (this.#clocksByCaseId ??= new DataLoader(async (ids) => {
      const byCase = await clocksByCaseIds(this.db, ids);
      return ids.map((id) => byCase.get(id) ?? []);
    }));
  }

  get eventsByCaseId(): DataLoader<string, CaseEventRow[]> {
    return (this.#eventsByCaseId ??= new DataLoader(async (ids) => groupedByKey(ids, await eventsByCaseIds(this.db, ids), (e) => e.caseId)));
  }

  get casesByPolicy(): CasesByPolicy {
    return (this.#casesByPolicy ??= this.#rowsLoader(
      (k) => k.policyId,
      ({ policyId: _, ...page }) => this.casePageRows(page),
      (k) => `${k.policyId} ${casePageKey(k)}`,
    ));
  }

  /** A list of a policy as its answer's text; the answer carries the caller's scope. Every list of a policy is read through it. */
  get policyListAnswers(): DataLoader<PolicyListAnswerKey, string, string> {
    return (this.#policyListAnswers ??= new DataLoader((keys) => loadPolicyLists(this.db, keys), { cacheKeyFn: policyListAnswerKeys() }));
  }

  get caseTotalByPolicy(): DataLoader<PolicyCaseTotalKey, number, string> {
    return (this.#caseTotalByPolicy ??= new DataLoader((keys) => loadPolicyCaseTotals(this.db, this.scope, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }));
  }

  /** The columns each case-list selection of the operation reads (one computation per selection, not per policy). */
  get caseColumnsBySelection(): WeakMap<readonly object[], readonly CaseListColumn[]> {
    return (this.#caseColumnsBySelection ??= new WeakMap());
  }
}

