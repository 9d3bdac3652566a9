// How the HTTP front answers broken, hostile and unauthenticated requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViewerDocument } from "./generated/graphql.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("HTTP front", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { production: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ["body that is not JSON", "{not json", 400, "not valid JSON"],
    ["empty body", "", 400, "empty"],
    ["no query", "{}", 400, "body"],
    ["a syntax error", JSON.stringify({ query: "{ services { code " }), 400, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", JSON.stringify({ query: "{ services { price } }" }), 400, "GRAPHQL_VALIDATION_FAILED"],
    ["variables of the wrong type", JSON.stringify({ query: "query($c: ServiceCode!) { service(code: $c) { code } }", variables: { c: 5 } }), 400, "BAD_USER_INPUT"],
  ])("answers %s with a clear 400", async (_name, body, status, text) => {
    const response = await server.post(body);
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.json)).toContain(text);
    expect(JSON.stringify(response.json)).not.toContain("stacktrace");
  });

  it("refuses a wrong content type with 415", async () => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{ services { code } }" });
    expect(response.status).toBe(415);
  });

  it("refuses a body over the size limit with 413", async () => {
    const response = await server.post(JSON.stringify({ query: `{ services { code } } #${"x".repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
  });

  it("answers an unknown bearer token with 401 and a challenge", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer nope" },
      body: JSON.stringify({ query: "{ services { code } }" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("tells an anonymous caller that viewer needs authentication", async () => {
    const { data, errors } = await server.request(ViewerDocument);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("knows the bootstrap admin key", async () => {
    const { data, errors } = await server.request(ViewerDocument, {}, { token: ADMIN_KEY });
    expect(errors).toBeUndefined();
    expect(data?.viewer).toEqual({ role: "ADMIN", partner: null });
  });

  it("serves /healthz and a JSON 404 elsewhere, each with a request id", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("x-request-id")).toBeTruthy();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    const missing = await fetch(`${base}/nothing`);
    expect(missing.status).toBe(404);
  });

  it("exposes Prometheus metrics: durations by operation, errors by code", async () => {
    await server.post(JSON.stringify({ query: "query Catalogue { services { code } }" }));
    await server.request(ViewerDocument);
    const text = await (await fetch(server.url.replace(/\/graphql$/, "/metrics"))).text();
    expect(text).toMatch(/hsg_graphql_request_duration_seconds_count\{operation="Catalogue",type="query"\} [1-9]/);
    expect(text).toMatch(/hsg_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toContain("hsg_process_cpu_seconds_total");
    expect(text).toContain('hsg_db_pool_max_connections{pool="primary"} 1');
    expect(text).toMatch(/hsg_db_statements_total [1-9]/);
  });

  it("blocks simple cross-site GETs (CSRF prevention)", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent("{ services { code } }")}`);
    expect(response.status).toBe(400);
  });
});

describe("GraphiQL, offline", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves the page at GET /graphql for a browser, with every asset from this server", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(["/graphiql/graphiql.min.css", "/graphiql/react.production.min.js", "/graphiql/react-dom.production.min.js", "/graphiql/graphiql.min.js"]);
    // No address but this machine: the webhook example points at the local receiver.
    expect(html.match(/https?:\/\/[^\s"'\\]+/g)).toEqual(["http://127.0.0.1:8787/"]);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, server.url));
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(5_000);
    }
    expect(html).toContain("caseMetrics");
    expect(html).toContain("submitCase");
  });

  it("serves nothing else from disk", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    for (const path of ["/graphiql/../package.json", "/graphiql/%2e%2e%2fpackage.json", "/graphiql/graphiql.js"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });
});
