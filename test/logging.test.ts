// Logs: one JSON line per request with its request id; personal data never reaches them.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logging/logger.js";
import { UpsertPolicyDocument } from "./generated/graphql.js";
import { idNumber } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("logs", () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    server = await startTestServer("pglite", { logger: createLogger("info", sink) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("never carry an ID number or phone, and every request line carries its request id", async () => {
    const id = idNumber("19770707");
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}`, "x-request-id": "req-log-1" },
      body: JSON.stringify({
        query: (await import("graphql")).print(UpsertPolicyDocument),
        variables: { input: { policyNo: "LOG-1", status: "ACTIVE", effectiveFrom: "2026-01-01", effectiveTo: "2026-12-31", waitingPeriodEndsOn: "2026-03-31", hasSocialInsurance: true, insured: { name: "日志测试", idNumber: id, phone: "13912345678" } } },
      }),
    });
    expect(response.headers.get("x-request-id")).toBe("req-log-1");
    await server.post(JSON.stringify({ query: "{ services { code } }" }), { "x-request-id": "bad id with spaces\n" });
    const text = lines.join("\n");
    expect(text).not.toContain(id);
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("日志测试");
    const requests = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; status?: number }).filter((l) => l.msg === "request");
    expect(requests.find((l) => l.requestId === "req-log-1")?.status).toBe(200);
    expect(requests.every((l) => typeof l.requestId === "string" && /^[\w.-]+$/.test(l.requestId))).toBe(true);
  });
});
