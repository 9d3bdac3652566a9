// Issue #28, row 12: the analyst's CSV export writes text a spreadsheet would compute as text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cell } from "../src/http/routes/exports.js";
import { CreatePartnerDocument, IssueApiKeyDocument, SubmitCaseDocument } from "./generated/graphql.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("a CSV cell", () => {
  it.each([
    ["-2-1", "'-2-1"],
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1", "'+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["TPA-1", "TPA-1"],
    ["a,b", '"a,b"'],
  ])("%j → %j", (value, written) => {
    expect(cell(value)).toBe(written);
  });

  it("writes numbers as they are, negative ones too", () => {
    expect(cell(-3)).toBe("-3");
    expect(cell(0.5)).toBe("0.5");
    expect(cell(null)).toBe("");
  });
});

describe("the export over HTTP", () => {
  let server: TestServer;
  let analyst = "";
  beforeAll(async () => {
    server = await startTestServer("pglite");
    const admin = { token: ADMIN_KEY };
    await policyWithDiagnosis(server, "CSV-1");
    await server.request(CreatePartnerDocument, { input: { code: "-2-1", name: "公式", services: ["GREEN_CHANNEL"] } }, admin);
    const partner = await server.request(IssueApiKeyDocument, { input: { label: "p", role: "PARTNER", partnerCode: "-2-1" } }, admin);
    const submitted = await server.request(
      SubmitCaseDocument,
      { input: { idempotencyKey: "csv-1", policyNo: "CSV-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海" } },
      { token: partner.data!.issueApiKey.apiKey! },
    );
    expect(submitted.data?.submitCase.userErrors).toEqual([]);
    analyst = (await server.request(IssueApiKeyDocument, { input: { label: "bi", role: "ANALYST" } }, admin)).data!.issueApiKey.apiKey!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("writes the partner code -2-1 as text", async () => {
    const response = await fetch(server.url.replace("/graphql", "/exports/case-metrics.csv?groupBy=PARTNER"), { headers: { authorization: `Bearer ${analyst}` } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).split("\r\n");
    expect(lines.some((line) => line.split(",")[6] === "'-2-1")).toBe(true);
    expect(lines.some((line) => line.split(",")[6] === "-2-1")).toBe(false);
  });
});
