// Partner webhooks end to end, with real HTTP receivers on loopback: the outbox written with the
// change, signed deliveries in order, retries with backoff, timeouts, a worker dying mid-delivery,
// redelivery, the SLA sweep, and who may see what.
import { targetPolicy, type TargetPolicy } from "../src/security/webhook-target.js";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import { verifySignature } from "../src/webhooks/signature.js";
import { startWebhookWorker } from "../src/webhooks/worker.js";
import { createLogger } from "../src/logging/logger.js";
import { fixedClock } from "../src/context/clock.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { DEVELOPMENT_PII_KEY } from "../src/config/config.js";
import {
  CreatePartnerDocument,
  DisableWebhookDocument,
  IssueApiKeyDocument,
  RedeliverWebhookDocument,
  RegisterWebhookDocument,
  SubmitCaseDocument,
  TransitionCaseDocument,
  WebhookDeliveriesDocument,
  WebhooksDocument,
  type WebhookEvent,
} from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const admin = { token: ADMIN_KEY };
const ALL: WebhookEvent[] = ["CASE_SUBMITTED", "CASE_STATUS_CHANGED", "CASE_DOCUMENTS_ADDED", "CASE_UPDATED", "CASE_SLA_DUE_SOON", "CASE_SLA_BREACHED"];

interface Received {
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly signature: string | undefined;
  readonly headers: IncomingMessage["headers"];
}

/** A receiver whose answer to each request is decided by `respond` (status, or a delay in ms first). */
async function receiver(respond: (n: number) => { status: number; delayMs?: number }): Promise<{ url: string; received: Received[]; server: Server; close(): Promise<void> }> {
  const received: Received[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const answer = respond(++n);
      received.push({ body: JSON.parse(raw) as Record<string, unknown>, raw, signature: req.headers["x-hsg-signature"] as string | undefined, headers: req.headers });
      const reply = () => {
        if (!res.destroyed) {
          res.statusCode = answer.status;
          res.end("ok");
        }
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The receivers here listen on this machine: the development allow-list lets loopback through. */
const LOOPBACK = ["127.0.0.0/8", "::1"];
const loopbackTargets = targetPolicy(LOOPBACK) as TargetPolicy;

describe.each(testTargets())("webhooks on %s", (kind) => {
  let server: TestServer;
  let policy = 0;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // A receiver on a loaded machine can be slow to answer: a short timeout would retry healthy
    // deliveries (at least once, by design) and the "once" assertions would see duplicates.
    server = await startTestServer(kind, { config: { webhooks: { worker: true, timeoutMs: 1000, maxAttempts: 5, slaSweepSeconds: 0, allowedNetworks: LOOPBACK } } });
    const partner = await server.request(CreatePartnerDocument, { input: { code: "TPA-A", name: "甲服务商", services: ["SECOND_OPINION", "FAMILY_DOCTOR", "GREEN_CHANNEL"] } }, admin);
    expect(partner.data?.createPartner.userErrors).toEqual([]);
    await server.request(CreatePartnerDocument, { input: { code: "TPA-B", name: "乙服务商", services: ["MDT"] } }, admin);
  });
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const register = async (url: string, partnerCode = "TPA-A", events: WebhookEvent[] = ALL) => {
    const r = await server.request(RegisterWebhookDocument, { input: { partnerCode, url, events } }, admin);
    expect(r.data?.registerWebhook.userErrors).toEqual([]);
    closers.push(async () => {
      await server.request(DisableWebhookDocument, { id: r.data!.registerWebhook.webhook!.id }, admin);
    });
    return r.data!.registerWebhook;
  };
  const newPolicy = async () => {
    const no = `WH-${kind}-${++policy}`;
    await policyWithDiagnosis(server, no);
    return no;
  };
  const submit = async (policyNo: string, benefit: "SECOND_OPINION" | "FAMILY_DOCTOR" | "MDT_CONSULTATION" = "SECOND_OPINION") => {
    const r = await server.request(
      SubmitCaseDocument,
      { input: { idempotencyKey: `${policyNo}-${benefit}`, policyNo, benefit, applicant: "INSURED", documents: [{ kind: "OUTPATIENT_RECORD", reference: "r" }] } },
      admin,
    );
    expect(r.data?.submitCase.userErrors).toEqual([]);
    return r.data!.submitCase.serviceCase!;
  };
  const move = async (c: { id: string; version: number }, action: "START_REVIEW" | "APPROVE" | "REJECT", expectedVersion = c.version) =>
    server.request(TransitionCaseDocument, { input: { caseId: c.id, action, expectedVersion } }, admin);

  it("sends a healthy receiver every event of a case once, in order, signed, without personal data", async () => {
    const hook = await receiver(() => ({ status: 204 }));
    closers.push(hook.close);
    const { secret } = await register(hook.url);
    const c = await submit(await newPolicy());
    const reviewed = await move(c, "START_REVIEW");
    await move(reviewed.data!.transitionCase.serviceCase!, "APPROVE");
    await until("three deliveries", () => hook.received.length >= 3);
    await new Promise((r) => setTimeout(r, 150));
    expect(hook.received).toHaveLength(3);
    expect(hook.received.map((r) => [r.body.type, r.body.statusFrom, r.body.statusTo, r.body.version])).toEqual([
      ["case.submitted", null, "SUBMITTED", 1],
      ["case.status_changed", "SUBMITTED", "UNDER_REVIEW", 2],
      ["case.status_changed", "UNDER_REVIEW", "APPROVED", 3],
    ]);
    // Where the case stands in its service's workflow after each change.
    expect(hook.received.map((r) => [r.body.stage, r.body.step])).toEqual([
      ["SUBMITTED", 2],
      ["UNDER_REVIEW", 3],
      ["APPROVED", 4],
    ]);
    const now = Math.floor(Date.now() / 1000);
    for (const r of hook.received) {
      expect(r.body.caseNo).toBe(c.caseNo);
      expect(r.body.service).toBe("SECOND_OPINION");
      expect(r.headers["x-hsg-event-id"]).toBe(r.body.eventId);
      expect(verifySignature(secret!, r.raw, r.signature, now)).toBe(true);
      expect(verifySignature("whsec_wrong", r.raw, r.signature, now)).toBe(false);
      expect(verifySignature(secret!, r.raw.replace("SECOND_OPINION", "MDT"), r.signature, now)).toBe(false);
      expect(r.raw).not.toMatch(/案件测试|310104|policyNo|idNumber|phone|name/);
    }
    expect(new Set(hook.received.map((r) => r.body.eventId)).size).toBe(3);
    if (kind === "postgres") {
      // On PostgreSQL the deliveries were driven by graphile-worker's queue in the database.
      const tasks = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from graphile_worker._private_tasks where identifier = 'webhooks:deliver'`);
      expect(tasks[0]!.n).toBe(1);
    }
  });

  it("writes nothing to the outbox when the change is refused, and only for partners' services", async () => {
    const count = async () => (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from outbox_event`))[0]!.n;
    const c = await submit(await newPolicy());
    const before = await count();
    const stale = await move(c, "START_REVIEW", c.version + 5);
    expect(stale.data?.transitionCase.userErrors.map((e) => e.code)).toEqual(["STALE_VERSION"]);
    expect(await count()).toBe(before);
    // Nobody serves the inpatient advance here: its events are not partner business.
    const events = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from outbox_event where service_code = 'INPATIENT_ADVANCE'`);
    expect(events[0]!.n).toBe(0);
    const caseEvents = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from case_event e join service_case c on c.id = e.case_id where c.service_code = 'SECOND_OPINION'`);
    const outbox = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from outbox_event where service_code = 'SECOND_OPINION' and sla_due_on is null`);
    expect(outbox[0]!.n).toBe(caseEvents[0]!.n);
  });

  it("retries a receiver that fails three times and delivers on the fourth attempt, keeping later events behind it", async () => {
    const hook = await receiver((n) => ({ status: n <= 3 ? 503 : 200 }));
    closers.push(hook.close);
    const { webhook } = await register(hook.url);
    const c = await submit(await newPolicy());
    await move(c, "START_REVIEW");
    await until("both events delivered", () => hook.received.filter((r) => r.body.type === "case.status_changed").length === 1 && hook.received.length >= 5);
    const types = hook.received.map((r) => r.body.type);
    expect(types).toEqual(["case.submitted", "case.submitted", "case.submitted", "case.submitted", "case.status_changed"]);
    expect(new Set(hook.received.slice(0, 4).map((r) => r.body.eventId)).size).toBe(1);
    const deliveries = await until("delivered", async () => {
      const r = await server.request(WebhookDeliveriesDocument, { filter: { webhookId: webhook!.id, caseNo: c.caseNo } }, admin);
      const edges = r.data!.webhookDeliveries.edges;
      return edges.every((e) => e.node.status === "DELIVERED") && edges;
    });
    const first = deliveries.find((e) => e.node.eventType === "case.submitted")!.node;
    expect(first.attempts).toBe(4);
    expect(first.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 503, 200]);
    expect(first.attemptLog.slice(0, 3).every((a) => a.error === "HTTP 503")).toBe(true);
  });

  it("times out a slow receiver and tries again", async () => {
    const hook = await receiver((n) => (n === 1 ? { status: 200, delayMs: 3000 } : { status: 200 }));
    closers.push(hook.close);
    const { webhook } = await register(hook.url);
    const c = await submit(await newPolicy());
    const delivered = await until("delivered after a timeout", async () => {
      const r = await server.request(WebhookDeliveriesDocument, { filter: { webhookId: webhook!.id, caseNo: c.caseNo } }, admin);
      const d = r.data!.webhookDeliveries.edges[0]?.node;
      return d?.status === "DELIVERED" && d;
    });
    expect(delivered.attemptLog[0]!.error).toMatch(/timed out after 1000 ms/);
    expect(delivered.attemptLog[0]!.statusCode).toBeNull();
    expect(delivered.attempts).toBe(2);
  });

  it("gives up after the last attempt, and redelivers on request with the same event id", async () => {
    let healthy = false;
    const hook = await receiver(() => ({ status: healthy ? 200 : 500 }));
    closers.push(hook.close);
    const { webhook } = await register(hook.url);
    const c = await submit(await newPolicy());
    const failed = await until("failed", async () => {
      const r = await server.request(WebhookDeliveriesDocument, { filter: { webhookId: webhook!.id, statuses: ["FAILED"] } }, admin);
      return r.data!.webhookDeliveries.edges[0]?.node;
    });
    expect(failed.attempts).toBe(5);
    expect(failed.caseNo).toBe(c.caseNo);
    if (kind === "postgres") {
      // Let the queue drain and schedule nothing more: the redelivery must wake it by itself.
      const queued = async () =>
        (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'webhooks:deliver'`))[0]!.n;
      await until("an idle queue", async () => (await queued()) === 0);
    }
    healthy = true;
    const again = await server.request(RedeliverWebhookDocument, { deliveryId: failed.id }, admin);
    expect(again.data?.redeliverWebhook.userErrors).toEqual([]);
    expect(again.data?.redeliverWebhook.delivery?.eventId).toBe(failed.eventId);
    await until("redelivered", () => hook.received.some((r) => r.body.eventId === failed.eventId && r.body.deliveryId === again.data!.redeliverWebhook.delivery!.id));
    const unknown = await server.request(RedeliverWebhookDocument, { deliveryId: "999999999" }, admin);
    expect(unknown.data?.redeliverWebhook.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_DELIVERY"]);
  }, 60_000);

  it("emits SLA due-soon and breached events once per clock through the same outbox", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    closers.push(hook.close);
    await register(hook.url, "TPA-A", ["CASE_SLA_DUE_SOON", "CASE_SLA_BREACHED"]);
    const c = await submit(await newPolicy()); // second opinion: arranged within 10 working days of 2026-03-02 → due 2026-03-16
    const [due] = await queryRows<{ d: string }>(server.database.db, sql`select sla_due_on::text as d from service_case where case_no = ${c.caseNo}`);
    expect(due!.d).toBe("2026-03-16");
    const sweepOn = async (now: string) => {
      const later = await startTestServer(kind, { now, database: server.database });
      try {
        return await later.runtime.slaSweeper.runOnce();
      } finally {
        await later.stop();
      }
    };
    expect(await sweepOn("2026-03-15T02:00:00Z")).toBeGreaterThanOrEqual(1);
    expect(await sweepOn("2026-03-15T05:00:00Z")).toBe(0);
    expect(await sweepOn("2026-03-17T02:00:00Z")).toBeGreaterThanOrEqual(1);
    expect(await sweepOn("2026-03-18T02:00:00Z")).toBe(0);
    await until("both SLA events", () => hook.received.filter((r) => r.body.caseNo === c.caseNo).length === 2);
    expect(hook.received.filter((r) => r.body.caseNo === c.caseNo).map((r) => [r.body.type, r.body.slaDueOn])).toEqual([
      ["case.sla_due_soon", "2026-03-16"],
      ["case.sla_breached", "2026-03-16"],
    ]);
  });

  it("lets a partner see its own webhooks and deliveries only, and checks what it registers", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    closers.push(hook.close);
    await register(hook.url, "TPA-B", ["CASE_SUBMITTED"]);
    const key = await server.request(IssueApiKeyDocument, { input: { label: "tpa-a", role: "PARTNER", partnerCode: "TPA-A" } }, admin);
    const partnerA = { token: key.data!.issueApiKey.apiKey! };
    const mine = await server.request(WebhooksDocument, {}, partnerA);
    expect(mine.data!.webhooks.every((w) => w.partnerCode === "TPA-A")).toBe(true);
    const all = await server.request(WebhooksDocument, {}, admin);
    expect(all.data!.webhooks.some((w) => w.partnerCode === "TPA-B")).toBe(true);
    const deliveries = await server.request(WebhookDeliveriesDocument, { first: 100 }, partnerA);
    expect(deliveries.errors).toBeUndefined();
    const otherId = all.data!.webhooks.find((w) => w.partnerCode === "TPA-B")!.id;
    expect((await server.request(DisableWebhookDocument, { id: otherId }, partnerA)).data?.disableWebhook.userErrors.map((e) => e.code)).toEqual(["UNKNOWN_WEBHOOK"]);
    expect((await server.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-A", url: hook.url, events: ["CASE_SUBMITTED"] } }, partnerA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await server.request(RegisterWebhookDocument, { input: { partnerCode: "NOBODY", url: "http://tpa.example.com/x", events: [] } }, admin);
    expect(bad.data?.registerWebhook.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["UNKNOWN_PARTNER", ["input", "partnerCode"]],
      ["HTTPS_REQUIRED", ["input", "url"]],
      ["INVALID_EVENTS", ["input", "events"]],
    ]);
    expect(bad.data?.registerWebhook.secret).toBeNull();
    const analyst = await server.request(IssueApiKeyDocument, { input: { label: "bi", role: "ANALYST" } }, admin);
    expect((await server.request(WebhooksDocument, {}, { token: analyst.data!.issueApiKey.apiKey! })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
  // Last: it stops the server's own worker.
  it("#28 row 8: checks the target again at every delivery: a worker without the allow-list sends nothing to loopback", async () => {
    await server.runtime.webhookWorker!.stop();
    const hook = await receiver(() => ({ status: 200 }));
    closers.push(() => hook.close());
    const { webhook } = await register(hook.url);
    await submit(await newPolicy());
    const deps = { pii: createPiiProtector(DEVELOPMENT_PII_KEY), logger: createLogger("silent"), clock: fixedClock(new Date()) };
    const strict = startWebhookWorker(server.database.db, deps, { autostart: false, timeoutMs: 500 });
    expect(await strict.runOnce()).toBe(1);
    await strict.stop();
    expect(hook.received).toEqual([]);
    const r = await server.request(WebhookDeliveriesDocument, { filter: { webhookId: webhook!.id } }, admin);
    const text = JSON.stringify(r.data);
    expect(text).toContain("refused: the target is not a public address");
    expect(text).not.toContain("127.0.0.1");
  });

  it("loses nothing when a worker dies mid-delivery: another takes the delivery once the lease runs out", async () => {
    await server.runtime.webhookWorker!.stop();
    let hang = true;
    const hook = await receiver(() => (hang ? { status: 200, delayMs: 60_000 } : { status: 200 }));
    closers.push(async () => {
      hook.server.closeAllConnections();
      await hook.close();
    });
    const { webhook } = await register(hook.url);
    const c = await submit(await newPolicy());
    const pii = createPiiProtector(DEVELOPMENT_PII_KEY);
    const deps = { pii, logger: createLogger("silent"), clock: fixedClock(new Date()) };
    // Worker A takes the delivery and "dies" while the receiver holds the request: it never records anything.
    const a = startWebhookWorker(server.database.db, deps, { autostart: false, timeoutMs: 60_000, targets: loopbackTargets });
    void a.runOnce().catch(() => {});
    await until("the receiver holds the first attempt", () => hook.received.length === 1);
    hang = false;
    const b = startWebhookWorker(server.database.db, deps, { autostart: false, timeoutMs: 200, targets: loopbackTargets });
    expect(await b.runOnce()).toBe(0); // A's lease still holds
    await server.database.db.execute(sql`update webhook_delivery set lease_until = now() - interval '1 second' where case_id = (select id from service_case where case_no = ${c.caseNo})`);
    expect(await b.runOnce()).toBe(1);
    const r = await server.request(WebhookDeliveriesDocument, { filter: { webhookId: webhook!.id } }, admin);
    expect(r.data!.webhookDeliveries.edges.map((e) => e.node.status)).toEqual(["DELIVERED"]);
    expect(hook.received.map((x) => x.body.eventId)).toEqual([r.data!.webhookDeliveries.edges[0]!.node.eventId, r.data!.webhookDeliveries.edges[0]!.node.eventId]);
  });

});

describe("examples/webhook-receiver.ts", () => {
  it("accepts what the worker signs, once per event, and refuses a wrong signature", async () => {
    const { createReceiver } = await import("../examples/webhook-receiver.js");
    const { signatureHeader } = await import("../src/webhooks/signature.js");
    const events: string[] = [];
    const server = createReceiver("whsec_example", (e) => events.push(e.eventId));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const body = JSON.stringify({ eventId: "e-1", type: "case.submitted", caseNo: "SC2026-0000001" });
      const send = (secret: string) =>
        fetch(url, { method: "POST", body, headers: { "x-hsg-signature": signatureHeader(secret, body, Math.floor(Date.now() / 1000)) } });
      expect((await send("whsec_example")).status).toBe(204);
      expect((await send("whsec_example")).status).toBe(204);
      expect((await send("whsec_other")).status).toBe(401);
      expect(events).toEqual(["e-1"]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
