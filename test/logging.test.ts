// Logs: one JSON line per request with its request id; personal data never reaches them, in JSON
// or in the lines for a person (a terminal, or LOG_FORMAT=pretty).
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, createProcessLogger } from "../src/logging/logger.js";
import { formatLine } from "../src/logging/pretty.js";
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
    const pretty = lines.map((l) => formatLine(l)).join("");
    for (const text of [lines.join("\n"), pretty]) {
      expect(text).not.toContain(id);
      expect(text).not.toContain("13912345678");
      expect(text).not.toContain("日志测试");
      expect(text).not.toContain(ADMIN_KEY);
    }
    expect(pretty).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  request .*requestId=req-log-1/m);
    const requests = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; status?: number }).filter((l) => l.msg === "request");
    expect(requests.find((l) => l.requestId === "req-log-1")?.status).toBe(200);
    expect(requests.every((l) => typeof l.requestId === "string" && /^[\w.-]+$/.test(l.requestId))).toBe(true);
  });

  it("write the request line with its fixed fields only: never a query string, which a GET's variables travel in", async () => {
    // The request line is written without the redaction of the other lines (src/http/app.ts): what
    // keeps personal data out of it is that it has these fields and no others.
    const search = new URLSearchParams({ query: "query($p: String!) { policy(policyNo: $p) { policyNo } }", variables: JSON.stringify({ p: "13912345678" }) });
    await fetch(`${server.url}?${search}`, { headers: { authorization: `Bearer ${ADMIN_KEY}`, "x-request-id": "req-log-get", "apollo-require-preflight": "1" } });
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "request" && l.requestId === "req-log-get");
    expect(line).toBeDefined();
    expect(Object.keys(line!).sort()).toEqual(["level", "method", "ms", "msg", "path", "requestId", "service", "status", "time"]);
    expect(line!.path).toBe(new URL(server.url).pathname);
    expect(JSON.stringify(line)).not.toContain("13912345678");
  });
});

describe("log format", () => {
  function fakeStdout(isTTY: boolean) {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  }

  it.each([
    ["a terminal, LOG_FORMAT unset: lines for a person", "auto", true, "pretty"],
    ["a pipe, LOG_FORMAT unset: JSON", "auto", false, "json"],
    ["a terminal, LOG_FORMAT=json: JSON", "json", true, "json"],
    ["a pipe, LOG_FORMAT=pretty: lines for a person", "pretty", false, "pretty"],
  ] as const)("%s", (_name, format, isTTY, expected) => {
    const out = fakeStdout(isTTY);
    const logger = createProcessLogger("info", format, out.stream);
    logger.info({ port: 4000, input: { idNumber: "110105194912310021", name: "张三" } }, "serving");
    logger.flush();
    const text = out.written.join("").replace(/\u001b\[\d+m/g, "");
    if (expected === "json") {
      expect(JSON.parse(text)).toMatchObject({ msg: "serving", port: 4000, input: { idNumber: "[redacted]", name: "[redacted]" } });
    } else {
      expect(() => JSON.parse(text)).toThrow();
      expect(text).toMatch(/INFO +serving +port=4000 input=/);
      expect(text).toContain('"idNumber":"[redacted]"');
    }
    expect(text).not.toContain("110105194912310021");
    expect(text).not.toContain("张三");
  });

  it("shows a list of lines one per line, and passes on a line that is not JSON", () => {
    const line = JSON.stringify({ level: 30, time: "2026-12-02T08:00:00.000Z", msg: "serving", demoKeys: ["PARTNER  demo-partner-key-0001", "ANALYST  demo-analyst-key-0001"] });
    expect(formatLine(line)).toBe("08:00:00.000 INFO  serving\n    demoKeys:\n      PARTNER  demo-partner-key-0001\n      ANALYST  demo-analyst-key-0001\n");
    expect(formatLine("not json")).toBe("not json\n");
  });
});
