// Who sees and does what, by role; and what a hostile or broken request gets.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import {
  CreatePartnerDocument,
  IssueApiKeyDocument,
  PolicyEntitlementsDocument,
  RevokeApiKeyDocument,
  ServiceCasesDocument,
  ServicesDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  UpsertPolicyDocument,
  ViewerDocument,
  type IssueApiKeyInput,
  type Role,
} from "./generated/graphql.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("access by role", () => {
  let server: TestServer;
  const keys: Record<string, string> = { ADMIN: ADMIN_KEY };
  let greenCase = "";

  beforeAll(async () => {
    server = await startTestServer("pglite");
    const admin = { token: ADMIN_KEY };
    await policyWithDiagnosis(server, "ACL-1");
    await policyWithDiagnosis(server, "ACL-2");
    const partner = await server.request(CreatePartnerDocument, { input: { code: "TPA-GREEN", name: "绿通服务商", services: ["GREEN_CHANNEL"] } }, admin);
    expect(partner.data?.createPartner.partner?.services).toEqual(["GREEN_CHANNEL"]);
    const roles: [Role, Partial<IssueApiKeyInput>][] = [
      ["OPERATOR", {}],
      ["ANALYST", {}],
      ["PARTNER", { partnerCode: "TPA-GREEN" }],
      ["INSURED", { policyNos: ["ACL-1"] }],
    ];
    for (const [role, extra] of roles) {
      const issued = await server.request(IssueApiKeyDocument, { input: { label: `test ${role}`, role, ...extra } }, admin);
      expect(issued.data?.issueApiKey.userErrors).toEqual([]);
      keys[role] = issued.data!.issueApiKey.apiKey!;
    }
    const c = await server.request(SubmitCaseDocument, { input: { idempotencyKey: "acl-1", policyNo: "ACL-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海" } }, { token: keys.PARTNER });
    expect(c.data?.submitCase.userErrors).toEqual([]);
    greenCase = c.data!.submitCase.serviceCase!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? "OK";

  it.each([
    // role, operation, expected
    ["ANONYMOUS", "services", "OK"],
    ["ANONYMOUS", "policy", "UNAUTHENTICATED"],
    ["ANALYST", "policy", "FORBIDDEN"],
    ["PARTNER", "policy", "FORBIDDEN"],
    ["INSURED", "policy", "OK"],
    ["INSURED", "other policy", "FORBIDDEN"],
    ["OPERATOR", "policy", "OK"],
    ["ANALYST", "cases", "FORBIDDEN"],
    ["PARTNER", "cases", "OK"],
    ["INSURED", "cases", "OK"],
    ["OPERATOR", "upsertPolicy", "OK"],
    ["PARTNER", "upsertPolicy", "FORBIDDEN"],
    ["ANALYST", "upsertPolicy", "FORBIDDEN"],
    ["INSURED", "upsertPolicy", "FORBIDDEN"],
    ["PARTNER", "submit contracted", "OK"],
    ["PARTNER", "submit not contracted", "FORBIDDEN"],
    ["INSURED", "submit own", "OK"],
    ["INSURED", "submit other", "FORBIDDEN"],
    ["INSURED", "transition", "FORBIDDEN"],
    ["PARTNER", "transition", "OK"],
    ["OPERATOR", "issueApiKey", "FORBIDDEN"],
    ["PARTNER", "createPartner", "FORBIDDEN"],
  ])("%s → %s: %s", async (role, operation, expected) => {
    const auth = role === "ANONYMOUS" ? {} : { token: keys[role]! };
    const ops: Record<string, () => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>> = {
      services: () => server.request(ServicesDocument, {}, auth),
      policy: () => server.request(PolicyEntitlementsDocument, { policyNo: "ACL-1" }, auth),
      "other policy": () => server.request(PolicyEntitlementsDocument, { policyNo: "ACL-2" }, auth),
      cases: () => server.request(ServiceCasesDocument, { first: 5 }, auth),
      upsertPolicy: () => server.request(UpsertPolicyDocument, { input: { policyNo: `ACL-U-${role}`, status: "ACTIVE", effectiveFrom: "2026-01-01", effectiveTo: "2026-12-31", waitingPeriodEndsOn: "2026-03-31", hasSocialInsurance: true, insured: { name: "测试" } } }, auth),
      "submit contracted": () => server.request(SubmitCaseDocument, { input: { idempotencyKey: `acl-c-${role}`, policyNo: "ACL-2", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", place: "上海" } }, auth),
      "submit not contracted": () => server.request(SubmitCaseDocument, { input: { idempotencyKey: `acl-n-${role}`, policyNo: "ACL-2", benefit: "MDT_CONSULTATION", applicant: "INSURED" } }, auth),
      "submit own": () => server.request(SubmitCaseDocument, { input: { idempotencyKey: `acl-o-${role}`, policyNo: "ACL-1", benefit: "FAMILY_DOCTOR", applicant: "INSURED" } }, auth),
      "submit other": () => server.request(SubmitCaseDocument, { input: { idempotencyKey: `acl-x-${role}`, policyNo: "ACL-2", benefit: "FAMILY_DOCTOR", applicant: "INSURED" } }, auth),
      transition: () => server.request(TransitionCaseDocument, { input: { caseId: greenCase, action: "REJECT", expectedVersion: 1, note: "acl" } }, auth),
      issueApiKey: () => server.request(IssueApiKeyDocument, { input: { label: "x", role: "ADMIN" } }, auth),
      createPartner: () => server.request(CreatePartnerDocument, { input: { code: "X1", name: "x", services: ["MDT"] } }, auth),
    };
    expect(code(await ops[operation]!())).toBe(expected);
  });

  it("shows a partner only its contracted services' cases, and records the partner on them", async () => {
    const { data } = await server.request(ServiceCasesDocument, { first: 50 }, { token: keys.PARTNER! });
    expect(data!.serviceCases.edges.length).toBeGreaterThan(0);
    const benefits = new Set(data!.serviceCases.edges.map((e) => e.node.benefit));
    expect([...benefits].every((b) => b.startsWith("GREEN_CHANNEL"))).toBe(true);
    const viewer = await server.request(ViewerDocument, {}, { token: keys.PARTNER! });
    expect(viewer.data?.viewer).toEqual({ role: "PARTNER", partner: { code: "TPA-GREEN", services: ["GREEN_CHANNEL"] } });
    const rows = await queryRows<{ partner_code: string }>(server.database.db, sql`select partner_code from service_case where idempotency_key = 'acl-1'`);
    expect(rows[0]?.partner_code).toBe("TPA-GREEN");
  });

  it("validates keys and partners, stores only hashes, and revokes at once", async () => {
    const admin = { token: ADMIN_KEY };
    const bad = await server.request(IssueApiKeyDocument, { input: { label: "x", role: "PARTNER", partnerCode: "NOPE" } }, admin);
    expect(bad.data?.issueApiKey.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_PARTNER"]);
    const insured = await server.request(IssueApiKeyDocument, { input: { label: "x", role: "INSURED", policyNos: ["ACL-1", "MISSING"] } }, admin);
    expect(insured.data?.issueApiKey.userErrors.map((e) => [e.code, e.field])).toEqual([["UNKNOWN_POLICY", ["input", "policyNos", "1"]]]);
    const taken = await server.request(CreatePartnerDocument, { input: { code: "TPA-GREEN", name: "again", services: ["MDT"] } }, admin);
    expect(taken.data?.createPartner.userErrors.map((e) => e.code)).toEqual(["PARTNER_CODE_TAKEN"]);
    const issued = await server.request(IssueApiKeyDocument, { input: { label: "short-lived", role: "ANALYST" } }, admin);
    const secret = issued.data!.issueApiKey.apiKey!;
    const stored = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from api_key where secret_hash = ${secret} or label like ${`%${secret}%`}`);
    expect(stored[0]?.n).toBe(0);
    expect((await server.request(ViewerDocument, {}, { token: secret })).data?.viewer.role).toBe("ANALYST");
    const revoked = await server.request(RevokeApiKeyDocument, { keyId: issued.data!.issueApiKey.keyId! }, admin);
    expect(revoked.data?.revokeApiKey.revoked).toBe(true);
    const after = await server.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: `Bearer ${secret}` });
    expect(after.status).toBe(401);
  });

  it("writes an audit record for every mutation, without personal data", async () => {
    const rows = await queryRows<{ actor: string; operation: string; outcome: string }>(server.database.db, sql`select actor, operation, outcome from audit_log order by at`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.operation === "issueApiKey" && r.outcome === "ok")).toBe(true);
    expect(rows.some((r) => r.operation === "issueApiKey" && r.outcome.startsWith("user_errors:UNKNOWN_PARTNER"))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("测试");
  });
});

describe("hostile and broken requests", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { rateLimitPerMinute: 30 } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a query nested too deep, with too many aliases, too many tokens or too costly", async () => {
    const nested = "{ node(id: \"x\") { ... on ServiceCase { policy { cases { edges { node { policy { cases { edges { node { policy { cases { edges { node { caseNo } } } } } } } } } } } } } } }";
    const tooDeep = await server.post(JSON.stringify({ query: nested }));
    expect(tooDeep.status).toBe(400);
    expect(JSON.stringify(tooDeep.json)).toContain("at most 12");
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: services { code }`).join(" ")} }`;
    expect(JSON.stringify((await server.post(JSON.stringify({ query: aliases }))).json)).toContain("more than 30 aliases");
    const tokens = `{ ${"services { code } ".repeat(1500)} }`;
    const tooMany = await server.post(JSON.stringify({ query: tokens }));
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.json)).toContain("token");
    const costly = "{ policies(first: 100) { edges { node { cases(first: 100) { edges { node { events { at } documents { kind } } } } } } } }";
    const cost = await server.post(JSON.stringify({ query: costly }), { authorization: `Bearer ${ADMIN_KEY}` });
    expect(cost.json).toMatchObject({ errors: [{ extensions: { code: "TOO_COMPLEX", maxCost: 20000 } }] });
  });

  it("allows introspection to authenticated callers only", async () => {
    const anonymous = await server.post(JSON.stringify({ query: "{ __schema { queryType { name } } }" }));
    expect(JSON.stringify(anonymous.json)).toContain("FORBIDDEN");
    const admin = await server.post(JSON.stringify({ query: "{ __schema { queryType { name } } }" }), { authorization: `Bearer ${ADMIN_KEY}` });
    expect(admin.json).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("answers 429 with Retry-After past the per-minute limit, and keeps serving others", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ services { code } }" }) });
      if (r.status === 429) limited = r;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    const other = await server.post(JSON.stringify({ query: "{ services { code } }" }), { authorization: `Bearer ${ADMIN_KEY}` });
    expect(other.status).toBe(200);
  });

  it("counts the CSV export against the same limit as /graphql, and refuses it in the export's own shape", async () => {
    const csv = new URL("/exports/case-metrics.csv?groupBy=SERVICE", server.url);
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await fetch(csv);
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(401);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited?.json()).toMatchObject({ error: expect.stringContaining("too many requests") });
    const admin = await fetch(csv, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get("content-type")).toContain("text/csv");
  });
});
