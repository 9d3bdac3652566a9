// Answers built in PostgreSQL (record 0097): which selections are rewritten to a field's twin, that
// the twins never show in the public schema or its introspection, and that an answered page reads
// as the same JSON as the page resolved field by field, through aliases and variables, on every
// database target. test/read-paths.e2e.test.ts compares every declaring field alone with the
// reference path, which never answers in SQL.
import { Kind, parse, print, stripIgnoredCharacters, visit } from "graphql";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonText } from "../src/db/driver/json-text.js";
import { queryRows } from "../src/db/driver/rows.js";
import { answeredSelection, answersInSql, stringifyWithAnswers } from "../src/graph/answers-in-sql.js";
import type { AnsweredSelection } from "../src/resolvers/policy/plan-policy-children.js";
import { encodeCursor } from "../src/resolvers/shared/pagination.js";
import { getSchema } from "../src/graph/build-schema.js";
import { BENEFIT_CODES } from "../src/rules/catalogue/codes.js";
import { RecordDiagnosisDocument, SubmitCaseDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

/** A selection answered in SQL as the test reads it: `key:column` for each field, `key:{"args":…,"fields":[…]}` for each list inside. */
const entries = (selection: AnsweredSelection): string[] => [
  ...selection.fields.map((field) => `${field.key}:${field.column}`),
  ...selection.lists.map(({ key, args, selection: inner }) => `${key}:${JSON.stringify({ args, fields: entries(inner) })}`),
];
/** The rewritten document's text, each twin with what it answers written as a `fields` argument; null when nothing was rewritten. */
const rewritten = async (query: string) => {
  const { rewrite } = answersInSql(await getSchema());
  const document = parse(query);
  const result = rewrite(document);
  if (result === document) return null;
  const shown = visit(result, {
    Field(node) {
      const selection = answeredSelection(node);
      if (!selection) return undefined;
      const list = { kind: Kind.LIST, values: entries(selection).map((value) => ({ kind: Kind.STRING, value })) };
      return { ...node, arguments: [...(node.arguments ?? []), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: list }] };
    },
  });
  return stripIgnoredCharacters(print(shown));
};
const page = (node: string, extra = "") => `{ policy(policyNo: "P") { cases(first: 5) { ${extra} edges { node { ${node} } } } } }`;

describe("which selections are answered in SQL", () => {
  it("rewrites a page of fields presented from their columns, under the field's response key, with the keys and fields asked", async () => {
    expect(await rewritten(page("caseNo s: status benefit submittedAt"))).toContain(
      'cases:answerInSql_cases(first:5 fields:["caseNo:caseNo" "s:status" "benefit:benefitCode" "submittedAt:submittedAt"])',
    );
    expect(await rewritten(`{ policies(first: 2) { edges { node { mine: cases(status: [OPEN]) { edges { node { caseNo } } } } } } }`)).toContain(
      'mine:answerInSql_cases(status:[OPEN]fields:["caseNo:caseNo"])',
    );
  });

  it.each([
    ["a computed field (the global id)", page("id caseNo")],
    ["a field converted from its column", page("accompanimentHours")],
    ["a field with a resolver", page("caseNo partner { code }")],
    ["__typename", page("__typename caseNo")],
    ["the page's cursor", page("caseNo", "pageInfo { hasNextPage }")],
    ["a total", page("caseNo", "totalCount")],
    ["a fragment", `{ policy(policyNo: "P") { cases { edges { node { ...F } } } } } fragment F on ServiceCase { caseNo }`],
    ["@include", `query($x: Boolean!) { policy(policyNo: "P") { cases { edges { node { caseNo @include(if: $x) } } } } }`],
    ["the same key asked twice (the executor merges them and takes the first)", `{ policy(policyNo: "P") { cases { edges { node { caseNo } } } cases { edges { node { status } } } } }`],
    ["the same key in a fragment beside it", `{ policy(policyNo: "P") { cases { edges { node { caseNo } } } ...F } } fragment F on Policy { cases { totalCount } }`],
    ["the same key in two selections of the policy", `{ a: policy(policyNo: "P") { cases { edges { node { caseNo } } } } a: policy(policyNo: "P") { cases { edges { node { caseNo } } } } }`],
    ["introspection beside it", `{ __schema { queryType { name } } policy(policyNo: "P") { cases { edges { node { caseNo } } } } }`],
  ])("leaves a selection with %s to be resolved as usual", async (_what, query) => {
    expect(await rewritten(query)).toBeNull();
  });

  it("rewrites a policy's entitlements of fields presented from their columns (a plain list: its items are the nodes), with the list's arguments", async () => {
    expect(await rewritten(`{ policy(policyNo: "P") { entitlements { benefit q: quotaTotal used reserved } } }`)).toContain(
      'entitlements:answerInSql_entitlements(fields:["benefit:benefitCode" "q:quotaTotal" "used:used" "reserved:reserved"])',
    );
    expect(await rewritten(`{ policy(policyNo: "P") { entitlements(asOf: "2026-01-01") { used } } }`)).toContain('entitlements:answerInSql_entitlements(asOf:"2026-01-01" fields:["used:used"])');
  });

  it.each([
    ["a computed field (remaining)", "benefit remaining"],
    ["a field with a resolver below it (eligibility)", "benefit eligibility { eligible }"],
    ["an object field (service)", "benefit service { code }"],
    ["__typename", "__typename benefit"],
  ])("leaves entitlements with %s to be resolved as usual", async (_what, node) => {
    expect(await rewritten(`{ policy(policyNo: "P") { entitlements { ${node} } } }`)).toBeNull();
  });

  it("rewrites a page of policies' edges with their own fields and the lists answered inside each (record 0098)", async () => {
    const query = `{ policies(first: 2) { totalCount edges { node { policyNo s: status entitlements { benefit used } cases(first: 5) { edges { node { caseNo } } } } } } }`;
    const text = await rewritten(query);
    expect(text).toContain("totalCount edges:answerInSql_edges(fields:");
    expect(text).toContain('"policyNo:policyNo" "s:status" "entitlements:{\\"args\\":{},\\"fields\\":[\\"benefit:benefitCode\\",\\"used:used\\"]}" "cases:{\\"args\\":{\\"first\\":5},\\"fields\\":[\\"caseNo:caseNo\\"]}"');
  });

  it.each([
    ["the edge's cursor", "cursor node { policyNo }"],
    ["a computed field (the global id)", "node { id policyNo }"],
    ["an object field (the insured)", "node { policyNo insured { name } }"],
    ["a list with a field it cannot answer", "node { policyNo entitlements { remaining } }"],
    ["a list with a variable argument", "node { policyNo cases(first: $n) { edges { node { caseNo } } } }"],
    ["a list with an argument it refuses", "node { policyNo cases(first: 101) { edges { node { caseNo } } } }"],
    ["a list's key asked twice", "node { policyNo cases { edges { node { caseNo } } } cases { edges { node { status } } } }"],
    ["more lists inside a node than are answered so (4)", `node { policyNo ${[1, 2, 3, 4, 5].map((n) => `c${n}: cases(first: ${n}) { edges { node { caseNo } } }`).join(" ")} }`],
  ])("leaves a page's edges with %s to be resolved as usual", async (_what, edges) => {
    const text = await rewritten(`query($n: Int) { policies(first: 2) { edges { ${edges} } } }`);
    expect(text ?? "").not.toContain("answerInSql_edges");
  });

  it("still answers a list inside edges it does not answer, on its own", async () => {
    expect(await rewritten(`{ policies(first: 2) { edges { cursor node { cases { edges { node { caseNo } } } } } } }`)).toContain("cases:answerInSql_cases(");
  });

  it("answers a field asked twice under one key once, where it first appears", async () => {
    expect(await rewritten(page("caseNo status caseNo"))).toContain('fields:["caseNo:caseNo" "status:status"]');
  });

  it("places only the texts the operation answered, never a client's lookalike string", () => {
    const data = { note: "\u0001answer:0000000000000000:0" };
    expect(stringifyWithAnswers({ data })).toBe(`${JSON.stringify({ data })}\n`);
  });
});

describe.each(testTargets())("answers built in SQL on %s", (kind) => {
  let server: TestServer;
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await server.post(JSON.stringify({ query, variables }), { authorization: `Bearer ${ADMIN_KEY}` });
    return response.json as { data?: unknown; errors?: unknown[] };
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { now: "2026-03-02T02:00:00.000Z" });
    await policyWithDiagnosis(server, "SQL-1");
    // pages of more than one policy, in policy-number order
    await policyWithDiagnosis(server, "SQL-0");
    await policyWithDiagnosis(server, "SQL-2");
    for (const n of [0, 1, 2]) {
      const submitted = await server.request(
        SubmitCaseDocument,
        { input: { idempotencyKey: `sql-${kind}-${n}`, policyNo: "SQL-1", benefit: "FAMILY_DOCTOR", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
        { token: ADMIN_KEY },
      );
      expect(submitted.data?.submitCase.userErrors).toEqual([]);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers a page as the same JSON as the page resolved field by field", async () => {
    const node = "no: caseNo status benefit applicant submittedAt documentsCompletedAt closedAt plannedAdmissionDate scheduledFor quotaEffect version";
    const query = (typename: string) => `query($n: Int) { policy(policyNo: "SQL-1") { policyNo first: cases(first: $n) { edges { node { ${typename} ${node} } } } all: cases { edges { node { ${typename} ${node} } } } } }`;
    const answered = await ask(query(""), { n: 2 });
    // __typename keeps the same selection off the SQL answer: resolved field by field, then compared without it.
    const resolved = JSON.parse(JSON.stringify(await ask(query("__typename"), { n: 2 }), (key, value: unknown) => (key === "__typename" ? undefined : value)));
    expect(answered.errors).toBeUndefined();
    expect(answered).toEqual(resolved);
    const first = (answered.data as { policy: { first: { edges: { node: { no: string; submittedAt: string } }[] } } }).policy.first.edges;
    expect(first).toHaveLength(2);
    expect(first[0]!.node.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("answers a policy's entitlements as the same JSON as the list resolved field by field, in the catalogue's order", async () => {
    const node = "benefit total: quotaTotal used reserved";
    const queries = [
      (typename: string) => `{ policy(policyNo: "SQL-1") { entitlements { ${typename} ${node} } } }`,
      (typename: string) => `{ policies(first: 2) { edges { node { entitlements(asOf: "2026-01-01") { ${typename} used } } } } }`,
    ];
    for (const query of queries) {
      expect(await rewritten(query(""))).not.toBeNull();
      const answered = await ask(query(""));
      const resolved = JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value)));
      expect(answered.errors).toBeUndefined();
      expect(answered).toEqual(resolved);
    }
    const listed = ((await ask(queries[0]!(""))).data as { policy: { entitlements: { benefit: string }[] } }).policy.entitlements;
    expect(listed.map((e) => e.benefit)).toEqual(BENEFIT_CODES.filter((code) => listed.some((e) => e.benefit === code)));
    expect(listed.length).toBeGreaterThan(1);
  });

  it("answers a page of policies with their lists as the same JSON as the page resolved field by field", async () => {
    const node = "policyNo status effectiveFrom effectiveTo waitingPeriodEndsOn hasSocialInsurance entitlements { benefit quotaTotal used reserved } recent: cases(first: 2) { edges { node { caseNo submittedAt status } } }";
    const query = (typename: string) => `{ policies(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${typename} ${node} } } } }`;
    expect(await rewritten(query(""))).toContain("answerInSql_edges");
    const answered = await ask(query(""));
    const resolved = JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value)));
    expect(answered.errors).toBeUndefined();
    expect(answered).toEqual(resolved);
    const edges = (answered.data as { policies: { edges: { node: { policyNo: string; recent: { edges: unknown[] } } }[] } }).policies.edges;
    expect(edges.map((e) => e.node.policyNo)).toEqual(["SQL-0", "SQL-1", "SQL-2"]);
    expect(edges.find((e) => e.node.policyNo === "SQL-1")!.node.recent.edges).toHaveLength(2);
  });

  it("writes a node's fields and lists in the order its selection asks them, as the page resolved field by field", async () => {
    // A response's keys come in the order of the selection (the spec's CollectFields): a list asked
    // before the policy's own fields comes before them in the answer's text too.
    const node = "recent: cases(first: 1) { edges { node { caseNo } } } policyNo entitlements { used } status";
    const query = (typename: string) => `{ policies(first: 2) { edges { node { ${typename} ${node} } } } }`;
    expect(await rewritten(query(""))).toContain("answerInSql_edges");
    const answered = await ask(query(""));
    const resolved = JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value)));
    expect(JSON.stringify(answered)).toBe(JSON.stringify(resolved));
    expect(Object.keys((answered.data as { policies: { edges: { node: object }[] } }).policies.edges[0]!.node)).toEqual(["recent", "policyNo", "entitlements", "status"]);
  });

  it("answers a page whose edges are asked twice, once in SQL and once field by field, as the page resolved field by field", async () => {
    // The answered edges read only the policies' keys; the other edges need the whole rows.
    const query = (typename: string) =>
      `{ policies(first: 3) { pageInfo { endCursor } edges { node { ${typename} policyNo entitlements { used } } } full: edges { cursor node { id policyNo status effectiveTo } } } }`;
    expect(await rewritten(query(""))).toContain("answerInSql_edges");
    const answered = await ask(query(""));
    expect(answered.errors).toBeUndefined();
    expect(answered).toEqual(JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value))));
    const full = (answered.data as { policies: { full: { node: { status: string; effectiveTo: string } }[] } }).policies.full;
    expect(full.map((e) => [e.node.status, e.node.effectiveTo].every((v) => typeof v === "string"))).toEqual([true, true, true]);
  });

  it.each([
    ["an empty page", "first: 0"],
    ["a page past the last policy", `first: 2, after: "${encodeCursor("policy", "SQL-2")}"`],
    ["a page from a cursor", `first: 1, after: "${encodeCursor("policy", "SQL-0")}"`],
  ])("answers %s as the page resolved field by field", async (_what, args) => {
    const query = (typename: string) => `{ policies(${args}) { pageInfo { hasNextPage } edges { node { ${typename} policyNo entitlements { used } } } } }`;
    expect(await rewritten(query(""))).toContain("answerInSql_edges");
    const answered = await ask(query(""));
    expect(answered.errors).toBeUndefined();
    expect(answered).toEqual(JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value))));
  });

  it("writes a text the JSON must escape (quotes, backslashes, control characters) as the field-by-field answer does", async () => {
    // A number the API refuses (only letters, digits and hyphens), written to the row directly: the
    // answer's JSON is text PostgreSQL joins (record 0099), and this is the value it must escape.
    const odd = 'SQL-3 "quoted" back\\slash\nline\ttab\u0001 保单';
    await policyWithDiagnosis(server, "SQL-3");
    await queryRows(server.database.db, sql`update policy set policy_no = ${odd} where policy_no = 'SQL-3'`);
    const query = (typename: string) => `{ policies(first: 1, after: "${encodeCursor("policy", "SQL-2")}") { edges { node { ${typename} policyNo status } } } }`;
    expect(await rewritten(query(""))).toContain("answerInSql_edges");
    const answered = await ask(query(""));
    expect(answered.errors).toBeUndefined();
    expect(answered).toEqual(JSON.parse(JSON.stringify(await ask(query("__typename")), (key, value: unknown) => (key === "__typename" ? undefined : value))));
    expect((answered.data as { policies: { edges: { node: { policyNo: string } }[] } }).policies.edges.map((e) => e.node.policyNo)).toEqual([odd]);
  });

  it("writes an enum's names quoted and anything else in an enum column escaped (the database's checks keep such values out; the writer does not count on them)", async () => {
    // Enum values are written without escaping only when they are one of the enum's names (record 0099).
    const written = async (value: string) =>
      (await queryRows<{ j: string }>(server.database.db, sql`select ${jsonText(sql`${value}::text`, "enum", ["ACTIVE", "LAPSED"])} as j`))[0]!.j;
    expect(await written("LAPSED")).toBe('"LAPSED"');
    const odd = 'ACTIVE" \\ x\n';
    expect(JSON.parse(await written(odd))).toBe(odd);
    expect(() => jsonText(sql`1`, "enum", ['A"'])).toThrow();
  });

  it("reads back a description a person typed with quotes, a backslash, a new line and a tab, read with its policy as joined JSON text", async () => {
    // The object-by-object path reads a policy's diagnoses with it as JSON text too (record 0099).
    const description = '右肺 "结节" 复查\\随访\n第二行\t制表';
    const recorded = await server.request(RecordDiagnosisDocument, { input: { policyNo: "SQL-2", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-12-02", description } }, { token: ADMIN_KEY });
    expect(recorded.data?.recordDiagnosis.userErrors).toEqual([]);
    const read = await ask(`{ policy(policyNo: "SQL-2") { diagnoses { description } entitlements { benefit eligibility { eligible } } } }`);
    expect(read.errors).toBeUndefined();
    expect((read.data as { policy: { diagnoses: { description: string | null }[] } }).policy.diagnoses.map((d) => d.description)).toContain(description);
  });

  it("keeps the twins out of the public schema's introspection", async () => {
    const answer = await ask(`{ __type(name: "Policy") { fields { name } } __schema { types { name } } }`);
    const text = JSON.stringify(answer);
    expect(text).toContain('"cases"');
    expect(text).not.toContain("answerInSql");
    expect(text).not.toContain("RawAnswer");
  });

  it("refuses the arguments the field refuses, at the field", async () => {
    const answer = (await ask(`{ policy(policyNo: "SQL-1") { cases(first: 101) { edges { node { caseNo } } } } }`)) as { errors?: { message: string; path: unknown[] }[] };
    expect(answer.errors?.map((e) => [e.message, e.path])).toEqual([["first must be between 0 and 100", ["policy", "cases"]]]);
  });
});
