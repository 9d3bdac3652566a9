// The compiled executor (graphql-jit, the default) and graphql-js answer every operation alike:
// the same status and the same JSON, data and errors both. Two servers on one database, one per
// executor, are sent the same operations: reads, interfaces, fragments and directives, rule
// errors, authorisation errors, bad variables, introspection, and mutations replayed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const NOW = "2026-03-02T02:00:00.000Z";
const CASE_FIELDS = `id caseNo status benefit applicant version quotaEffect submittedAt documentsCompletedAt closedAt accompanimentHours
  service { code } place { code name } hospital { id } policy { policyNo } step { order name { zh } }
  documents { kind reference } missingDocuments sla { milestone startedOn dueOn state provisional } events { actor action fromStatus toStatus }`;

interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly token?: string | null;
}

const OPERATIONS: Operation[] = [
  {
    name: "a policy with entitlements, eligibility and cases",
    query: `query($no: String!) { policy(policyNo: $no) { id policyNo status effectiveFrom insured { name idNumberMasked phoneMasked } diagnoses { category firstDiagnosedOn }
      entitlements { benefit unlimited quotaTotal used reserved remaining service { code } eligibility { eligible eligibleFrom reasons { code date message { zh en } } warnings { code } } }
      gene: entitlement(benefit: GENE_TEST) { benefit eligibility { eligible reasons { code } } }
      cases(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${CASE_FIELDS} } } } } }`,
    variables: { no: "JIT-1" },
  },
  {
    name: "a page of policies with fragments, aliases and directives",
    query: `query($first: Int, $withCases: Boolean!, $lean: Boolean!) { policies(first: $first, filter: { policyNoPrefix: "JIT-" }) { totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ...P number: policyNo cases(first: 2) @include(if: $withCases) { totalCount edges { node { caseNo status } } } entitlements @skip(if: $lean) { benefit } } } } }
      fragment P on Policy { id __typename policyNo status }`,
    variables: { first: 2, withCases: true, lean: false },
  },
  {
    name: "objects by global id through the Node interface",
    query: `query($ids: ID!, $idc: ID!) { p: node(id: $ids) { __typename id ... on Policy { policyNo } } c: node(id: $idc) { __typename id ... on ServiceCase { caseNo status } }
      missing: node(id: "UG9saWN5Om5vbmU=") { id } }`,
  },
  {
    name: "cases across policies",
    query: `{ serviceCases(first: 3, filter: { statuses: [AWAITING_DOCUMENTS, SUBMITTED] }) { totalCount edges { node { caseNo benefit status sla { state } } } } }`,
  },
  { name: "reference data", query: `{ services { code name { zh en } benefits { code } steps { order } } calendar(from: "2026-01-29", to: "2026-02-04") { date workingDay } }` },
  { name: "network hospitals", query: `{ hospitals(first: 3, filter: { service: MDT_CONSULTATION }) { totalCount edges { node { id name { zh } country } } } }`, token: null },
  { name: "coverage", query: `{ coverage(place: "襄阳", service: GREEN_CHANNEL) { covered region { code name } } }`, token: null },
  { name: "case metrics", query: `{ caseMetrics(groupBy: [SERVICE, STATUS]) { keys { service status } cases open slaAttainment } }` },
  { name: "a page size over the limit", query: `{ policies(first: 500) { totalCount } }` },
  { name: "a cursor of another list", query: `{ policies(first: 1, after: "Y2FzZXxTQzIwMjYtMDAwMDAwMQ") { totalCount } }` },
  { name: "an anonymous caller asking for a policy", query: `{ policy(policyNo: "JIT-1") { policyNo } }`, token: null },
  { name: "a variable of the wrong type", query: `query($first: Int) { policies(first: $first) { totalCount } }`, variables: { first: "ten" } },
  { name: "a missing required variable", query: `query($no: String!) { policy(policyNo: $no) { policyNo } }`, variables: {} },
  { name: "an unknown enum value in a variable", query: `query($b: BenefitCode!) { policy(policyNo: "JIT-1") { entitlement(benefit: $b) { used } } }`, variables: { b: "MASSAGE" } },
  // A variable with a default may be sent as null, and validation lets it into a non-null
  // argument; graphql-js refuses it at the argument, graphql-jit used to pass the null on.
  {
    name: "null sent for variables with defaults used in non-null positions",
    query: `query($b: BenefitCode = FAMILY_DOCTOR, $s: CaseStatus = SUBMITTED, $skip: Boolean = false) { policy(policyNo: "JIT-1") { policyNo
      entitlement(benefit: $b) { used } cases(status: [$s]) { totalCount } diagnoses @skip(if: $skip) { category } } }`,
    variables: { b: null, s: null, skip: null },
  },
  {
    name: "null sent for a defaulted variable in a nullable position",
    query: `query($first: Int = 2) { policies(first: $first, filter: { policyNoPrefix: "JIT-" }) { edges { node { policyNo } } } }`,
    variables: { first: null },
  },
  { name: "a malformed date in a variable", query: `query($d: Date!) { calendar(from: $d, to: $d) { date } }`, variables: { d: "2026-02-30" } },
  { name: "a malformed date inline", query: `{ calendar(from: "yesterday", to: "2026-01-01") { date } }` },
  { name: "a rule refusing a mutation", query: `mutation { submitCase(input: { idempotencyKey: "jit-x", policyNo: "NO-SUCH", benefit: FAMILY_DOCTOR, applicant: INSURED }) { serviceCase { caseNo } userErrors { code field message { en } } } }` },
  { name: "a mutation replayed by its idempotency key", query: `mutation { submitCase(input: { idempotencyKey: "jit-1", policyNo: "JIT-1", benefit: SECOND_OPINION, applicant: INSURED }) { serviceCase { ${CASE_FIELDS} } userErrors { code } } }` },
  { name: "introspection", query: `{ __schema { queryType { name } types { name kind } } __type(name: "Node") { possibleTypes { name } } }` },
];

describe.each(testTargets())("the compiled executor against graphql-js on %s", (kind) => {
  let compiled: TestServer;
  let reference: TestServer;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    compiled = await startTestServer(kind, { now: NOW });
    reference = await startTestServer(kind, { now: NOW, database: compiled.database, config: { executor: "graphql-js" } });
    await policyWithDiagnosis(compiled, "JIT-1", "MALIGNANT_TUMOR", { benefits: ["GENE_TEST", "SECOND_OPINION", "GREEN_CHANNEL_OUTPATIENT"] });
    await policyWithDiagnosis(compiled, "JIT-2");
    await policyWithDiagnosis(compiled, "JIT-3");
    const post = (query: string) => compiled.post(JSON.stringify({ query }), { authorization: `Bearer ${ADMIN_KEY}` });
    const first = (await post(`mutation { submitCase(input: { idempotencyKey: "jit-1", policyNo: "JIT-1", benefit: SECOND_OPINION, applicant: INSURED }) { serviceCase { id } } }`)).json as {
      data: { submitCase: { serviceCase: { id: string } } };
    };
    await post(`mutation { submitCase(input: { idempotencyKey: "jit-2", policyNo: "JIT-1", benefit: GREEN_CHANNEL_OUTPATIENT, applicant: INSURED, place: "襄阳" }) { serviceCase { id } } }`);
    ids.idc = first.data.submitCase.serviceCase.id;
    const policy = (await post(`{ policy(policyNo: "JIT-1") { id } }`)).json as { data: { policy: { id: string } } };
    ids.ids = policy.data.policy.id;
    // two servers, and the reference executor's schema built a second time (no direct resolvers)
  }, 180_000);
  afterAll(async () => {
    await reference?.stop();
    await compiled?.stop();
  });

  it.each(OPERATIONS)("$name", async (operation) => {
    const body = JSON.stringify({ query: operation.query, variables: operation.variables ?? (operation.query.includes("$ids") ? ids : undefined) });
    const headers: Record<string, string> = operation.token === null ? {} : { authorization: `Bearer ${operation.token ?? ADMIN_KEY}` };
    const fromCompiled = await compiled.post(body, headers);
    const fromReference = await reference.post(body, headers);
    expect(fromCompiled).toEqual(fromReference);
    expect([200, 400]).toContain(fromCompiled.status);
  });

  it("answers the error cases with the codes clients act on", async () => {
    const codes = async (query: string, variables?: unknown) => {
      const { status, json } = await compiled.post(JSON.stringify({ query, variables }), { authorization: `Bearer ${ADMIN_KEY}` });
      return { status, codes: ((json as { errors?: { extensions: { code: string } }[] }).errors ?? []).map((e) => e.extensions.code) };
    };
    expect(await codes(`{ policies(first: 500) { totalCount } }`)).toEqual({ status: 200, codes: ["BAD_USER_INPUT"] });
    expect(await codes(`query($first: Int) { policies(first: $first) { totalCount } }`, { first: "ten" })).toEqual({ status: 400, codes: ["BAD_USER_INPUT"] });
    expect(await codes(`query($d: Date!) { calendar(from: $d, to: $d) { date } }`, { d: "2026-02-30" })).toEqual({ status: 400, codes: ["BAD_USER_INPUT"] });
  });
});
