// OpenTelemetry traces end to end: an in-process OTLP/HTTP (JSON) receiver gets, for one
// submitCase sent with a W3C traceparent, spans of the caller's trace for the request, the
// operation, its SQL statements and the webhook delivery the case's event caused (carried through
// the outbox). No span holds the variables or personal data.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, propagation, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentIdOf } from "../src/http/trusted-documents.js";
import { createLogger } from "../src/logging/logger.js";
import { startTracing, type Tracing } from "../src/process/tracing.js";
import { CreatePartnerDocument, RegisterWebhookDocument, SubmitCaseDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ExportRequest {
  resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[];
}

const spans: OtlpSpan[] = [];
const collector: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/v1/traces" && String(req.headers["content-type"]).startsWith("application/json")) {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportRequest;
      for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
    }
    res.setHeader("content-type", "application/json");
    res.end("{}");
  });
});

const attr = (span: OtlpSpan, key: string): string | number | boolean | undefined => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  return value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.boolValue);
};

let tracing: Tracing | null = null;
const saved = { endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT, protocol: process.env.OTEL_EXPORTER_OTLP_PROTOCOL };

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL = "http/json";
  tracing = startTracing();
});

afterAll(async () => {
  await tracing?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved.endpoint;
  process.env.OTEL_EXPORTER_OTLP_PROTOCOL = saved.protocol;
  await new Promise((resolve) => collector.close(resolve));
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("registers no async-context manager: a trace is carried by hand, so nothing turns Node's promise hooks on for every promise", () => {
  // With AsyncLocalStorage as the context manager, the SDK's own export (context.with) would enable
  // promise hooks for the whole process: about 9 % of a read's CPU (bench/RESULTS.md).
  const span = trace.wrapSpanContext({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 });
  expect(context.with(trace.setSpan(ROOT_CONTEXT, span), () => context.active())).toBe(ROOT_CONTEXT);
});

describe.each(testTargets())("traces on %s", (kind) => {
  let server: TestServer;
  const logLines: string[] = [];
  const received: { traceparent: string | undefined }[] = [];
  const hook = createServer((req, res) => {
    received.push({ traceparent: req.headers.traceparent as string | undefined });
    req.resume();
    req.on("end", () => res.writeHead(204).end());
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    server = await startTestServer(kind, { logger: createLogger("info", { write: (line: string) => void logLines.push(line) }), config: { webhooks: { worker: true, timeoutMs: 2000, maxAttempts: 3, slaSweepSeconds: 0 } } });
    const admin = { token: ADMIN_KEY };
    expect((await server.request(CreatePartnerDocument, { input: { code: "TPA-T", name: "追踪服务商", services: ["SECOND_OPINION"] } }, admin)).data?.createPartner.userErrors).toEqual([]);
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    expect((await server.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-T", url, events: ["CASE_SUBMITTED"] } }, admin)).data?.registerWebhook.userErrors).toEqual([]);
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => hook.close(resolve));
  });

  it("continues the caller's trace through the request, the operation, its statements and the webhook delivery", async () => {
    const policyNo = `TR-${kind}-1`;
    await policyWithDiagnosis(server, policyNo);
    const traceId = kind === "pglite" ? "4bf92f3577b34da6a3ce929d0e0e4736" : "0af7651916cd43dd8448eb211c80319c";
    const callerSpan = "00f067aa0ba902b7";
    const secretReference = "referral-letter-of-张三";
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}`, traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({
        query: print(SubmitCaseDocument),
        variables: { input: { idempotencyKey: `${policyNo}-t`, policyNo, benefit: "SECOND_OPINION", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: secretReference }] } },
      }),
    });
    const body = (await response.json()) as { data?: { submitCase: { userErrors: unknown[] } } };
    expect(body.data?.submitCase.userErrors).toEqual([]);
    // answered back: the same trace, the server's request span
    const answered = response.headers.get("traceparent");
    expect(answered).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    await until("the webhook delivery", () => received.length > 0);
    // the receiver is told the trace too
    expect(received[0]!.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const ofTrace = await until("the delivery's span", async () => {
      await tracing!.flush();
      const mine = spans.filter((s) => s.traceId === traceId);
      return mine.some((s) => s.name === "webhook delivery") && mine.some((s) => s.name === "POST /graphql") ? mine : false;
    });

    const request = ofTrace.find((s) => s.name === "POST /graphql")!;
    expect(request.parentSpanId).toBe(callerSpan);
    expect(answered).toContain(request.spanId);
    expect(attr(request, "http.response.status_code")).toBe(200);

    const operation = ofTrace.find((s) => s.name === "mutation SubmitCase")!;
    expect(operation).toBeDefined();
    expect(operation.parentSpanId).toBe(request.spanId);
    expect(attr(operation, "graphql.operation.type")).toBe("mutation");
    expect(attr(operation, "graphql.operation.name")).toBe("SubmitCase");
    // the id a published document of this text has
    expect(attr(operation, "graphql.document.id")).toBe(documentIdOf(print(SubmitCaseDocument)));

    const statements = ofTrace.filter((s) => s.name.startsWith("sql "));
    const underOperation = statements.filter((s) => s.parentSpanId === operation.spanId);
    expect(underOperation.length).toBeGreaterThan(2);
    expect(underOperation.some((s) => /insert into "?service_case"?/i.test(String(attr(s, "db.query.text"))))).toBe(true);
    for (const s of statements) {
      expect(typeof attr(s, "db.query.text")).toBe("string");
      expect(s.attributes?.some((a) => a.key === "db.response.returned_rows")).toBe(true);
    }

    const delivery = ofTrace.find((s) => s.name === "webhook delivery")!;
    expect(attr(delivery, "hsg.webhook.event_type")).toBe("case.submitted");
    // the delivery continues the transaction that wrote the event (under the operation)
    const parent = ofTrace.find((s) => s.spanId === delivery.parentSpanId);
    expect(parent?.traceId).toBe(traceId);
    expect(ofTrace.some((s) => s.parentSpanId === delivery.spanId && s.name.startsWith("sql "))).toBe(true);

    // the request's log line carries the request id and the trace id
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "request" && l.traceId === traceId);
    expect(line?.requestId).toBe(attr(request, "hsg.request_id"));
    expect(typeof line?.requestId).toBe("string");

    // nothing of the variables: not the document reference, not the policy number
    const everything = JSON.stringify(spans);
    expect(everything).not.toContain(secretReference);
    expect(everything).not.toContain("张三");
    expect(everything).not.toContain(policyNo);
  });

  it("records nothing of a trace the caller did not sample: no span, no traceparent answered or kept, no trace id logged", async () => {
    const policyNo = `TR-${kind}-2`;
    await policyWithDiagnosis(server, policyNo);
    const traceId = kind === "pglite" ? "5bf92f3577b34da6a3ce929d0e0e4737" : "1af7651916cd43dd8448eb211c80319d";
    const deliveriesBefore = received.length;
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}`, traceparent: `00-${traceId}-00f067aa0ba902b7-00` },
      body: JSON.stringify({
        query: print(SubmitCaseDocument),
        variables: { input: { idempotencyKey: `${policyNo}-u`, policyNo, benefit: "SECOND_OPINION", applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
      }),
    });
    const body = (await response.json()) as { data?: { submitCase: { userErrors: unknown[] } } };
    expect(body.data?.submitCase.userErrors).toEqual([]);
    expect(response.headers.get("traceparent")).toBeNull();
    const requestId = response.headers.get("x-request-id");

    // the event's delivery starts a trace of its own (the outbox kept no traceparent)
    await until("the webhook delivery", () => received.length > deliveriesBefore);
    expect(received[deliveriesBefore]!.traceparent).not.toContain(traceId);
    await tracing!.flush();
    expect(spans.filter((s) => s.traceId === traceId)).toEqual([]);
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "request" && l.requestId === requestId);
    expect(line).toBeDefined();
    expect(line?.traceId).toBeUndefined();
  });
});
