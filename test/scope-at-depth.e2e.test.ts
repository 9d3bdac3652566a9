// Scopes hold at every depth: from every root field, for every role, a query generated from the
// schema selects every field path to depth 4 over rows inside and outside each scope; the test
// fails on any row or field the role must not see, and on any row in scope it did not see. It runs
// on the fast path and on the reference path (graphql-js, no read-ahead, plain drizzle).
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surnameOnly } from "../src/rules/access/row-scope.js";
import { getSchema } from "../src/graph/build-schema.js";
import { toGlobalId } from "../src/schema/shared/global-id.js";
import { CreatePartnerDocument, IssueApiKeyDocument, RegisterWebhookDocument, SubmitCaseDocument, type IssueApiKeyInput, type Role } from "./generated/graphql.js";
import type { DatabaseHandle } from "../src/db/client.js";
import { openTestDatabase } from "./support/databases.js";
import { idNumber, policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const DEPTH = 4;
const ROLES = ["ANONYMOUS", "ADMIN", "OPERATOR", "INSURED", "PARTNER", "ANALYST"] as const;
type Caller = (typeof ROLES)[number];

const PEOPLE = {
  "WALK-1": { name: "张在内", idNumber: idNumber("19800101", "311"), phone: "13800138001" },
  "WALK-2": { name: "李在外", idNumber: idNumber("19810202", "312"), phone: "13800138002" },
} as const;
type PolicyNo = keyof typeof PEOPLE;
const GENE_BENEFITS = ["GENE_TEST"];

interface CaseRowFact {
  readonly caseNo: string;
  readonly policyNo: PolicyNo;
  readonly service: string;
}

/** What each caller must see: exactly these cases and policies; the rest of the rules are in `violations`. */
function allowed(caller: Caller, cases: readonly CaseRowFact[]) {
  const visible = cases.filter((c) => {
    switch (caller) {
      case "ADMIN":
      case "OPERATOR":
        return true;
      case "INSURED":
        return c.policyNo === "WALK-1";
      case "PARTNER":
        // its service's cases that it holds: it submitted every gene test here
        return c.service === "GENE_TEST";
      case "ANONYMOUS":
      case "ANALYST":
        return false;
    }
  });
  return { cases: new Set(visible.map((c) => c.caseNo)), policies: new Set(visible.map((c) => c.policyNo)) };
}

/** A literal for a required argument: the rows' keys at the root, else a valid value of its type. */
function literals(field: string, arg: GraphQLArgument, rows: Record<string, readonly string[]>): string[] {
  const keyed = rows[`${field}.${arg.name}`];
  if (keyed) return keyed.map((v) => JSON.stringify(v));
  return [literalOf(arg.type, arg.name)];
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
      return "5";
    case "Boolean":
      return "true";
    default:
      return name === "place" ? '"上海"' : '"x"';
  }
}

/** The fields of a type to the given depth; an enum argument is asked for once per value, under aliases. */
function selection(schema: GraphQLSchema, type: GraphQLObjectType | GraphQLInterfaceType, level: number, aliased: ReadonlySet<string> = new Set()): string {
  if (type instanceof GraphQLInterfaceType) {
    // a name two implementations share may differ in type: those are asked for under the type's alias
    const possible = schema.getPossibleTypes(type);
    const names = possible.flatMap((t) => Object.keys(t.getFields()));
    const shared = new Set(names.filter((n, i) => names.indexOf(n) !== i && n !== "id"));
    const parts = possible.map((t) => `... on ${t.name} { ${selection(schema, t, level, shared)} }`);
    return `__typename ${parts.join(" ")}`;
  }
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    const sub = fieldSelection(schema, field, level + 1, {}, "", aliased.has(field.name) ? `${type.name}_` : "");
    if (sub) parts.push(sub);
  }
  return parts.join(" ");
}

function fieldSelection(
  schema: GraphQLSchema,
  field: GraphQLField<unknown, unknown>,
  level: number,
  rows: Record<string, readonly string[]> = {},
  owner = "",
  alias = "",
): string | null {
  const named = getNamedType(field.type);
  const composite = named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType;
  if (composite && level > DEPTH) return null;
  const body = composite ? `{ ${selection(schema, named, level)} }` : "";
  const required = field.args.filter((a) => a.type instanceof GraphQLNonNull);
  if (required.length === 0) return `${alias ? `${alias}${field.name}: ` : ""}${field.name} ${body}`;
  // one aliased call per combination of the first argument's values (the others take one value)
  const [first, ...rest] = required;
  const fixed = rest.map((a) => `${a.name}: ${literals(`${owner}${field.name}`, a, rows)[0]}`);
  const firstValues =
    getNamedType(first!.type) instanceof GraphQLEnumType && !(first!.type instanceof GraphQLList) && !((first!.type as GraphQLNonNull<GraphQLInputType>).ofType instanceof GraphQLList)
      ? (getNamedType(first!.type) as GraphQLEnumType).getValues().map((v) => v.name)
      : literals(`${owner}${field.name}`, first!, rows);
  return firstValues.map((value, i) => `${alias}${field.name}_${i}: ${field.name}(${[`${first!.name}: ${value}`, ...fixed].join(", ")}) ${body}`).join(" ");
}

/** Every rule a response may break, as messages. */
function violations(caller: Caller, data: unknown, expected: ReturnType<typeof allowed>, ownWebhooks: ReadonlySet<string>) {
  const found: string[] = [];
  const seen = { cases: new Set<string>(), policies: new Set<string>() };
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}.${i}`));
    if (value === null || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    switch (object.__typename) {
      case "ServiceCase":
        if (typeof object.caseNo === "string") {
          seen.cases.add(object.caseNo);
          if (!expected.cases.has(object.caseNo)) found.push(`${path}: case ${object.caseNo}`);
        }
        break;
      case "Policy":
        if (typeof object.policyNo === "string") {
          seen.policies.add(object.policyNo);
          if (!expected.policies.has(object.policyNo as PolicyNo)) found.push(`${path}: policy ${object.policyNo}`);
        }
        break;
      case "Diagnosis":
        if (caller === "PARTNER") found.push(`${path}: a diagnosis`);
        break;
      case "Person":
        if (caller === "PARTNER") {
          if (!Object.values(PEOPLE).some((p) => object.name === surnameOnly(p.name))) found.push(`${path}: name ${String(object.name)}`);
          for (const key of ["idNumberMasked", "phoneMasked", "birthDate"]) if (object[key] != null) found.push(`${path}.${key}`);
        }
        break;
      case "Entitlement":
        if (caller === "PARTNER" && !GENE_BENEFITS.includes(object.benefit as string)) found.push(`${path}: entitlement ${String(object.benefit)}`);
        break;
      case "Webhook":
        if (caller === "PARTNER" && object.partnerCode !== "TPA-GENE") found.push(`${path}: webhook of ${String(object.partnerCode)}`);
        break;
      case "WebhookDelivery":
        if (caller === "PARTNER" && !ownWebhooks.has(object.webhookId as string)) found.push(`${path}: delivery of another partner`);
        if (!expected.cases.has(object.caseNo as string) && caller !== "ADMIN") found.push(`${path}: delivery of case ${String(object.caseNo)}`);
        break;
    }
    for (const [key, v] of Object.entries(object)) visit(v, `${path}.${key}`);
  };
  visit(data, "data");
  const text = JSON.stringify(data) ?? "";
  for (const person of Object.values(PEOPLE)) {
    for (const secret of [person.idNumber, person.phone]) if (text.includes(secret)) found.push(`personal data in clear: ${secret.slice(0, 3)}…`);
    if (caller !== "ADMIN" && caller !== "OPERATOR" && caller !== "INSURED" && text.includes(person.name)) found.push(`a full name, to ${caller}`);
  }
  return { found, seen };
}

const PATHS = {
  fast: { fastPath: true, executor: "compiled" },
  reference: { fastPath: false, executor: "graphql-js" },
} as const;

describe.each(Object.keys(PATHS) as (keyof typeof PATHS)[])("scopes at every depth (generated from the schema, depth 4), %s path", (path) => {
  let server: TestServer;
  let database: DatabaseHandle;
  let schema: GraphQLSchema;
  const keys: Partial<Record<Caller, string>> = { ADMIN: ADMIN_KEY };
  const cases: CaseRowFact[] = [];
  const ownWebhooks = new Set<string>();
  const seenByCaller = new Map<Caller, { cases: Set<string>; policies: Set<string> }>();

  beforeAll(async () => {
    schema = await getSchema();
    database = await openTestDatabase("pglite", { fastPath: PATHS[path].fastPath });
    server = await startTestServer("pglite", {
      database,
      config: { executor: PATHS[path].executor, guards: { maxDepth: 40, maxAliases: 10_000, maxTokens: 1_000_000, maxCost: 100_000_000, introspection: "authenticated", maxDocumentChars: 10_000_000, maxSelectionFields: 100_000, maxFields: 10_000_000 } },
    });
    const admin = { token: ADMIN_KEY };
    for (const [policyNo, person] of Object.entries(PEOPLE)) {
      await policyWithDiagnosis(server, policyNo, "MALIGNANT_TUMOR", { insured: person, benefits: ["GENE_TEST", "SECOND_OPINION", "JAPAN_TREATMENT"] });
    }
    for (const [code, service] of [["TPA-GENE", "GENE_TEST"], ["TPA-OPINION", "SECOND_OPINION"]] as const) {
      await server.request(CreatePartnerDocument, { input: { code, name: code, services: [service] } }, admin);
      const hook = await server.request(RegisterWebhookDocument, { input: { partnerCode: code, url: "http://127.0.0.1:4179/hook", events: ["CASE_SUBMITTED"] } }, admin);
      expect(hook.data?.registerWebhook.userErrors).toEqual([]);
      if (code === "TPA-GENE") ownWebhooks.add(hook.data!.registerWebhook.webhook!.id);
    }
    const roles: [Role, Partial<IssueApiKeyInput>][] = [["OPERATOR", {}], ["ANALYST", {}], ["PARTNER", { partnerCode: "TPA-GENE" }], ["INSURED", { policyNos: ["WALK-1"] }]];
    for (const [role, extra] of roles) {
      const issued = await server.request(IssueApiKeyDocument, { input: { label: `walk ${role}`, role, ...extra } }, admin);
      keys[role as Caller] = issued.data!.issueApiKey.apiKey!;
    }
    for (const policyNo of Object.keys(PEOPLE) as PolicyNo[]) {
      for (const [benefit, service, place] of [["GENE_TEST", "GENE_TEST", "上海"], ["SECOND_OPINION", "SECOND_OPINION", null]] as const) {
        const submitted = await server.request(
          SubmitCaseDocument,
          { input: { idempotencyKey: `walk-${policyNo}-${benefit}`, policyNo, benefit, applicant: "INSURED", place, documents: [{ kind: "PATHOLOGY_REPORT", reference: "r-1" }] } },
          // the gene tests are in the partner's hands (a partner sees only the cases it holds)
          service === "GENE_TEST" ? { token: keys.PARTNER! } : admin,
        );
        expect(submitted.data?.submitCase.userErrors).toEqual([]);
        cases.push({ caseNo: submitted.data!.submitCase.serviceCase!.caseNo, policyNo, service });
      }
    }
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  const rootFields = () => Object.values(schema.getQueryType()!.getFields());

  it.each(ROLES)("%s: every root field, every path to depth 4, no row or field outside the scope", async (caller) => {
    const rows = {
      "serviceCase.caseNo": cases.map((c) => c.caseNo),
      "policy.policyNo": Object.keys(PEOPLE),
      "node.id": [...cases.map((c) => toGlobalId("ServiceCase", c.caseNo)), ...Object.keys(PEOPLE).map((p) => toGlobalId("Policy", p))],
    };
    const expected = allowed(caller, cases);
    const seen = { cases: new Set<string>(), policies: new Set<string>() };
    const problems: string[] = [];
    for (const field of rootFields()) {
      const query = `{ ${fieldSelection(schema, field, 0, rows)} }`;
      const headers: Record<string, string> = caller === "ANONYMOUS" ? {} : { authorization: `Bearer ${keys[caller]}` };
      const response = await server.post(JSON.stringify({ query }), headers);
      const body = response.json as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      if (response.status !== 200) problems.push(`${field.name}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      for (const error of body.errors ?? []) {
        if (!["FORBIDDEN", "UNAUTHENTICATED"].includes(error.extensions?.code ?? "")) problems.push(`${field.name}: ${error.extensions?.code} ${error.message}`);
      }
      const result = violations(caller, body.data, expected, ownWebhooks);
      problems.push(...result.found.map((f) => `${field.name}: ${f}`));
      for (const c of result.seen.cases) seen.cases.add(c);
      for (const p of result.seen.policies) seen.policies.add(p);
    }
    expect(problems).toEqual([]);
    // not vacuous: every row in scope was reached somewhere
    expect([...seen.cases].sort()).toEqual([...expected.cases].sort());
    expect([...seen.policies].sort()).toEqual([...expected.policies].sort());
    seenByCaller.set(caller, seen);
  });

  it("the walk reaches a partner's policy through its case, and the other service's case of that policy not at all", () => {
    const partner = seenByCaller.get("PARTNER");
    expect(partner?.policies.size).toBe(2);
    const opinion = cases.filter((c) => c.service === "SECOND_OPINION").map((c) => c.caseNo);
    expect(opinion.some((c) => partner?.cases.has(c))).toBe(false);
  });
});
