// Issue #28, row 7: the lists a caller can grow are bounded (documents per call and per case), and
// the cost guard counts an unpaginated list by its bound. Over HTTP with an insured's key, as in
// the issue's repro.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationCost } from "../src/http/guards.js";
import { MAX_DOCUMENTS_PER_CALL, MAX_DOCUMENTS_PER_CASE } from "../src/rules/shared/list-bounds.js";
import { IssueApiKeyDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("the cost of an unpaginated list", () => {
  it("counts documents by their bound", () => {
    const one = operationCost(parse('{ serviceCase(caseNo: "x") { documents { kind reference } } }'), null, {});
    expect(one).toBe(1 + 1 + MAX_DOCUMENTS_PER_CASE * 2);
    const page = operationCost(parse("{ serviceCases(first: 100) { edges { node { documents { kind reference receivedAt } } } } }"), null, {});
    expect(page).toBeGreaterThan(20_000);
  });
});

describe.each(testTargets())("bounds on documents (%s)", (kind) => {
  let server: TestServer;
  let insured = "";
  let caseId = "";
  const gql = async (query: string, variables: Record<string, unknown> = {}, token = insured) => {
    const answer = await server.post(JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
    return { status: answer.status, ...(answer.json as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] }) };
  };
  const ADD = `mutation ($input: AddCaseDocumentsInput!) { addCaseDocuments(input: $input) { serviceCase { id } userErrors { code field } } }`;
  const docs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ kind: "ADMISSION_NOTICE", reference: `${tag}${i}` }));

  beforeAll(async () => {
    server = await startTestServer(kind);
    await policyWithDiagnosis(server, "LB-1");
    const issued = await server.request(IssueApiKeyDocument, { input: { label: "insured", role: "INSURED", policyNos: ["LB-1"] } }, { token: ADMIN_KEY });
    insured = issued.data!.issueApiKey.apiKey!;
    const submitted = await gql(
      `mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { serviceCase { id } userErrors { code } } }`,
      { input: { idempotencyKey: "lb-1", policyNo: "LB-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海" } },
    );
    caseId = submitted.data!.submitCase.serviceCase.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([13_000, 15_000])("refuses %i documents in one call with a userError, not a 500", async (count) => {
    const answer = await gql(ADD, { input: { caseId, documents: docs(count, "x") } });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.addCaseDocuments.userErrors).toEqual([{ code: "TOO_MANY_DOCUMENTS", field: ["input", "documents"] }]);
  });

  it("refuses the same at submission", async () => {
    const answer = await gql(`mutation ($input: SubmitCaseInput!) { submitCase(input: $input) { serviceCase { id } userErrors { code } } }`, {
      input: { idempotencyKey: "lb-2", policyNo: "LB-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海", documents: docs(MAX_DOCUMENTS_PER_CALL + 1, "s") },
    });
    expect(answer.data?.submitCase.userErrors).toEqual([{ code: "TOO_MANY_DOCUMENTS" }]);
  });

  it("fills a case up to its bound, then refuses more and writes nothing", async () => {
    for (let i = 0; i < MAX_DOCUMENTS_PER_CASE / MAX_DOCUMENTS_PER_CALL; i++) {
      const answer = await gql(ADD, { input: { caseId, documents: docs(MAX_DOCUMENTS_PER_CALL, `b${i}-`) } });
      expect(answer.data?.addCaseDocuments.userErrors).toEqual([]);
    }
    const over = await gql(ADD, { input: { caseId, documents: docs(1, "over") } });
    expect(over.data?.addCaseDocuments.userErrors).toEqual([{ code: "TOO_MANY_DOCUMENTS", field: ["input", "documents"] }]);
    const read = await gql(`query ($id: ID!) { node(id: $id) { ... on ServiceCase { documents { reference } } } }`, { id: caseId });
    expect(read.data?.node.documents).toHaveLength(MAX_DOCUMENTS_PER_CASE);
  });

  it("prices a page of cases with their documents by the bound: refused before it runs", async () => {
    const answer = await gql("{ serviceCases(first: 100) { edges { node { documents { kind reference receivedAt } } } } }");
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("TOO_COMPLEX");
  });
});
