// The example partner script, run against a live server with a partner key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkGreenChannelCase } from "../examples/partner-case.js";
import { CreatePartnerDocument, IssueApiKeyDocument } from "./generated/graphql.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("examples/partner-case.ts", () => {
  let server: TestServer;
  let key = "";
  beforeAll(async () => {
    server = await startTestServer("pglite");
    await policyWithDiagnosis(server, "EX-1");
    await server.request(CreatePartnerDocument, { input: { code: "TPA-EX", name: "示例服务商", services: ["GREEN_CHANNEL"] } }, { token: ADMIN_KEY });
    key = (await server.request(IssueApiKeyDocument, { input: { label: "example", role: "PARTNER", partnerCode: "TPA-EX" } }, { token: ADMIN_KEY })).data!.issueApiKey.apiKey!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("walks a green-channel case to COMPLETED and meets its SLA", async () => {
    const lines: string[] = [];
    const result = await walkGreenChannelCase(server.url, key, "EX-1", (line) => lines.push(line));
    expect(result.status).toBe("COMPLETED");
    expect(result.sla.map((s) => [s.milestone, s.state])).toEqual([["APPOINTMENT_ARRANGED", "MET"]]);
    expect(result.events.map((e) => e.action)).toEqual(["SUBMIT", "DOCUMENTS_COMPLETED", "START_REVIEW", "APPROVE", "SCHEDULE", "START", "COMPLETE"]);
    expect(lines).toHaveLength(7);
  });
});
