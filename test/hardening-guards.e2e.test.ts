// Issue #28, rows 1–3 and 9: documents built to cost the server time, sent over HTTP as an
// attacker would, each refused within a time bound; and introspection wherever it hides.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureDocument, operationCost } from "../src/http/guards.js";
import { IssueApiKeyDocument } from "./generated/graphql.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

/** `fragment Fi { ...Fi+1 ...Fi+1 }`, `levels` deep: 2^levels fields written out. */
const doublingFragments = (levels: number) => {
  const parts = ["{ ...F0 }"];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Query { handbook { edition } }`);
  return parts.join(" ");
};

/** 40 fragments each four fields deeper than the last: 161 levels once written out. */
const chainedFragments = (count: number) => {
  const parts = [`{ policy(policyNo: "X") { ...C0 } }`];
  for (let i = 0; i < count; i++) parts.push(`fragment C${i} on Policy { cases(first: 1) { edges { node { policy { ...C${i + 1} } } } } }`);
  parts.push(`fragment C${count} on Policy { policyNo }`);
  return parts.join(" ");
};

const repeated = (times: number, salt: string) => `{${"handbook{edition}".repeat(times)}}#${salt}`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

describe("guards measured in one walk", () => {
  it("costs 40 doubling fragment levels without walking 2^40 spreads", () => {
    const document = parse(doublingFragments(40));
    const started = performance.now();
    const cost = operationCost(document, null, {});
    const shape = measureDocument(document);
    expect(performance.now() - started).toBeLessThan(50);
    // every spread still counts: 2^40 copies of `handbook { edition }`
    expect(cost).toBe(2 ** 40 * 2);
    expect(shape.fields).toBe(2 ** 40 * 2);
  });

  it("measures depth through fragment chains", () => {
    expect(measureDocument(parse(chainedFragments(40))).depth).toBe(162);
    expect(measureDocument(parse("{ ... on Query { handbook { edition } } }")).depth).toBe(2);
  });

  it("finds introspection in inline fragments, fragments and deep selections", () => {
    for (const text of [
      "{ ... on Query { __schema { queryType { name } } } }",
      "{ ...I } fragment I on Query { __type(name: \"Query\") { name } }",
      "{ handbook { edition } ... on Query { ... on Query { __schema { types { name } } } } }",
    ]) {
      expect(measureDocument(parse(text)).introspects).toBe(true);
    }
    expect(measureDocument(parse("{ handbook { __typename edition } }")).introspects).toBe(false);
  });
});

describe("adversarial documents over HTTP", () => {
  let server: TestServer;
  let operator = "";
  beforeAll(async () => {
    server = await startTestServer("pglite", { production: true });
    const issued = await server.request(IssueApiKeyDocument, { input: { label: "operator", role: "OPERATOR" } }, { token: ADMIN_KEY });
    operator = issued.data!.issueApiKey.apiKey!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const send = (query: string, token?: string) =>
    server.post(JSON.stringify({ query }), token ? { authorization: `Bearer ${token}` } : {}) as Promise<{
      status: number;
      json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    }>;

  it("row 1: refuses 23 (and 40) levels of doubling fragments at once, and /healthz is not kept waiting", async () => {
    for (const levels of [23, 40]) {
      const { ms, value } = await timed(() => send(doublingFragments(levels)));
      expect(value.status).toBe(400);
      expect(value.json.errors?.[0]?.extensions?.code).toBe("TOO_COMPLEX");
      expect(ms).toBeLessThan(500);
    }
    const health = await timed(() => fetch(server.url.replace("/graphql", "/healthz")));
    expect(health.value.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
  });

  it("row 2: refuses 1,240 repeated fields before validation, each distinct copy quickly", async () => {
    const { ms, value } = await timed(async () => {
      const answers = [];
      // a trailing comment makes each copy a new document for every cache
      for (let i = 0; i < 5; i++) answers.push(await send(repeated(1240, `copy ${i}`)));
      return answers;
    });
    for (const answer of value) {
      expect(answer.status).toBe(400);
      expect(answer.json.errors?.[0]?.extensions).toMatchObject({ code: "TOO_COMPLEX", maxSelectionFields: 100 });
    }
    expect(ms).toBeLessThan(1000);
  });

  it("row 2: counts the fields fragments bring into one selection set", async () => {
    const half = "handbook { edition } ".repeat(60);
    const answer = await send(`{ ...A ...B } fragment A on Query { ${half} } fragment B on Query { ${half} }`);
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0]?.extensions?.code).toBe("TOO_COMPLEX");
  });

  it("row 2: the largest document the limits let through validates quickly", async () => {
    // 10 same-named fields, each holding 99 same-named fields: the most pairs validation compares
    const inner = "edition ".repeat(99);
    const text = `{ ${`handbook { ${inner}} `.repeat(10)}}`;
    const { ms, value } = await timed(() => send(text));
    expect(value.status).toBe(200);
    expect(ms).toBeLessThan(1000);
  });

  it("row 2: refuses a document longer than the character limit", async () => {
    const answer = await send(`{ handbook { edition } } #${"x".repeat(60_000)}`);
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0]?.extensions).toMatchObject({ code: "TOO_COMPLEX", maxDocumentChars: 50_000 });
  });

  it("row 3: refuses depth reached through 40 chained fragments, as when written out", async () => {
    const { ms, value } = await timed(() => send(chainedFragments(40), operator));
    expect(value.status).toBe(400);
    expect(value.json.errors?.[0]?.message).toContain("nested 162 deep");
    expect(ms).toBeLessThan(500);
    const three = await send(chainedFragments(3), operator);
    expect(three.status).toBe(400);
    const two = await send(chainedFragments(2), operator);
    expect(two.json.errors ?? []).toEqual([]);
  });

  it("row 3: refuses depth through fragments in a batch as well", async () => {
    const answer = await server.post(JSON.stringify([{ query: "{ handbook { edition } }" }, { query: chainedFragments(40) }]), { authorization: `Bearer ${operator}` });
    expect(answer.status).toBe(400);
  });

  it("row 11: a NUL character or an unpaired surrogate in a variable is a 400, not a 500", async () => {
    for (const name of ["a\u0000b", "a\ud800b", "\udc00"]) {
      const answer = await server.post(
        JSON.stringify({ query: "mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { userErrors { code } } }", variables: { input: { code: "TPA-NUL", name, services: ["GREEN_CHANNEL"] } } }),
        { authorization: `Bearer ${ADMIN_KEY}` },
      );
      expect(answer.status).toBe(400);
      expect((answer.json as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const written = await send('{ partner: viewer { role } }', ADMIN_KEY);
    expect(written.status).toBe(200);
  });

  it.each([
    ["an inline fragment", "{ ... on Query { __schema { types { name } } } }"],
    ["a fragment spread", "{ ...I } fragment I on Query { __schema { types { name } } }"],
    ["__type in a nested inline fragment", '{ handbook { edition } ... on Query { ... on Query { __type(name: "Query") { fields { name } } } } }'],
  ])("row 9: refuses anonymous introspection through %s", async (_name, text) => {
    const answer = await send(text);
    expect(answer.status).toBe(403);
    expect(answer.json.data ?? null).toBeNull();
  });
});

describe("introspection off", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", {
      production: true,
      config: { guards: { maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 20000, introspection: "off" } },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("row 9: refuses the admin too, through a fragment", async () => {
    const answer = await server.post(JSON.stringify({ query: "{ ... on Query { __schema { queryType { name } } } }" }), { authorization: `Bearer ${ADMIN_KEY}` });
    expect(answer.status).toBe(403);
  });
});
