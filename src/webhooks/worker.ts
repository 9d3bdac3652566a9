// The delivery worker (docs/webhooks.md): leases due deliveries from the queue table, POSTs each
// signed event, records the attempt, and schedules a retry or gives up. Runs in every API process
// on PostgreSQL and on the embedded database alike; leases keep two workers off one delivery.
import { randomUUID } from "node:crypto";
import { systemClock, type Clock } from "../context/clock.js";
import type { Database } from "../db/client.js";
import { claimDeliveries, failDelivery, recordAttempt, type DeliveryView } from "../db/queries/webhooks.js";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import { tracedDatabase } from "../db/driver/database.js";
import { contextFrom, injectHeaders, inRootSpan, SpanKind, type Traced } from "../logging/tracing.js";
import { DEFAULT_RETRY, nextRetryDelay, type RetryPolicy } from "../rules/webhooks/retry.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { signatureHeader } from "./signature.js";
import { postPinned, PUBLIC_ONLY, resolveTarget, type TargetPolicy } from "../security/webhook-target.js";

export interface WorkerOptions {
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly batch: number;
  readonly retry: RetryPolicy;
  /** Which addresses a delivery may reach (public ones only by default). */
  readonly targets: TargetPolicy;
}

export const DEFAULT_WORKER: WorkerOptions = { pollMs: 1000, timeoutMs: 10_000, batch: 10, retry: DEFAULT_RETRY, targets: PUBLIC_ONLY };

export interface WebhookWorker {
  /** One pass: claim what is due and send it. Returns how many deliveries were attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** The body a receiver gets: the event, never personal data. */
export function deliveryBody(d: DeliveryView): string {
  return JSON.stringify({ eventId: d.eventId, ...d.payload, deliveryId: String(d.id), attempt: d.attempts + 1 });
}

export function startWebhookWorker(
  workerDb: Database,
  deps: { pii: PiiProtector; logger: Logger; clock: Clock; random?: () => number },
  options: Partial<WorkerOptions> & { autostart?: boolean } = {},
): WebhookWorker {
  const settings = { ...DEFAULT_WORKER, ...options };
  const owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const random = deps.random ?? Math.random;
  let stopped = false;
  let running: Promise<number> | null = null;

  /** Each delivery continues the trace of the transaction that wrote its event (src/logging/tracing.ts). */
  function send(d: DeliveryView): Promise<void> {
    const attributes = () => ({ "hsg.webhook.event_type": d.type, "hsg.webhook.delivery_id": String(d.id), "hsg.webhook.endpoint_id": d.endpointId, "hsg.webhook.attempt": d.attempts + 1 });
    return inRootSpan("webhook delivery", { kind: SpanKind.PRODUCER, attributes, parent: contextFrom({ traceparent: d.traceparent ?? undefined }) }, (span) => sendInSpan(d, span));
  }

  async function sendInSpan(d: DeliveryView, span: Traced): Promise<void> {
    // The attempt's statements are the delivery span's children.
    const db = tracedDatabase(workerDb, span);
    if (!d.endpointEnabled) {
      await failDelivery(db, d.id, owner, "endpoint disabled");
      return;
    }
    const attemptedAt = deps.clock.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // The body's own `attempt` makes each attempt's bytes differ; the signature covers them.
      const body = deliveryBody(d);
      // resolved and checked at every attempt; the connection goes to the address checked
      const url = new URL(d.url);
      const target = await resolveTarget(url, settings.targets);
      if ("refused" in target) throw Object.assign(new Error(target.refused), { name: "TargetRefused" });
      statusCode = await postPinned(
        url,
        target,
        injectHeaders(span, {
          "content-type": "application/json",
          "user-agent": "health-services-graph-webhooks/1",
          "x-hsg-event-id": d.eventId,
          "x-hsg-event-type": d.type,
          "x-hsg-delivery-id": String(d.id),
          // Receivers compare this with their own clock: always the real time, whatever the business clock says.
          "x-hsg-signature": signatureHeader(deps.pii.decrypt(d.secretCipher), body, Math.floor(systemClock.now().getTime() / 1000)),
        }),
        body,
        settings.timeoutMs,
      );
      // redirects are not followed: a 3xx is a failed attempt like any other non-2xx
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (caught) {
      const name = caught instanceof Error ? caught.name : "";
      // The partner reads this: the kind of failure only, never an address or a system message.
      const code = (caught as { code?: unknown }).code;
      error =
        name === "TimeoutError" || name === "AbortError"
          ? `timed out after ${settings.timeoutMs} ms`
          : name === "TargetRefused"
            ? `refused: ${(caught as Error).message}`
            : `could not connect${typeof code === "string" && /^E[A-Z_]+$/.test(code) ? ` (${code})` : ""}`;
    }
    const durationMs = Math.round(performance.now() - started);
    if (error === null) {
      await recordAttempt(db, d.id, owner, { attemptedAt, statusCode, error, durationMs, status: "DELIVERED", nextAttemptAt: null });
      return;
    }
    const wait = nextRetryDelay(settings.retry, d.attempts + 1, random());
    await recordAttempt(db, d.id, owner, {
      attemptedAt,
      statusCode,
      error: error.slice(0, 500),
      durationMs,
      status: wait === null ? "FAILED" : "PENDING",
      nextAttemptAt: wait === null ? null : new Date(attemptedAt.getTime() + wait),
    });
  }

  async function runOnce(): Promise<number> {
    if (stopped) return 0;
    // The lease outlives the request's timeout, so a live worker never loses a delivery it is sending.
    const due = await claimDeliveries(workerDb, owner, settings.batch, settings.timeoutMs * 2 + 5000);
    await Promise.all(
      due.map((d) =>
        send(d).catch((error: unknown) => deps.logger.warn({ err: describeForLog(error), deliveryId: d.id }, "webhook delivery could not be recorded; its lease will run out and it is retried")),
      ),
    );
    return due.length;
  }

  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    if (stopped) return;
    running = runOnce()
      .catch((error: unknown) => {
        deps.logger.warn({ err: describeForLog(error) }, "webhook worker pass failed; it will run again");
        return 0;
      })
      .finally(() => {
        running = null;
      });
    void running.then((sent) => {
      if (!stopped) timer = setTimeout(loop, sent > 0 ? 0 : settings.pollMs).unref();
    });
  };
  if (options.autostart !== false) timer = setTimeout(loop, settings.pollMs).unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
