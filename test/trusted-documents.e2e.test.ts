// Trusted documents: the first-party clients' operations, published with their ids by codegen, run
// by id; GRAPHQL_TRUSTED_DOCUMENTS=require keeps front ends to them.
import { readFileSync } from "node:fs";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../clients/graphql-client.js";
import * as sdk from "../clients/sdk/graphql.js";
import { documentIdOf } from "../src/http/trusted-documents.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const store = JSON.parse(readFileSync(new URL("../clients/sdk/persisted-documents.json", import.meta.url), "utf8")) as Record<string, string>;
const catalogueId = (sdk.CatalogueDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const code = (json: unknown) => (json as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? "OK";

describe("the published documents", () => {
  it("are every operation of the SDK, each under the sha256 of its text", () => {
    const documents = Object.entries(sdk).filter(([name]) => name.endsWith("Document")) as [string, { __meta__?: { hash: string } }][];
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, document] of documents) expect(store[document.__meta__!.hash], name).toBeDefined();
    for (const [id, text] of Object.entries(store)) expect(documentIdOf(text)).toBe(id);
  });
});

describe.each([
  ["allow", { "by id": "OK", "unknown id": "PERSISTED_DOCUMENT_NOT_FOUND", "id and text": "DOCUMENT_ID_WITH_QUERY", "ad-hoc, anonymous": "OK", "ad-hoc, admin": "OK", "published text, anonymous": "OK", "by id, GET": "OK" }],
  ["require", { "by id": "OK", "unknown id": "PERSISTED_DOCUMENT_NOT_FOUND", "id and text": "DOCUMENT_ID_WITH_QUERY", "ad-hoc, anonymous": "TRUSTED_DOCUMENT_REQUIRED", "ad-hoc, admin": "OK", "published text, anonymous": "OK", "by id, GET": "OK" }],
  ["off", { "by id": "PERSISTED_DOCUMENTS_OFF", "unknown id": "PERSISTED_DOCUMENTS_OFF", "id and text": "DOCUMENT_ID_WITH_QUERY", "ad-hoc, anonymous": "OK", "ad-hoc, admin": "OK", "published text, anonymous": "OK", "by id, GET": "PERSISTED_DOCUMENTS_OFF" }],
] as const)("GRAPHQL_TRUSTED_DOCUMENTS=%s", (mode, expected) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { trustedDocuments: { mode, file: null } } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(Object.entries(expected))("%s: %s", async (request, outcome) => {
    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    const send: Record<string, () => Promise<unknown>> = {
      "by id": async () => (await server.post(JSON.stringify({ documentId: catalogueId }))).json,
      "unknown id": async () => (await server.post(JSON.stringify({ documentId: `sha256:${"0".repeat(64)}` }))).json,
      "id and text": async () => (await server.post(JSON.stringify({ documentId: catalogueId, query: "{ services { code } }" }))).json,
      "ad-hoc, anonymous": async () => (await server.post(JSON.stringify({ query: "{ services { code } }" }))).json,
      "ad-hoc, admin": async () => (await server.post(JSON.stringify({ query: "{ services { code } }" }), admin)).json,
      "published text, anonymous": async () => (await server.post(JSON.stringify({ query: store[catalogueId] }))).json,
      "by id, GET": async () =>
        (await fetch(`${server.url}?documentId=${encodeURIComponent(catalogueId)}`, { headers: { "apollo-require-preflight": "1" } })).json(),
    };
    const json = await send[request]!();
    expect(code(json)).toBe(outcome);
    if (outcome === "OK") expect((json as { data: { services: unknown[] } }).data.services).toHaveLength(7);
  });

  if (mode !== "off") {
    it("the SDK sends ids, and gets the same answer as by text", async () => {
      const byId = await createClient(server.url)(sdk.CatalogueDocument);
      const byText = await createClient(server.url, ADMIN_KEY, { documentIds: false })(sdk.CatalogueDocument);
      expect(byId).toEqual(byText);
      expect(print(sdk.CatalogueDocument)).toContain("services");
    });
  }
});
