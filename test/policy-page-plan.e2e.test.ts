// A policy, or a page of policies, read with its entitlements, diagnoses and case pages in one
// statement (record 0053): the same answers as each policy read field by field through node(id),
// through aliases, fragments, @skip and @include, cursors and refused arguments, on every database target.
import { asc, desc, eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { casePageRows } from "../src/db/queries/case-paging.js";
import { CASE_LIST_COLUMNS } from "../src/db/queries/case-rows.js";
import { DIAGNOSIS_ROWS, entitlementRowsAnswer, policiesByNo, rowsOfPolicy } from "../src/db/queries/policies.js";
import { diagnoses, entitlements, serviceCases } from "../src/db/schema/index.js";
import { BENEFIT_CODES } from "../src/rules/catalogue/codes.js";
import { statementsSoFar } from "../src/db/driver/statement-counter.js";
import { MAX_PLANNED_LISTS } from "../src/resolvers/policy/plan-policy-children.js";
import { toGlobalId } from "../src/schema/shared/global-id.js";
import { SubmitCaseDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const CASE = "caseNo status benefit submittedAt";
const ENTITLEMENTS = "entitlements { benefit quotaTotal used reserved remaining }";

interface Answer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; path?: (string | number)[] }[];
}

describe.each(testTargets())("a planned policy page on %s", (kind) => {
  let server: TestServer;
  const ask = async (query: string, variables: Record<string, unknown> = {}): Promise<{ answer: Answer; statements: number }> => {
    const start = statementsSoFar();
    const response = await server.post(JSON.stringify({ query, variables }), admin);
    return { answer: response.json as Answer, statements: statementsSoFar() - start };
  };
  /**
   * Each policy asked alone through node(id), which reads through the loaders and plans nothing:
   * the answers a planned read must equal. (A case page of only column fields is answered in SQL
   * on both sides, record 0097; test/read-paths.e2e.test.ts compares those with the reference path.)
   */
  const alone = async (policyNos: readonly string[], selection: string) => {
    const answers = [];
    for (const policyNo of policyNos) {
      const { answer } = await ask(`query($id: ID!) { node(id: $id) { ... on Policy { policyNo ${selection} } } }`, { id: toGlobalId("Policy", policyNo) });
      expect(answer.errors).toBeUndefined();
      answers.push((answer.data as { node: unknown }).node);
    }
    return answers;
  };
  const nodes = (answer: Answer) => (answer.data as { policies: { edges: { node: { policyNo: string } }[] } }).policies.edges.map((e) => e.node);

  beforeAll(async () => {
    server = await startTestServer(kind, { now: "2026-03-02T02:00:00.000Z" });
    for (let i = 0; i < 12; i++) {
      const no = `PLAN-${String(i).padStart(2, "0")}`;
      await policyWithDiagnosis(server, no, i % 4 === 0 ? "MALIGNANT_TUMOR" : undefined, i % 4 === 0 ? { benefits: ["GENE_TEST", "SECOND_OPINION", "FAMILY_DOCTOR"] } : undefined);
      for (const [n, benefit] of (["FAMILY_DOCTOR", "SECOND_OPINION", "FAMILY_DOCTOR"] as const).slice(0, i % 4).entries()) {
        const submitted = await server.request(
          SubmitCaseDocument,
          { input: { idempotencyKey: `plan-${kind}-${i}-${n}`, policyNo: no, benefit, applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
          { token: ADMIN_KEY },
        );
        expect(submitted.data?.submitCase.userErrors).toEqual([]);
      }
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reads the console page (entitlements and five cases a policy) in one statement, with each policy's own answers", async () => {
    const selection = `status ${ENTITLEMENTS} cases(first: 5) { edges { node { ${CASE} } } }`;
    const { answer, statements } = await ask(`query($prefix: String!) { policies(first: 10, filter: { policyNoPrefix: $prefix }) { edges { node { policyNo ${selection} } } } }`, { prefix: "PLAN-" });
    expect(answer.errors).toBeUndefined();
    expect(statements).toBe(1);
    const page = nodes(answer);
    expect(page.map((p) => p.policyNo)).toEqual(Array.from({ length: 10 }, (_, i) => `PLAN-${String(i).padStart(2, "0")}`));
    expect(page).toEqual(await alone(page.map((p) => p.policyNo), selection));
    // The data is really there: cases newest first, up to three on a policy, and entitlements.
    const third = page[3] as unknown as { cases: { edges: { node: { caseNo: string } }[] }; entitlements: unknown[] };
    expect(third.cases.edges).toHaveLength(3);
    expect(third.cases.edges.map((e) => e.node.caseNo)).toEqual(third.cases.edges.map((e) => e.node.caseNo).sort().reverse());
    expect(third.entitlements.length).toBeGreaterThan(0);
  });

  it("gives each alias of cases its own page, through named and inline fragments", async () => {
    const selection = `recent: cases(first: 1) { edges { node { caseNo } } } mine: cases(first: 5, status: [SUBMITTED]) { edges { node { caseNo status } } } one: entitlement(benefit: FAMILY_DOCTOR) { used reserved }`;
    const query = `query($prefix: String!) { policies(first: 12, filter: { policyNoPrefix: $prefix }) { edges { node { policyNo ...Parts } } } }
      fragment Parts on Policy { ... on Policy { recent: cases(first: 1) { edges { node { caseNo } } } } mine: cases(first: 5, status: [SUBMITTED]) { edges { node { caseNo status } } } one: entitlement(benefit: FAMILY_DOCTOR) { used reserved } }`;
    const { answer, statements } = await ask(query, { prefix: "PLAN-" });
    expect(answer.errors).toBeUndefined();
    expect(statements).toBe(1);
    const page = nodes(answer);
    expect(page).toEqual(await alone(page.map((p) => p.policyNo), selection));
    const cases = page.map((p) => (p as unknown as { recent: { edges: unknown[] } }).recent.edges.length);
    expect(cases).toEqual(page.map((_, i) => Math.min(1, i % 4)));
  });

  it("reads at most a few case pages with the page, and the rest through their loaders, with the same answers", async () => {
    // Two pages more than the read-ahead takes.
    const aliases = Array.from({ length: MAX_PLANNED_LISTS + 2 }, (_, i) => `c${i + 1}: cases(first: ${i + 1}) { edges { node { caseNo } } }`).join(" ");
    const { answer, statements } = await ask(`{ policies(first: 6, filter: { policyNoPrefix: "PLAN-" }) { edges { node { policyNo ${aliases} } } } }`);
    expect(answer.errors).toBeUndefined();
    // One statement for the page and the first MAX_PLANNED_LISTS pages, one per further page.
    expect(statements).toBe(1 + 2);
    const page = nodes(answer);
    expect(page).toEqual(await alone(page.map((p) => p.policyNo), aliases));
  });

  it("reads nothing for a selection @skip or @include leaves out, and still answers what stays", async () => {
    const query = `query($skip: Boolean!, $include: Boolean!) { policies(first: 4, filter: { policyNoPrefix: "PLAN-" }) { edges { node { policyNo cases(first: 2) @skip(if: $skip) { edges { node { caseNo } } } ${ENTITLEMENTS.replace("entitlements", "entitlements @include(if: $include)")} } } } }`;
    const none = await ask(query, { skip: true, include: false });
    expect(none.answer.errors).toBeUndefined();
    expect(nodes(none.answer)[1]).toEqual({ policyNo: "PLAN-01" });
    const both = await ask(query, { skip: false, include: true });
    expect(both.statements).toBe(1);
    expect(nodes(both.answer)).toEqual(await alone(["PLAN-00", "PLAN-01", "PLAN-02", "PLAN-03"], `cases(first: 2) { edges { node { caseNo } } } ${ENTITLEMENTS}`));
  });

  it("reports arguments a field refuses at the field, not the page", async () => {
    const { answer } = await ask(`{ policies(first: 2, filter: { policyNoPrefix: "PLAN-" }) { edges { node { policyNo cases(first: 500) { edges { node { caseNo } } } } } } }`);
    // cases is non-null down to the page: the first refusal nulls the whole answer, as it did before the page was planned.
    expect(answer.errors?.map((e) => [e.message, e.path])).toEqual([["first must be between 0 and 100", ["policies", "edges", 0, "node", "cases"]]]);
    expect(answer.data).toBeNull();
  });

  it("reads one policy with its insured, diagnoses, eligibility and cases in one statement, with the same answers", async () => {
    const selection = `status insured { name idNumberMasked } diagnoses { category firstDiagnosedOn }
      entitlements { benefit used reserved eligibility { eligible eligibleFrom reasons { code } } }
      cases(first: 2) { edges { node { ${CASE} } } }`;
    for (const no of ["PLAN-00", "PLAN-03"]) {
      const { answer, statements } = await ask(`query($no: String!) { policy(policyNo: $no) { policyNo ${selection} } }`, { no });
      expect(answer.errors).toBeUndefined();
      expect(statements).toBe(1);
      expect([(answer.data as { policy: unknown }).policy]).toEqual(await alone([no], selection));
    }
    // Eligibility alone still reads the diagnoses it is decided on, in the same statement.
    const eligibility = await ask(`{ policy(policyNo: "PLAN-00") { entitlement(benefit: GENE_TEST) { eligibility { eligible reasons { code } } } } }`);
    expect(eligibility.statements).toBe(1);
    expect(eligibility.answer.data).toEqual({ policy: { entitlement: { eligibility: { eligible: true, reasons: [] } } } });
    // An advance reserved: eligibility also counts the advances made for the illness (ADVANCE.提示.2), read in the same statement.
    await policyWithDiagnosis(server, "PLAN-ADV");
    const advance = await server.request(
      SubmitCaseDocument,
      {
        input: {
          idempotencyKey: `plan-${kind}-advance`,
          policyNo: "PLAN-ADV",
          benefit: "INPATIENT_ADVANCE_PAYMENT",
          applicant: "INSURED",
          place: "武汉",
          plannedAdmissionDate: "2026-03-20",
          usesSocialInsuranceSettlement: true,
          documents: ["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"].map((kind) => ({ kind: kind as "OUTPATIENT_RECORD", reference: "r" })),
        },
      },
      { token: ADMIN_KEY },
    );
    expect(advance.data?.submitCase.userErrors).toEqual([]);
    const advanceSelection = `entitlements { benefit used reserved eligibility { eligible reasons { code } warnings { code } } }`;
    const withAdvance = await ask(`{ policy(policyNo: "PLAN-ADV") { policyNo ${advanceSelection} } }`);
    expect(withAdvance.statements).toBe(1);
    expect([(withAdvance.answer.data as { policy: unknown }).policy]).toEqual(await alone(["PLAN-ADV"], advanceSelection));
    const unknown = await ask(`{ policy(policyNo: "PLAN-99") { entitlements { benefit } } }`);
    expect(unknown.answer).toEqual({ data: { policy: null } });
  });

  it("reads policies asked by several aliases in one statement", async () => {
    const selection = `${ENTITLEMENTS} cases(first: 3) { edges { node { caseNo } } }`;
    const { answer, statements } = await ask(`{ a: policy(policyNo: "PLAN-01") { policyNo ${selection} } b: policy(policyNo: "PLAN-02") { policyNo ${selection} } }`);
    expect(answer.errors).toBeUndefined();
    expect(statements).toBe(1);
    const data = answer.data as { a: unknown; b: unknown };
    expect([data.a, data.b]).toEqual(await alone(["PLAN-01", "PLAN-02"], selection));
  });

  it("reads exactly the policies a prefix names, with _ and % as themselves, and counts the same", async () => {
    const page = async (prefix: string) => {
      const { answer } = await ask(`query($prefix: String!) { policies(first: 100, filter: { policyNoPrefix: $prefix }) { totalCount edges { node { policyNo } } } }`, { prefix });
      expect(answer.errors).toBeUndefined();
      const policies = (answer.data as { policies: { totalCount: number; edges: { node: { policyNo: string } }[] } }).policies;
      expect(policies.totalCount).toBe(policies.edges.length);
      return policies.edges.map((e) => e.node.policyNo);
    };
    expect(await page("PLAN-1")).toEqual(["PLAN-10", "PLAN-11"]);
    expect(await page("PLAN-0")).toHaveLength(10);
    expect(await page("PLAN-11")).toEqual(["PLAN-11"]);
    expect(await page("PLAN_")).toEqual([]);
    expect(await page("PLAN%")).toEqual([]);
    expect(await page("PLAN-12")).toEqual([]);
  });

  it("leaves arguments and directives it cannot read to their fields, answering as a field-by-field read does", async () => {
    // Null for a variable with a default passes validation and is refused at the argument or directive.
    const paths = (answer: Answer) => (answer.errors ?? []).map((e) => [e.message, e.path?.slice(1), (e as { extensions?: { code?: string } }).extensions?.code]);
    for (const [definitions, selection, variables] of [
      ["$b: BenefitCode = FAMILY_DOCTOR", `policyNo entitlement(benefit: $b) { used } ${ENTITLEMENTS}`, { b: null }],
      ["$s: CaseStatus = SUBMITTED", `policyNo cases(status: [$s]) { totalCount } ${ENTITLEMENTS}`, { s: null }],
      ["$skip: Boolean = false", `policyNo diagnoses @skip(if: $skip) { category } ${ENTITLEMENTS}`, { skip: null }],
    ] as const) {
      const planned = await ask(`query(${definitions}) { policy(policyNo: "PLAN-03") { ${selection} } }`, variables);
      const fieldByField = await ask(`query(${definitions}, $id: ID!) { node(id: $id) { ... on Policy { ${selection} } } }`, { ...variables, id: toGlobalId("Policy", "PLAN-03") });
      expect(planned.answer.errors?.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(planned.answer.errors?.[0]?.message).toMatch(/must not be null|has invalid value/);
      expect(paths(planned.answer)).toEqual(paths(fieldByField.answer));
      expect((planned.answer.data as { policy: unknown }).policy).toEqual((fieldByField.answer.data as { node: unknown }).node);
      // What can be read is still read ahead, in one statement.
      expect(planned.statements).toBe(1);
    }
  });

  it("pages on with the page's cursor and the cases' cursor as the fields read them", async () => {
    const first = await ask(`{ policies(first: 4, filter: { policyNoPrefix: "PLAN-" }) { pageInfo { endCursor } edges { node { policyNo cases(first: 1) { pageInfo { endCursor } } } } } }`);
    const data = first.answer.data as { policies: { pageInfo: { endCursor: string }; edges: { node: { cases: { pageInfo: { endCursor: string | null } } } }[] } };
    const after = data.policies.edges[3]!.node.cases.pageInfo.endCursor!;
    const selection = `cases(first: 5, after: "${after}") { edges { node { caseNo } } }`;
    const next = await ask(`{ policies(first: 4, after: "${data.policies.pageInfo.endCursor}", filter: { policyNoPrefix: "PLAN-" }) { edges { node { policyNo ${selection} } } } }`);
    expect(next.answer.errors).toBeUndefined();
    expect(nodes(next.answer).map((p) => p.policyNo)).toEqual(["PLAN-04", "PLAN-05", "PLAN-06", "PLAN-07"]);
    expect(nodes(next.answer)).toEqual(await alone(["PLAN-04", "PLAN-05", "PLAN-06", "PLAN-07"], selection));
    // The cursor of policy 3's newest case, asked of each: the older cases of policy 3 only.
    const third = await alone(["PLAN-03"], selection);
    expect((third[0] as { cases: { edges: unknown[] } }).cases.edges).toHaveLength(2);
  });

  it("reads each list of a policy as rows equal to the table's own rows, as the query builder maps them (record 0103)", async () => {
    const { db } = server.database;
    const caseColumns = getTableColumns(serviceCases);
    const listColumns = Object.fromEntries(CASE_LIST_COLUMNS.map((column) => [column, caseColumns[column]]));
    const page = casePageRows({ statuses: null, services: null, partnerCode: null, beforeCaseNo: null, limit: 10, columns: CASE_LIST_COLUMNS });
    let seen = { diagnoses: 0, cases: 0 };
    for (const policy of await policiesByNo(db, Array.from({ length: 12 }, (_, i) => `PLAN-${String(i).padStart(2, "0")}`))) {
      const [diagnosisRows, entitlementRows, caseRows] = await rowsOfPolicy(db, policy.id, [DIAGNOSIS_ROWS, entitlementRowsAnswer(BENEFIT_CODES), page] as const);
      expect(diagnosisRows).toEqual(await db.select().from(diagnoses).where(eq(diagnoses.policyId, policy.id)).orderBy(asc(diagnoses.firstDiagnosedOn), asc(diagnoses.recordedAt)));
      const byBenefit = (rows: { benefitCode: string }[]) => [...rows].sort((x, y) => x.benefitCode.localeCompare(y.benefitCode));
      expect(byBenefit(entitlementRows)).toEqual(byBenefit(await db.select().from(entitlements).where(eq(entitlements.policyId, policy.id))));
      expect(caseRows).toEqual(await db.select(listColumns).from(serviceCases).where(eq(serviceCases.policyId, policy.id)).orderBy(desc(serviceCases.caseNo)).limit(10));
      seen = { diagnoses: seen.diagnoses + diagnosisRows.length, cases: seen.cases + caseRows.length };
      expect(caseRows.every((row) => row.submittedAt instanceof Date)).toBe(true);
    }
    // The rows compared are there: the fixtures' diagnoses and cases.
    expect(seen.diagnoses).toBeGreaterThan(0);
    expect(seen.cases).toBe(18);
  });
});
