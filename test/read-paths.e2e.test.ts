// The fast read path answers exactly as the reference path. Two servers over the same seeded data:
// the fast one (graphql-jit, read-ahead, direct field resolvers, the driver's fixed statements)
// and the reference (GRAPHQL_EXECUTOR=graphql-js: type-graphql's resolvers as written, each field
// through its loader; DATABASE_FAST_PATH=off: plain drizzle). For every role, every published
// document and a set of selections generated from the schema (every query field, every object
// field to a bounded depth, small pages, the arguments that shape a read: case pages by status
// and cursor, filters, dates, refused page sizes; and each field that declares the columns it
// reads asked alone, so lists read only those) must get the same status and the same JSON, data
// and errors both.
import { readFileSync } from "node:fs";
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  parse,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../src/db/client.js";
import { answersInSql } from "../src/graph/answers-in-sql.js";
import { getSchema } from "../src/graph/build-schema.js";
import { encodeCursor } from "../src/resolvers/shared/pagination.js";
import { toGlobalId } from "../src/schema/shared/global-id.js";
import { CreatePartnerDocument, IssueApiKeyDocument, RegisterWebhookDocument, SubmitCaseDocument, TransitionCaseDocument, type IssueApiKeyInput, type Role } from "./generated/graphql.js";
import { openTestDatabase, testTargets } from "./support/databases.js";
import { idNumber, policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const NOW = "2026-03-02T02:00:00.000Z";
/** Object levels below a root field; connections' edges and node are not counted. */
const DEPTH = 3;
const CALLERS = ["ANONYMOUS", "ADMIN", "OPERATOR", "INSURED", "PARTNER", "ANALYST"] as const;
type Caller = (typeof CALLERS)[number];
/** A walk sends some twenty large queries to each server: minutes on a loaded machine. */
const WALK_TIMEOUT_MS = 300_000;
const GUARDS = {
  maxDepth: 60,
  maxAliases: 100_000,
  maxTokens: 10_000_000,
  maxCost: 1_000_000_000,
  introspection: "authenticated" as const,
  maxDocumentChars: 50_000_000,
  maxSelectionFields: 1_000_000,
  maxFields: 100_000_000,
};

/** The seeded rows the arguments name. */
interface Rows {
  readonly policyNos: readonly string[];
  readonly caseNos: readonly string[];
  readonly caseIds: readonly string[];
}

/**
 * The argument lists a field is asked with, each under an alias, where the arguments shape the read;
 * "" asks without arguments. Arguments a field refuses are asked alone (REFUSED): a refused field
 * nulls its parent, and graphql-js leaves out the errors of siblings that fail after that, where
 * graphql-jit reports them all. Fields not listed: one call, with `first: 2` where there is a `first`
 * and required arguments filled from `literalOf`.
 */
function variants(owner: string, field: string, rows: Rows, top: boolean): string[] | null {
  const [firstPolicy, secondPolicy] = rows.policyNos;
  const [, secondCase] = rows.caseNos;
  switch (`${owner}.${field}`) {
    case "Policy.cases":
      return top
        ? ["first: 1", "first: 2, status: [SUBMITTED, AWAITING_DOCUMENTS]", "status: [REJECTED]", `first: 1, after: "${encodeCursor("case", secondCase!)}"`]
        : ["first: 2"];
    case "Policy.entitlements":
      return top ? ["", 'asOf: "2025-08-01"'] : [""];
    case "Policy.entitlement":
      return top ? ["benefit: GENE_TEST", "benefit: FAMILY_DOCTOR", 'benefit: SECOND_OPINION, asOf: "2025-08-01"'] : ["benefit: GENE_TEST"];
    case "Query.policies":
      return ["first: 2", 'first: 3, filter: { policyNoPrefix: "DIFF-" }', `first: 2, after: "${encodeCursor("policy", firstPolicy!)}"`, "first: 2, filter: { status: [ACTIVE] }", "first: 0"];
    case "Query.policy":
      return [...rows.policyNos, "NONE-1"].map((no) => `policyNo: "${no}"`);
    case "Query.serviceCases":
      return [
        "first: 2",
        "first: 3, filter: { statuses: [SUBMITTED, REJECTED] }",
        `filter: { policyNo: "${secondPolicy}" }`,
        "first: 2, filter: { services: [GENE_TEST] }",
        'first: 2, filter: { submittedFrom: "2026-03-01", submittedTo: "2026-03-02" }',
        `first: 1, after: "${encodeCursor("case", secondCase!)}"`,
      ];
    case "Query.serviceCase":
      return [...rows.caseNos, "SC1999-0000001"].map((no) => `caseNo: "${no}"`);
    case "Query.node":
      return [...rows.caseNos.map((no) => toGlobalId("ServiceCase", no)), ...rows.policyNos.map((no) => toGlobalId("Policy", no)), toGlobalId("Policy", "NONE-1")].map((id) => `id: "${id}"`);
    case "Query.hospitals":
      return ["first: 2", "first: 2, filter: { service: MDT }", 'first: 2, filter: { search: "东京" }'];
    case "Query.caseMetrics":
      return ["groupBy: [SERVICE, STATUS]", "groupBy: [BENEFIT], filter: { services: [GENE_TEST] }"];
    case "Query.calendar":
      return ['from: "2026-01-29", to: "2026-02-04"'];
    case "Query.coverage":
      return ['place: "襄阳", service: GREEN_CHANNEL', 'place: "nowhere", service: GREEN_CHANNEL'];
    case "Query.webhookDeliveries":
      return ["first: 2", "first: 2, filter: { statuses: [PENDING] }"];
    default:
      return null;
  }
}

function literalOf(type: GraphQLInputType, name: string): string {
  if (type instanceof GraphQLNonNull) return literalOf(type.ofType, name);
  if (type instanceof GraphQLList) return `[${literalOf(type.ofType, name)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLInputObjectType) throw new Error(`no literal for input ${type.name}`);
  switch (type.name) {
    case "Date":
      return '"2026-03-02"';
    case "Int":
      return "2";
    case "Boolean":
      return "true";
    default:
      return '"x"';
  }
}

const isConnectionPart = (name: string) => /(Connection|Edge)$/.test(name) || name === "PageInfo";

/**
 * The fields of a type to the depth; a connection and its edges do not count as levels. A name two
 * implementations of an interface share is asked for under the type's alias (its types may differ).
 */
function selection(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, level: number, rows: Rows, shared: ReadonlySet<string> = new Set(), narrow?: Narrow): string {
  if (type instanceof GraphQLInterfaceType) {
    const possible = schema.getPossibleTypes(type);
    const names = possible.flatMap((t) => Object.keys(t.getFields()));
    const twice = new Set(names.filter((n, i) => names.indexOf(n) !== i && n !== "id"));
    return `__typename ${possible.map((t) => `... on ${t.name} { ${selection(schema, t, level, rows, twice, narrow)} }`).join(" ")}`;
  }
  if (narrow?.type === type.name) return `__typename ${narrow.field}`;
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    const sub = fieldSelection(schema, type.name, field, level, rows, shared.has(field.name) ? `${type.name}_` : "", narrow);
    if (sub) parts.push(sub);
  }
  return parts.join(" ");
}

/**
 * A walk in which one type is asked for one field alone: a field that declares the columns it reads
 * (src/schema/shared/reads.ts) makes a list read only those, which the full walk (every field, so
 * whole rows) never does.
 */
interface Narrow {
  readonly type: string;
  readonly field: string;
}

/** Every field of every type that declares the columns it reads. */
function narrowings(schema: GraphQLSchema): Narrow[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith("__"))
    .flatMap((type) => Object.values(type.getFields()).filter((field) => field.extensions.reads !== undefined).map((field) => ({ type: type.name, field: field.name })));
}

function fieldSelection(schema: GraphQLSchema, owner: string, field: GraphQLField<unknown, unknown>, level: number, rows: Rows, prefix = "", narrow?: Narrow): string | null {
  const named = getNamedType(field.type);
  const composite = named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType;
  const next = composite && !isConnectionPart(named.name) ? level + 1 : level;
  if (composite && next > DEPTH) return null;
  const body = composite ? `{ ${selection(schema, named, next, rows, new Set(), narrow)} }` : "";
  let calls = variants(owner, field.name, rows, level <= 1);
  if (!calls) {
    const args = field.args.filter((a) => a.type instanceof GraphQLNonNull).map((a) => `${a.name}: ${literalOf(a.type, a.name)}`);
    if (field.args.some((a) => a.name === "first")) args.push("first: 2");
    calls = [args.join(", ")];
  }
  return calls.map((args, i) => `${prefix}${field.name}_${i}: ${field.name}${args ? `(${args})` : ""} ${body}`).join(" ");
}

/** Queries with an argument the field refuses, one each. */
function refused(rows: Rows): string[] {
  const [policyNo] = rows.policyNos;
  const policyCursor = encodeCursor("policy", policyNo!);
  const caseCursor = encodeCursor("case", rows.caseNos[0]!);
  return [
    `{ policy(policyNo: "${policyNo}") { policyNo cases(first: 101) { totalCount } } }`,
    `{ policy(policyNo: "${policyNo}") { policyNo cases(after: "${policyCursor}") { edges { node { caseNo } } } } }`,
    `{ policy(policyNo: "${policyNo}") { policyNo entitlements { benefit } cases(first: -1) { edges { node { caseNo } } } } }`,
    `{ policies(first: 500) { totalCount } }`,
    `{ policies(first: 2, after: "${caseCursor}") { edges { node { policyNo } } } }`,
    `{ policies(first: 3) { edges { node { policyNo cases(first: 101) { totalCount } entitlements { benefit } } } } }`,
    `{ policies(first: 3) { edges { node { policyNo cases(after: "${policyCursor}") { totalCount } } } } }`,
    `{ serviceCases(first: 101) { totalCount } }`,
    `{ serviceCases(first: 2, after: "${policyCursor}") { edges { node { caseNo } } } }`,
    `{ node(id: "${toGlobalId("Policy", policyNo!)}") { ... on Policy { policyNo cases(first: 101) { totalCount } } } }`,
  ];
}

interface Published {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>[];
}

/** Each published document, with the variables it is run with (mutations: inputs refused before any write). */
function publishedDocuments(rows: Rows): Published[] {
  const documents = JSON.parse(readFileSync(new URL("../clients/sdk/persisted-documents.json", import.meta.url), "utf8")) as Record<string, string>;
  return Object.values(documents).map((query) => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const name = operation.name!.value;
    const byName: Record<string, Record<string, unknown>[]> = {
      CaseMetricsReport: [{ groupBy: ["SERVICE", "STATUS"] }, { groupBy: ["BENEFIT", "SLA_STATE"], filter: { services: ["GENE_TEST", "SECOND_OPINION"] } }],
      Entitlements: [...rows.policyNos.map((policyNo) => ({ policyNo })), { policyNo: rows.policyNos[0], asOf: "2025-08-01" }, { policyNo: "NONE-1" }],
      Catalogue: [{}],
      Coverage: [{ place: "襄阳", service: "GREEN_CHANNEL" }, { place: "白沙", service: "GREEN_CHANNEL" }],
      PartnerCase: [...rows.caseNos, "SC1999-0000001"].map((caseNo) => ({ caseNo })),
      PartnerSubmitCase: [{ input: { idempotencyKey: "diff-refused", policyNo: "NONE-1", benefit: "GENE_TEST", applicant: "INSURED", dryRun: true } }],
      PartnerAddDocuments: [{ input: { caseId: rows.caseIds[0], documents: [{ kind: "PATHOLOGY_REPORT", reference: "r-2" }], expectedVersion: 999 } }],
      PartnerTransition: [{ input: { caseId: rows.caseIds[0], action: "APPROVE", expectedVersion: 999 } }],
    };
    const variables = byName[name];
    if (!variables) throw new Error(`no variables written for the published document ${name}`);
    return { name, query, variables };
  });
}

/**
 * A response with its errors in path order: the order of errors is not part of an answer (the
 * reference executor meets a refused argument in a different order from one that read ahead).
 */
function inErrorOrder(response: { status: number; json: unknown }): { status: number; json: unknown } {
  const json = response.json as { errors?: { path?: unknown; message: string }[] };
  if (!json?.errors) return response;
  const key = (error: { path?: unknown; message: string }) => `${JSON.stringify(error.path ?? [])} ${error.message}`;
  return { ...response, json: { ...json, errors: [...json.errors].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) } };
}

/** Where two JSON values differ, as "path: fast ≠ reference"; an object's keys must also come in the same order (a response's follow its selection). */
function differences(fast: unknown, reference: unknown, path: string): string[] {
  if (typeof fast === "object" && fast !== null && typeof reference === "object" && reference !== null && Array.isArray(fast) === Array.isArray(reference)) {
    const a = fast as Record<string, unknown>;
    const b = reference as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const order = Object.keys(a).join() === Object.keys(b).join() ? [] : [`${path}: keys in the order ${Object.keys(a).join()} ≠ ${Object.keys(b).join()}`];
    return [...order, ...keys.flatMap((key) => (key in a && key in b ? differences(a[key], b[key], `${path}.${key}`) : [`${path}.${key}: ${key in a ? "only on the fast path" : "only on the reference path"}`]))];
  }
  return Object.is(fast, reference) ? [] : [`${path}: ${JSON.stringify(fast)?.slice(0, 300)} ≠ ${JSON.stringify(reference)?.slice(0, 300)}`];
}

describe.each(testTargets())("the fast read path against the reference path on %s", (kind) => {
  let schema: GraphQLSchema;
  let fastDatabase: DatabaseHandle & { pooledUrl?: string };
  let referenceDatabase: DatabaseHandle;
  let fast: TestServer;
  let reference: TestServer;
  const keys: Partial<Record<Caller, string>> = { ADMIN: ADMIN_KEY };
  const rows = { policyNos: [] as string[], caseNos: [] as string[], caseIds: [] as string[] };

  beforeAll(async () => {
    schema = await getSchema();
    fastDatabase = await openTestDatabase(kind, { fastPath: true });
    fast = await startTestServer(kind, { now: NOW, database: fastDatabase, config: { guards: GUARDS } });
    const admin = { token: ADMIN_KEY };
    const people = [
      { name: "王第一", idNumber: idNumber("19800101", "411"), phone: "13800138011" },
      { name: "赵第二", idNumber: idNumber("19810202", "412"), phone: "13800138012" },
      { name: "钱第三", idNumber: idNumber("19820303", "413") },
    ];
    for (const [i, insured] of people.entries()) {
      const policyNo = `DIFF-${i + 1}`;
      await policyWithDiagnosis(fast, policyNo, i === 2 ? "CRITICAL_ILLNESS" : "MALIGNANT_TUMOR", {
        insured,
        benefits: i === 2 ? undefined : ["GENE_TEST", "SECOND_OPINION", "FAMILY_DOCTOR", "GREEN_CHANNEL_OUTPATIENT"],
      });
      rows.policyNos.push(policyNo);
    }
    await fast.request(CreatePartnerDocument, { input: { code: "TPA-GENE", name: "TPA-GENE", services: ["GENE_TEST"] } }, admin);
    const hook = await fast.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-GENE", url: "http://127.0.0.1:4179/hook", events: ["CASE_SUBMITTED"] } }, admin);
    expect(hook.data?.registerWebhook.userErrors).toEqual([]);
    const roles: [Role, Partial<IssueApiKeyInput>][] = [["OPERATOR", {}], ["ANALYST", {}], ["PARTNER", { partnerCode: "TPA-GENE" }], ["INSURED", { policyNos: ["DIFF-1", "DIFF-3"] }]];
    for (const [role, extra] of roles) {
      const issued = await fast.request(IssueApiKeyDocument, { input: { label: `diff ${role}`, role, ...extra } }, admin);
      keys[role as Caller] = issued.data!.issueApiKey.apiKey!;
    }
    const submissions = [
      ["DIFF-1", "GENE_TEST", true],
      ["DIFF-1", "SECOND_OPINION", true],
      ["DIFF-1", "FAMILY_DOCTOR", false],
      ["DIFF-2", "GENE_TEST", true],
      ["DIFF-2", "SECOND_OPINION", false],
      ["DIFF-2", "GREEN_CHANNEL_OUTPATIENT", true],
    ] as const;
    for (const [n, [policyNo, benefit, withDocuments]] of submissions.entries()) {
      const submitted = await fast.request(
        SubmitCaseDocument,
        {
          input: {
            idempotencyKey: `diff-${n}`,
            policyNo,
            benefit,
            applicant: "INSURED",
            ...(benefit === "GREEN_CHANNEL_OUTPATIENT" ? { place: "襄阳" } : benefit === "GENE_TEST" ? { place: "上海" } : {}),
            ...(withDocuments ? { documents: [{ kind: "PATHOLOGY_REPORT", reference: "r-1" }] } : {}),
          },
        },
        benefit === "GENE_TEST" ? { token: keys.PARTNER! } : admin,
      );
      expect(submitted.data?.submitCase.userErrors).toEqual([]);
      rows.caseNos.push(submitted.data!.submitCase.serviceCase!.caseNo);
      rows.caseIds.push(submitted.data!.submitCase.serviceCase!.id);
    }
    const rejected = await fast.request(TransitionCaseDocument, { input: { caseId: rows.caseIds[1]!, action: "REJECT", expectedVersion: 1, note: "diff" } }, admin);
    expect(rejected.data?.transitionCase.userErrors).toEqual([]);
    // The reference reads the same rows: PostgreSQL's database itself, or a copy of the embedded one.
    referenceDatabase =
      kind === "postgres"
        ? await openDatabase({ kind: "postgres", url: fastDatabase.pooledUrl! }, { fastPath: false, maxConnections: 5 })
        : await openDatabase({ kind: "pglite-memory" }, { loadDataDir: await fastDatabase.dumpDataDir!(), fastPath: false });
    reference = await startTestServer(kind, { now: NOW, database: referenceDatabase, config: { executor: "graphql-js", databaseFastPath: false, guards: GUARDS } });
  }, WALK_TIMEOUT_MS);
  afterAll(async () => {
    await reference?.stop();
    await fast?.stop();
    await referenceDatabase?.close();
    await fastDatabase?.close();
  });

  /** Sends the same request to both servers; the differences, as messages. */
  async function compare(label: string, caller: Caller, body: string): Promise<{ problems: string[]; answered: unknown }> {
    const headers: Record<string, string> = caller === "ANONYMOUS" ? {} : { authorization: `Bearer ${keys[caller]}` };
    const [fromFast, fromReference] = await Promise.all([fast.post(body, headers), reference.post(body, headers)]);
    const problems: string[] = [];
    if (fromFast.status !== 200) problems.push(`${label}: HTTP ${fromFast.status} ${JSON.stringify(fromFast.json).slice(0, 400)}`);
    problems.push(...differences(inErrorOrder(fromFast), inErrorOrder(fromReference), label).slice(0, 5));
    return { problems, answered: fromFast.json };
  }

  it.each(CALLERS)("%s: every query field, every path to depth 3, the same answer on both paths", async (caller) => {
    const problems: string[] = [];
    let rowsAnswered = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const query = `{ ${fieldSelection(schema, "Query", field, 0, rows)} }`;
      const { problems: found, answered } = await compare(field.name, caller, JSON.stringify({ query }));
      problems.push(...found);
      rowsAnswered += (JSON.stringify(answered).match(/"caseNo_0":"/g) ?? []).length;
    }
    expect(problems).toEqual([]);
    // not vacuous: the callers who see cases were answered cases
    if (["ADMIN", "OPERATOR", "INSURED", "PARTNER"].includes(caller)) expect(rowsAnswered).toBeGreaterThan(10);
  }, WALK_TIMEOUT_MS);

  it.each(["ADMIN", "PARTNER", "INSURED"] as const)("%s: every field that declares the columns it reads, alone in every list of its type, the same answer on both paths", async (caller) => {
    const problems: string[] = [];
    const declared = narrowings(schema);
    expect(declared.map((n) => `${n.type}.${n.field}`)).toEqual(expect.arrayContaining(["ServiceCase.benefit", "ServiceCase.submittedAt"]));
    let asked = 0;
    for (const narrow of declared) {
      for (const field of Object.values(schema.getQueryType()!.getFields())) {
        const query = `{ ${fieldSelection(schema, "Query", field, 0, rows, "", narrow)} }`;
        if (!query.includes(`__typename ${narrow.field}`)) continue;
        asked++;
        problems.push(...(await compare(`${narrow.type}.${narrow.field} in ${field.name}`, caller, JSON.stringify({ query }))).problems);
      }
    }
    expect(problems).toEqual([]);
    expect(asked).toBeGreaterThan(declared.length);
  }, WALK_TIMEOUT_MS);

  /** The fields of `type` presented from their columns as they are (`@FromColumn`): what a list answered in SQL may select. */
  const fromColumnFields = (type: string) =>
    Object.values((schema.getType(type) as GraphQLObjectType).getFields())
      .filter((field) => typeof field.extensions.fromColumn === "string")
      .map((field) => field.name);

  /** Each query compared on both paths as `caller`; `answered` says whether the fast path rewrote it to an answer in SQL. */
  async function compareAnswered(caller: Caller, queries: readonly string[], answered: (document: DocumentNode, rewrite: (document: DocumentNode) => DocumentNode) => boolean) {
    const { rewrite } = answersInSql(schema);
    const problems: string[] = [];
    let rewritten = 0;
    for (const query of queries) {
      if (answered(parse(query), rewrite)) rewritten++;
      problems.push(...(await compare(query, caller, JSON.stringify({ query }))).problems);
    }
    return { problems, rewritten };
  }

  it.each(["ADMIN", "PARTNER", "INSURED"] as const)("%s: pages of cases answered in SQL (each @FromColumn field alone, all under aliases, a key twice), the same answer on both paths", async (caller) => {
    // Record 0097: the fast path answers these as PostgreSQL's JSON text, the reference field by field.
    const columns = fromColumnFields("ServiceCase");
    expect(columns).toEqual(expect.arrayContaining(["caseNo", "status", "submittedAt", "closedAt", "plannedAdmissionDate"]));
    const pages = ["", "(first: 1)", "(first: 0)", "(status: [REJECTED, SUBMITTED, AWAITING_DOCUMENTS], first: 1)", `(after: "${encodeCursor("case", rows.caseNos[4]!)}")`];
    const roots = (cases: string) => [
      `{ policies(first: 3, filter: { policyNoPrefix: "DIFF-" }) { edges { node { policyNo ${cases} } } } }`,
      `{ node(id: "${toGlobalId("Policy", "DIFF-1")}") { ... on Policy { policyNo ${cases} } } }`,
    ];
    // Each field alone in a page of every policy, then all of them under aliases and a key twice by
    // every page argument, planned with the policies and through the loader.
    const queries = [
      ...columns.flatMap((name) => [roots(`cases { edges { node { ${name} } } }`)[0]!, roots(`cases(first: 1) { edges { node { ${name} } } }`)[0]!]),
      ...[columns.map((name, i) => `a${i}: ${name}`).join(" "), `${columns.join(" ")} ${columns[0]}`].flatMap((node) => pages.flatMap((page) => roots(`cases${page} { edges { node { ${node} } } }`))),
    ];
    const { problems, rewritten } = await compareAnswered(caller, queries, (document, rewrite) => rewrite(document) !== document);
    expect(problems).toEqual([]);
    // not vacuous: every one of them was answered in SQL on the fast path
    expect(rewritten).toBe(queries.length);
  }, WALK_TIMEOUT_MS);

  it.each(["ADMIN", "PARTNER", "INSURED"] as const)("%s: entitlements answered in SQL (each @FromColumn field alone, all under aliases, a key twice), the same answer on both paths", async (caller) => {
    // Record 0098: the fast path answers these as PostgreSQL's JSON text (the benefits of the caller's
    // scope, in the catalogue's order), the reference field by field.
    const columns = fromColumnFields("Entitlement");
    expect(columns).toEqual(expect.arrayContaining(["benefit", "quotaTotal", "used", "reserved"]));
    const roots = (list: string) => [
      `{ policies(first: 3, filter: { policyNoPrefix: "DIFF-" }) { edges { node { policyNo ${list} } } } }`,
      `{ policy(policyNo: "DIFF-1") { policyNo ${list} } }`,
      `{ node(id: "${toGlobalId("Policy", "DIFF-3")}") { ... on Policy { policyNo ${list} } } }`,
    ];
    const queries = [
      ...columns.flatMap((name) => roots(`entitlements { ${name} }`)),
      ...roots(`entitlements(asOf: "2026-01-01") { ${columns.map((name, i) => `a${i}: ${name}`).join(" ")} }`),
      ...roots(`entitlements { ${columns.join(" ")} ${columns[0]} } other: entitlements { ${columns[1]} }`),
    ];
    const { problems, rewritten } = await compareAnswered(caller, queries, (document, rewrite) => rewrite(document) !== document);
    expect(problems).toEqual([]);
    // not vacuous: every one of them was answered in SQL on the fast path
    expect(rewritten).toBe(queries.length);
  }, WALK_TIMEOUT_MS);

  it.each(["ADMIN", "PARTNER", "INSURED", "OPERATOR"] as const)("%s: pages of policies answered in SQL with the lists inside (each @FromColumn field of Policy alone, all with entitlements and cases), the same answer on both paths", async (caller) => {
    // Record 0098: the fast path answers a page's edges as PostgreSQL's JSON text, the reference field by field.
    const columns = fromColumnFields("Policy");
    expect(columns).toEqual(expect.arrayContaining(["policyNo", "status", "effectiveFrom", "hasSocialInsurance"]));
    const page = (node: string, args = `first: 3, filter: { policyNoPrefix: "DIFF-" }`) => `{ policies(${args}) { totalCount pageInfo { hasNextPage } edges { node { ${node} } } } }`;
    const lists = `entitlements(asOf: "2026-01-01") { benefit used reserved quotaTotal } cases(first: 2, status: [SUBMITTED, AWAITING_DOCUMENTS, UNDER_REVIEW]) { edges { node { caseNo status submittedAt closedAt } } } all: cases { edges { node { benefit } } }`;
    const queries = [
      ...columns.map((name) => page(name)),
      page(`${columns.map((name, i) => `p${i}: ${name}`).join(" ")} ${lists}`),
      page(`policyNo ${lists}`, "first: 2"),
      page(`policyNo ${lists}`, `first: 2, after: "${encodeCursor("policy", "DIFF-1")}"`),
    ];
    const { problems, rewritten } = await compareAnswered(caller, queries, (document, rewrite) => print(rewrite(document)).includes("answerInSql_edges"));
    expect(problems).toEqual([]);
    // not vacuous: every one of them was answered in SQL on the fast path
    expect(rewritten).toBe(queries.length);
  }, WALK_TIMEOUT_MS);

  it.each(CALLERS)("%s: arguments a field refuses, the same errors on both paths", async (caller) => {
    const problems: string[] = [];
    for (const query of refused(rows)) problems.push(...(await compare(query, caller, JSON.stringify({ query }))).problems);
    expect(problems).toEqual([]);
  }, WALK_TIMEOUT_MS);

  it.each(CALLERS)("%s: every published document, the same answer on both paths", async (caller) => {
    const problems: string[] = [];
    for (const document of publishedDocuments(rows)) {
      for (const variables of document.variables) {
        const found = await compare(`${document.name} ${JSON.stringify(variables)}`, caller, JSON.stringify({ query: document.query, variables }));
        problems.push(...found.problems);
      }
    }
    expect(problems).toEqual([]);
  }, WALK_TIMEOUT_MS);

  it("the reference path reads field by field: a policy page with its cases takes more statements there", async () => {
    const query = `{ policies(first: 3, filter: { policyNoPrefix: "DIFF-" }) { edges { node { policyNo entitlements { benefit } cases(first: 2) { edges { node { caseNo } } } } } } }`;
    const { statementsSoFar } = await import("../src/db/driver/statement-counter.js");
    const count = async (server: TestServer) => {
      const start = statementsSoFar();
      const response = await server.post(JSON.stringify({ query }), { authorization: `Bearer ${ADMIN_KEY}` });
      expect(response.status).toBe(200);
      return statementsSoFar() - start;
    };
    expect(await count(fast)).toBe(1);
    expect(await count(reference)).toBeGreaterThan(1);
  });
});
