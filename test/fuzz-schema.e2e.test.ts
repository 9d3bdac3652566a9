// Fuzz that reaches the rules: inputs generated from the schema's own input types (valid enum
// values, IDs of real and unknown rows, boundary dates, huge and unicode strings, negative and huge
// numbers), FUZZ_RUNS (default 1,000) per mutation, every one past variable coercion into the
// resolver; never a 5xx or a stack trace, and every table unchanged after a userError or a refusal
// (a digest of each table's rows). Seeded, so a failure replays.
import { sql } from "drizzle-orm";
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import { getSchema } from "../src/graph/build-schema.js";
import { toGlobalId } from "../src/schema/shared/global-id.js";
import { CreatePartnerDocument, RegisterWebhookDocument, SubmitCaseDocument } from "./generated/graphql.js";
import { idNumber, policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Values by field name where the name says what rows it points at; the rest by type. */
interface Pools {
  readonly caseIds: string[];
  readonly webhookIds: string[];
  readonly deliveryIds: string[];
  readonly keyIds: string[];
}

const STRINGS = ["", " ", "x", "x".repeat(10_000), "💥🏥\u202e\u200b", "张三", "'; drop table policy; --", "null", "\\u0000", "ＦＵＬＬ　ＷＩＤＴＨ", "a\nb"];
const DATES = ["2026-03-02", "2025-12-01", "2026-06-30", "2026-07-01", "2025-09-28", "2025-09-29", "2024-02-29", "1900-01-01", "9999-12-31", "2026-03-09", "2026-10-01"];
const DATETIMES = ["2026-03-02T01:59:59Z", "2026-03-02T02:00:00Z", "2026-03-02T10:00:00+08:00", "2099-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2025-12-31T23:59:59.999999999Z"];
const INTS = [0, 1, -1, 2, 5, 2 ** 31 - 1, -(2 ** 31)];
const FLOATS = [0, -1, 0.5, 40, 40.5, 1e9, -1e308, 1e308, 2 ** 53];
const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

function generator(seed: number, pools: Pools) {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const byName: Record<string, () => unknown> = {
    policyNo: () => pick(["FUZZ-1", "FUZZ-2", "FUZZ-NONE", "", "fuzz-1", "X".repeat(500)]),
    policyNos: () => pick([["FUZZ-1"], ["FUZZ-1", "FUZZ-NONE"], [], ["", "💥"]]),
    caseId: () => pick([...pools.caseIds, "SC2026-9999999", toGlobalId("ServiceCase", "SC2026-9999999"), toGlobalId("Policy", "FUZZ-1"), "", "not-an-id"]),
    hospitalId: () => pick(["JP-001", "MDT-BJ-001", "NOPE", ""]),
    id: () => pick([...pools.webhookIds, UNKNOWN_UUID, "not-a-uuid", ""]),
    deliveryId: () => pick([...pools.deliveryIds, UNKNOWN_UUID, "x"]),
    keyId: () => pick([...pools.keyIds, UNKNOWN_UUID, "x"]),
    idempotencyKey: () => pick([`fuzz-${Math.floor(random() * 1e9)}`, "fuzz-repeat", "", "k".repeat(300)]),
    idNumber: () => pick([idNumber("19800101"), idNumber("19800101").slice(0, 17) + "0", "11010519491231002X", "", "123"]),
    phone: () => pick(["13800138000", "1380013800", "+8613800138000", ""]),
    place: () => pick(["上海", "襄樊", "襄阳市", "420600", "义乌", "", "Nowhere"]),
    partnerCode: () => pick(["TPA-FUZZ", "TPA-NONE", ""]),
    url: () => pick(["http://127.0.0.1:4179/hook", "https://tpa.example.com/hook", "ftp://x", "", `https://x/${"a".repeat(600)}`]),
    reference: () => pick(["dms://1", "", " ", "r".repeat(2000)]),
    code: () => pick([`TPA-${Math.floor(random() * 1e6)}`, "", "bad code", "TPA-FUZZ"]),
  };
  // #28 row 11: any code point, control characters, lone surrogates and NUL included
  const anyCodePoint = (): string => {
    const roll = random();
    if (roll < 0.25) return String.fromCharCode(Math.floor(random() * 0x20)); // C0 controls, NUL too
    if (roll < 0.35) return String.fromCharCode(0x7f + Math.floor(random() * 0x21)); // DEL, C1 controls
    if (roll < 0.45) return String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // a lone surrogate
    if (roll < 0.6) return String.fromCodePoint(0x10000 + Math.floor(random() * 0x100000)); // astral
    return String.fromCodePoint(Math.floor(random() * 0xd800));
  };
  // whether this run drew a value from outside the well-formed pools (it may be refused with a 4xx before any resolver)
  let wild = false;
  const anyString = () => {
    wild = true;
    return anyStringOf();
  };
  const anyStringOf = () => Array.from({ length: Math.floor(random() * 24) }, anyCodePoint).join("");
  const anyInt = () => (wild = true) && Math.floor(random() * 2 ** 32) - 2 ** 31;
  const anyFloat = () => (wild = true) && pick([-0, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE, (random() - 0.5) * 10 ** Math.floor(random() * 600 - 300)]);
  const anyDate = () => {
    wild = true;
    const year = 1 + Math.floor(random() * 9999);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 31);
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  };
  const value = (type: GraphQLInputType, name: string): unknown => {
    const plain = valueOf(type, name);
    // a named or scalar string, a quarter of the time any string at all
    if (typeof plain === "string" && !(getNamedType(type) instanceof GraphQLEnumType) && random() < 0.25) return anyString();
    return plain;
  };
  const valueOf = (type: GraphQLInputType, name: string): unknown => {
    if (type instanceof GraphQLNonNull) return value(type.ofType, name);
    if (type instanceof GraphQLList) {
      if (byName[name]) return byName[name]();
      return Array.from({ length: Math.floor(random() * 4) }, () => value(type.ofType, name));
    }
    if (type instanceof GraphQLEnumType) return pick(type.getValues()).name;
    if (type instanceof GraphQLInputObjectType) return object(type);
    if (byName[name]) return byName[name]();
    switch ((type as GraphQLScalarType).name) {
      case "Date":
        return random() < 0.5 ? pick(DATES) : anyDate();
      case "DateTime":
        return pick(DATETIMES);
      case "Int":
        return random() < 0.5 ? pick(INTS) : anyInt();
      case "Float":
        return random() < 0.5 ? pick(FLOATS) : anyFloat();
      case "Boolean":
        return random() < 0.5;
      default:
        return pick(STRINGS);
    }
  };
  const object = (type: GraphQLInputObjectType): Record<string, unknown> => {
    const input: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = field.type instanceof GraphQLNonNull;
      const roll = random();
      if (!required && roll < 0.2) continue; // absent
      input[field.name] = !required && roll < 0.3 ? null : value(field.type, field.name);
    }
    return input;
  };
  return {
    value,
    /** True when the values since the last call held a wild one. */
    drewWild: () => {
      const was = wild;
      wild = false;
      return was;
    },
  };
}

describe("fuzzing every mutation from the schema's types", () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let tables: string[] = [];
  const pools: Pools = { caseIds: [], webhookIds: [], deliveryIds: [], keyIds: [] };
  const admin = { token: ADMIN_KEY };

  beforeAll(async () => {
    schema = await getSchema();
    server = await startTestServer("pglite");
    await policyWithDiagnosis(server, "FUZZ-1", "MALIGNANT_TUMOR", { benefits: ["GENE_TEST", "SECOND_OPINION", "JAPAN_TREATMENT", "INPATIENT_ADVANCE_PAYMENT", "GREEN_CHANNEL_OUTPATIENT"] });
    await policyWithDiagnosis(server, "FUZZ-2");
    await server.request(CreatePartnerDocument, { input: { code: "TPA-FUZZ", name: "fuzz", services: ["GENE_TEST", "SECOND_OPINION"] } }, admin);
    const hook = await server.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-FUZZ", url: "http://127.0.0.1:4179/hook", events: ["CASE_SUBMITTED"] } }, admin);
    pools.webhookIds.push(hook.data!.registerWebhook.webhook!.id);
    for (const [benefit, place] of [["SECOND_OPINION", null], ["GENE_TEST", "上海"]] as const) {
      const c = await server.request(SubmitCaseDocument, { input: { idempotencyKey: `fuzz-seed-${benefit}`, policyNo: "FUZZ-1", benefit, applicant: "INSURED", place } }, admin);
      const serviceCase = c.data!.submitCase.serviceCase!;
      pools.caseIds.push(serviceCase.id, serviceCase.caseNo);
    }
    const rows = await queryRows<{ id: string }>(server.database.db, sql`select id::text as id from webhook_delivery limit 5`).catch(() => []);
    pools.deliveryIds.push(...rows.map((r) => r.id));
    const keys = await queryRows<{ id: string }>(server.database.db, sql`select id::text as id from api_key limit 5`);
    pools.keyIds.push(...keys.map((k) => k.id));
    // every table of the application but the audit log, which records every mutation by design
    tables = (
      await queryRows<{ name: string }>(
        server.database.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_log') order by 1`,
      )
    ).map((t) => t.name);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const digest = async () => {
    const parts = tables.map((t) => sql`select ${t}::text as t, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as d from ${sql.identifier(t)} r`);
    const rows = await queryRows<{ t: string; d: string }>(server.database.db, sql.join(parts, sql` union all `));
    return rows.map((r) => `${r.t}:${r.d}`).join(" ");
  };

  const mutations = () => Object.values(schema.getMutationType()!.getFields());

  it.each(["addCaseDocuments", "createPartner", "disableWebhook", "issueApiKey", "recordDiagnosis", "redeliverWebhook", "registerWebhook", "revokeApiKey", "submitCase", "transitionCase", "upsertPolicy"])(
    `%s: ${RUNS} generated inputs, all reaching the resolver`,
    async (name) => {
      const field = mutations().find((f) => f.name === name)!;
      const generate = generator([...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 7), pools);
      const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const payload = getNamedType(field.type) as { getFields(): Record<string, unknown> };
      const selection = Object.keys(payload.getFields()).includes("userErrors") ? "__typename userErrors { code field }" : "__typename";
      const query = `mutation(${variables}) { ${name}(${args}) { ${selection} } }`;
      let reached = 0;
      let wildRefused = 0;
      let before = await digest();
      for (let i = 0; i < RUNS; i++) {
        const values = Object.fromEntries(field.args.map((a) => [a.name, generate.value(a.type, a.name)]));
        const wildRun = generate.drewWild();
        const response = await server.post(JSON.stringify({ query, variables: values }), { authorization: `Bearer ${ADMIN_KEY}` });
        const text = JSON.stringify(response.json);
        const context = `${name} #${i} ${JSON.stringify(values).slice(0, 300)}: ${text.slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        expect(text, context).not.toMatch(/stacktrace|INTERNAL_SERVER_ERROR/);
        const body = response.json as { data?: Record<string, { userErrors?: unknown[] } | null> | null; errors?: { extensions?: { code?: string } }[] };
        const coercionFailed = response.status === 400 || (body.errors ?? []).some((e) => e.extensions?.code === "BAD_USER_INPUT" || e.extensions?.code === "GRAPHQL_VALIDATION_FAILED");
        if (!coercionFailed) reached++;
        else if (wildRun) wildRefused++;
        const refused = !body.data?.[name] || (body.data[name]!.userErrors?.length ?? 0) > 0;
        const after = await digest();
        if (refused) expect(after, `written on a refusal: ${context}`).toBe(before);
        before = after;
      }
      // every well-formed input reaches its resolver; a wild one may be refused before (a 4xx)
      expect(reached + wildRefused).toBe(RUNS);
    },
    600_000,
  );
});
