// Front-end users with signed JWTs, and the GraphQL-over-HTTP audit against the real server.
import { auditServer } from "graphql-http";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyEntitlementsDocument } from "./generated/graphql.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const key = new TextEncoder().encode(SECRET);
const sign = (claims: Record<string, unknown>, options: { exp?: string; aud?: string; secret?: Uint8Array } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("user-1")
    .setIssuer("hsg-tests")
    .setAudience(options.aud ?? "health-graph")
    .setExpirationTime(options.exp ?? "5m")
    .sign(options.secret ?? key);

describe("JWT principals", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { jwt: { secret: SECRET, jwksFile: null, issuer: "hsg-tests", audience: "health-graph" } } });
    await policyWithDiagnosis(server, "JWT-1");
    await policyWithDiagnosis(server, "JWT-2");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reads the policies the token names, and only those", async () => {
    const token = await sign({ policy_nos: ["JWT-1"] });
    const own = await server.request(PolicyEntitlementsDocument, { policyNo: "JWT-1" }, { token });
    expect(own.errors).toBeUndefined();
    expect(own.data?.policy?.policyNo).toBe("JWT-1");
    const other = await server.request(PolicyEntitlementsDocument, { policyNo: "JWT-2" }, { token });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it.each([
    ["an expired token", () => sign({ policy_nos: ["JWT-1"] }, { exp: "1s ago" })],
    ["the wrong audience", () => sign({ policy_nos: ["JWT-1"] }, { aud: "someone-else" })],
    ["a bad signature", () => sign({ policy_nos: ["JWT-1"] }, { secret: new TextEncoder().encode("x".repeat(44)) })],
    ["no policy claim", () => sign({})],
  ])("answers %s with 401", async (_name, make) => {
    const response = await server.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: `Bearer ${await make()}` });
    expect(response.status).toBe(401);
  });
});

describe("JWT lifetimes (#28 row 10)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", {
      production: true,
      config: { jwt: { secret: SECRET, jwksFile: null, issuer: "hsg-tests", audience: "health-graph", maxAgeSeconds: 3600 } },
    });
    await policyWithDiagnosis(server, "JWT-3");
  });
  afterAll(async () => {
    await server?.stop();
  });
  const base = () => new SignJWT({ policy_nos: ["JWT-3"] }).setProtectedHeader({ alg: "HS256" }).setSubject("user-3").setIssuer("hsg-tests").setAudience("health-graph");
  const ask = async (token: string) => (await server.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: `Bearer ${token}` })).status;

  it("refuses an HS256 token without exp, even a fresh one", async () => {
    expect(await ask(await base().setIssuedAt().sign(key))).toBe(401);
  });

  it("refuses a token issued longer ago than AUTH_JWT_MAX_AGE_SECONDS, even when its exp is far off", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await ask(await base().setIssuedAt(now - 7200).setExpirationTime(now + 365 * 86400).sign(key))).toBe(401);
  });

  it("refuses a token without iat when a maximum age is set, and admits a fresh one", async () => {
    expect(await ask(await base().setExpirationTime("5m").sign(key))).toBe(401);
    expect(await ask(await base().setIssuedAt().setExpirationTime("5m").sign(key))).toBe(200);
  });
});

describe("GraphQL over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("passes the graphql-http server audit with no errors (as an authenticated caller: its checks introspect)", async () => {
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${ADMIN_KEY}` } });
    const results = await auditServer({ url: server.url, fetchFn });
    const errors = results.filter((r) => r.status === "error");
    expect(errors.map((e) => `${e.name}: ${"reason" in e ? e.reason : ""}`)).toEqual([]);
    expect(results.filter((r) => r.status === "ok").length).toBeGreaterThan(20);
  });
});
