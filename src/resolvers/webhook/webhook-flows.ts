// registerWebhook, disableWebhook, webhooks, webhookDeliveries, redeliverWebhook: ADMIN for all
// partners, a PARTNER key for its own endpoints and deliveries only.
import { resolveTarget, targetPolicy, type TargetPolicy } from "../../security/webhook-target.js";
import { randomBytes } from "node:crypto";
import type { Context } from "../../context/context.js";
import { partnerByCode } from "../../db/queries/api-keys.js";
import {
  attemptsByDeliveryIds,
  copyDelivery,
  deliveriesByIds,
  deliveryPage,
  disableWebhookEndpoint,
  insertWebhookEndpoint,
  webhookEndpointById,
  webhookEndpointsFor,
  type DeliveryView,
  type WebhookEndpointRow,
} from "../../db/queries/webhooks.js";
import { webhookPartnerScope } from "../../rules/access/row-scope.js";
import { webhookProblem } from "../../rules/webhooks/webhook-codes.js";
import { eventOfWireType, wireType, type WebhookEvent } from "../../rules/webhooks/event-types.js";
import { validateWebhook } from "../../rules/webhooks/validate-webhook.js";
import type {
  RedeliverWebhookPayload,
  RegisterWebhookInput,
  RegisterWebhookPayload,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookPayload,
} from "../../schema/webhook/webhook.type.js";
import { decodeCursor, encodeCursor, pageSize } from "../shared/pagination.js";
import { forbidden } from "../shared/forbidden.js";
import { toUserErrors } from "../shared/user-errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** null: every partner (ADMIN); a code: that partner only (rules/access/row-scope.ts). */
function partnerScope(ctx: Context): string | null {
  const scope = webhookPartnerScope(ctx.principal);
  if (scope === "NONE") throw forbidden("webhooks are for ADMIN and PARTNER keys");
  return scope.partnerCode;
}

export function presentWebhook(row: WebhookEndpointRow): Webhook {
  return {
    id: row.id,
    partnerCode: row.partnerCode,
    url: row.url,
    events: row.events.map((e) => eventOfWireType(e)).filter((e): e is WebhookEvent => e !== null),
    enabled: row.enabled,
    secretHint: row.secretHint,
    createdAt: row.createdAt,
  };
}

export async function registerWebhook(ctx: Context, input: RegisterWebhookInput): Promise<RegisterWebhookPayload> {
  const problems = validateWebhook(input, ctx.production);
  if (!(await partnerByCode(ctx.db, input.partnerCode))) {
    problems.unshift(webhookProblem("UNKNOWN_PARTNER", ["input", "partnerCode"]));
  }
  if (problems.length === 0) {
    // resolved now, and again at every delivery (webhooks/target.ts)
    const target = await resolveTarget(new URL(input.url.trim()), targetPolicy(ctx.webhookAllowedNetworks) as TargetPolicy);
    if ("refused" in target) problems.push(webhookProblem("TARGET_NOT_ALLOWED", ["input", "url"]));
  }
  if (problems.length > 0) return { webhook: null, secret: null, userErrors: toUserErrors(problems) };
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const row = await insertWebhookEndpoint(ctx.db, {
    partnerCode: input.partnerCode,
    url: input.url.trim(),
    events: input.events.map(wireType),
    secretCipher: ctx.pii.encrypt(secret),
    secretHint: secret.slice(-4),
  });
  return { webhook: presentWebhook(row), secret, userErrors: [] };
}

export async function listWebhooks(ctx: Context): Promise<Webhook[]> {
  return (await webhookEndpointsFor(ctx.db, partnerScope(ctx))).map(presentWebhook);
}

export async function disableWebhook(ctx: Context, id: string): Promise<WebhookPayload> {
  const scope = partnerScope(ctx);
  const found = UUID.test(id) ? await webhookEndpointById(ctx.db, id) : null;
  if (!found || (scope !== null && found.partnerCode !== scope)) {
    return { webhook: null, userErrors: toUserErrors([webhookProblem("UNKNOWN_WEBHOOK", ["id"])]) };
  }
  const row = await disableWebhookEndpoint(ctx.db, id, ctx.now);
  return { webhook: presentWebhook(row!), userErrors: [] };
}

async function presentDeliveries(ctx: Context, rows: readonly DeliveryView[]): Promise<WebhookDelivery[]> {
  const attempts = await attemptsByDeliveryIds(ctx.db, rows.map((r) => r.id));
  return rows.map((d) => ({
    id: String(d.id),
    webhookId: d.endpointId,
    eventId: d.eventId,
    eventType: d.type,
    caseNo: d.caseNo,
    occurredAt: d.occurredAt,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    attemptLog: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ attemptedAt: a.attemptedAt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}

export async function listDeliveries(
  ctx: Context,
  first: number | null,
  after: string | null,
  filter: WebhookDeliveryFilter | null,
): Promise<WebhookDeliveryConnection> {
  const scope = partnerScope(ctx);
  const limit = pageSize(first);
  const cursor = decodeCursor("delivery", after);
  const beforeId = cursor === null ? null : Number(cursor);
  if (beforeId !== null && !Number.isInteger(beforeId)) return listDeliveries(ctx, first, null, filter);
  if (filter?.webhookId && !UUID.test(filter.webhookId)) return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: beforeId !== null, startCursor: null, endCursor: null } };
  const rows = await deliveryPage(ctx.db, {
    partnerCode: scope,
    endpointId: filter?.webhookId,
    statuses: filter?.statuses,
    caseNo: filter?.caseNo,
    beforeId,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const edges = (await presentDeliveries(ctx, page)).map((node) => ({ cursor: encodeCursor("delivery", node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: beforeId !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export async function redeliverWebhook(ctx: Context, deliveryId: string): Promise<RedeliverWebhookPayload> {
  const scope = partnerScope(ctx);
  const id = /^\d{1,15}$/.test(deliveryId) ? Number(deliveryId) : null;
  const [found] = id === null ? [] : await deliveriesByIds(ctx.db, [id]);
  const unknown = { delivery: null, userErrors: toUserErrors([webhookProblem("UNKNOWN_DELIVERY", ["deliveryId"])]) };
  if (!found || (scope !== null && found.partnerCode !== scope)) return unknown;
  if (!found.endpointEnabled) {
    return { delivery: null, userErrors: toUserErrors([webhookProblem("WEBHOOK_DISABLED", ["deliveryId"])]) };
  }
  const copy = await copyDelivery(ctx.db, found.id);
  const [row] = await deliveriesByIds(ctx.db, [copy!]);
  const [delivery] = await presentDeliveries(ctx, [row!]);
  return { delivery: delivery!, userErrors: [] };
}
