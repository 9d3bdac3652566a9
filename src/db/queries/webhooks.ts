// Webhook endpoints, the delivery queue and its attempts, and the SLA sweep (docs/webhooks.md).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { CLOSED_STATUSES } from "../../rules/case-workflow/codes.js";
import { wireType } from "../../rules/webhooks/event-types.js";
import { queryRows } from "../driver/rows.js";
import { sqlCode, sqlCodeList } from "../sql-lists.js";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema/index.js";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

export async function insertWebhookEndpoint(executor: Executor, values: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
  const [row] = await executor.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export function webhookEndpointsFor(executor: Executor, partnerCode: string | null): Promise<WebhookEndpointRow[]> {
  return executor
    .select()
    .from(webhookEndpoints)
    .where(partnerCode === null ? undefined : eq(webhookEndpoints.partnerCode, partnerCode))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function webhookEndpointById(executor: Executor, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await executor.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

export async function disableWebhookEndpoint(executor: Executor, id: string, at: Date): Promise<WebhookEndpointRow | null> {
  const [row] = await executor
    .update(webhookEndpoints)
    .set({ enabled: false, disabledAt: sql`coalesce(${webhookEndpoints.disabledAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row ?? null;
}

/** A delivery with what the worker sends and the console shows. */
export interface DeliveryView {
  id: number;
  endpointId: string;
  partnerCode: string;
  url: string;
  secretCipher: string;
  endpointEnabled: boolean;
  eventId: string;
  type: string;
  occurredAt: Date;
  caseNo: string;
  payload: Record<string, unknown>;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  /** The trace of the event's transaction, when it was traced. */
  traceparent: string | null;
}

const deliveryColumns = sql`d.id::int as id, d.endpoint_id as "endpointId", w.partner_code as "partnerCode", w.url, w.secret_cipher as "secretCipher",
  w.enabled as "endpointEnabled", o.event_id as "eventId", o.type, o.occurred_at as "occurredAt", c.case_no as "caseNo", o.payload,
  d.status, d.attempts, d.next_attempt_at as "nextAttemptAt", d.last_status_code as "lastStatusCode", d.last_error as "lastError",
  d.delivered_at as "deliveredAt", d.created_at as "createdAt", o.traceparent`;
const deliveryJoins = sql`webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id join outbox_event o on o.id = d.outbox_id
  join service_case c on c.id = d.case_id`;

function toView(r: DeliveryView): DeliveryView {
  const at = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    ...r,
    occurredAt: at(r.occurredAt)!,
    nextAttemptAt: at(r.nextAttemptAt)!,
    deliveredAt: at(r.deliveredAt),
    createdAt: at(r.createdAt)!,
    payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
  };
}

/** `d` is the oldest pending delivery of its (endpoint, case) stream: the only one that may go out. */
const streamHead = sql`not exists (
  select 1 from webhook_delivery e
  where e.endpoint_id = d.endpoint_id and e.case_id = d.case_id and e.status = 'PENDING' and e.id < d.id)`;

/**
 * Leases up to `limit` deliveries that are due and first in their (endpoint, case) stream, so one
 * case's events go out in order and no two workers hold the same delivery. A lease that runs out
 * (its worker died) makes the delivery claimable again.
 */
export async function claimDeliveries(executor: Executor, owner: string, limit: number, leaseMs: number): Promise<DeliveryView[]> {
  const claimed = await queryRows<{ id: number }>(
    executor,
    sql`with heads as (
        select d.id from webhook_delivery d
        where d.status = 'PENDING' and d.next_attempt_at <= now() and (d.lease_until is null or d.lease_until < now())
          and ${streamHead}
        order by d.next_attempt_at, d.id
        limit ${limit}
        for update skip locked)
      update webhook_delivery d set lease_until = now() + ${leaseMs} * interval '1 millisecond', lease_owner = ${owner}
      from heads where d.id = heads.id
      returning d.id::int as id`,
  );
  if (claimed.length === 0) return [];
  return deliveriesByIds(executor, claimed.map((c) => Number(c.id)));
}

/** When a stream head can next be tried (its retry time, or when another worker's lease runs out); null when nothing is pending. */
export async function nextDeliveryDueAt(executor: Executor): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    executor,
    sql`select min(greatest(d.next_attempt_at, coalesce(d.lease_until, d.next_attempt_at))) as at
      from webhook_delivery d where d.status = 'PENDING' and ${streamHead}`,
  );
  return row?.at ? new Date(row.at) : null;
}

export async function deliveriesByIds(executor: Executor, ids: readonly number[]): Promise<DeliveryView[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<DeliveryView>(
    executor,
    sql`select ${deliveryColumns} from ${deliveryJoins} where d.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by d.id`,
  );
  return rows.map(toView);
}

export interface AttemptOutcome {
  readonly attemptedAt: Date;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  /** DELIVERED, or PENDING with the next attempt's time, or FAILED when no attempt is left. */
  readonly status: "PENDING" | "DELIVERED" | "FAILED";
  readonly nextAttemptAt: Date | null;
}

/** Records an attempt and its outcome; a worker that lost its lease changes nothing but the log. */
export async function recordAttempt(executor: Executor, deliveryId: number, owner: string, outcome: AttemptOutcome): Promise<void> {
  await executor.insert(webhookAttempts).values({
    deliveryId,
    attemptedAt: outcome.attemptedAt,
    statusCode: outcome.statusCode,
    error: outcome.error,
    durationMs: outcome.durationMs,
  });
  await executor
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      nextAttemptAt: outcome.nextAttemptAt ?? sql`${webhookDeliveries.nextAttemptAt}`,
      deliveredAt: outcome.status === "DELIVERED" ? outcome.attemptedAt : null,
      leaseUntil: null,
      leaseOwner: null,
    })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.leaseOwner, owner)));
}

/** Deliveries of a disabled endpoint are not sent: they end as FAILED without an attempt. */
export async function failDelivery(executor: Executor, deliveryId: number, owner: string, reason: string): Promise<void> {
  await executor
    .update(webhookDeliveries)
    .set({ status: "FAILED", lastError: reason, leaseUntil: null, leaseOwner: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.leaseOwner, owner)));
}

export interface DeliveryPageQuery {
  readonly partnerCode: string | null;
  readonly endpointId?: string | null;
  readonly statuses?: readonly string[] | null;
  readonly caseNo?: string | null;
  readonly beforeId: number | null;
  readonly limit: number;
}

/** Newest first, keyset on the delivery id. */
export async function deliveryPage(executor: Executor, query: DeliveryPageQuery): Promise<DeliveryView[]> {
  const where: SQL[] = [sql`true`];
  if (query.partnerCode !== null) where.push(sql`w.partner_code = ${query.partnerCode}`);
  if (query.endpointId) where.push(sql`d.endpoint_id = ${query.endpointId}`);
  if (query.statuses?.length) where.push(sql`d.status in (${sql.join(query.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (query.caseNo) where.push(sql`c.case_no = ${query.caseNo}`);
  if (query.beforeId !== null) where.push(sql`d.id < ${query.beforeId}`);
  const rows = await queryRows<DeliveryView>(
    executor,
    sql`select ${deliveryColumns} from ${deliveryJoins} where ${sql.join(where, sql` and `)} order by d.id desc limit ${query.limit}`,
  );
  return rows.map(toView);
}

export function attemptsByDeliveryIds(executor: Executor, ids: readonly number[]): Promise<WebhookAttemptRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return executor.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, [...ids])).orderBy(webhookAttempts.id);
}

/**
 * redeliverWebhook: the same event to the same endpoint once more, as a new delivery at the end of
 * its stream. The same statement wakes the job queue (migration 0021), as the outbox trigger does
 * for new events: the queue may have drained and scheduled nothing more.
 */
export async function copyDelivery(executor: Executor, deliveryId: number): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(
    executor,
    sql`with copy as (
        insert into webhook_delivery (outbox_id, endpoint_id, case_id, next_attempt_at)
        select outbox_id, endpoint_id, case_id, now() from webhook_delivery where id = ${deliveryId}
        returning id)
      select copy.id::int as id, webhook_queue_wake() is null as woken from copy`,
  );
  return row ? Number(row.id) : null;
}

/**
 * The SLA sweep: `case.sla_due_soon` for every running clock of an open case that is due tomorrow
 * and `case.sla_breached` for every one past due, each once per clock and due date (a unique index
 * on the outbox; the payload names the clock). The clocks are the stored ones (case_clock): a
 * paused clock has no due date and is not swept. Returns how many events were written.
 */
export async function sweepSlaEvents(executor: Executor, today: string, tomorrow: string, now: Date): Promise<number> {
  const body = (type: string) => sql`jsonb_build_object(
      'type', ${type}::text, 'occurredAt', ${now.toISOString()}::text, 'caseNo', c.case_no, 'service', c.service_code,
      'benefit', c.benefit_code, 'status', c.status, 'clock', k.clock, 'slaDueOn', k.due_on::text, 'version', c.version)`;
  const dueSoon = wireType("CASE_SLA_DUE_SOON");
  const breached = wireType("CASE_SLA_BREACHED");
  // Events written before clocks were named were the first clock's: not announced again.
  const running = (type: string) => sql`k.met_on is null and k.closed_on is null and c.status not in ${sqlCodeList(CLOSED_STATUSES)}
    and not (k.position = 0 and exists (select 1 from outbox_event o where o.case_id = c.id and o.type = ${type} and o.sla_due_on = k.due_on and o.payload ->> 'clock' is null))`;
  const swept = sql`select count(*)::int as n from outbox_event where type in ${sqlCodeList([dueSoon, breached])}`;
  const before = await queryRows<{ n: number }>(executor, swept);
  await executor.execute(
    sql`select outbox_record(c, ${sqlCode(dueSoon)}, ${now.toISOString()}::timestamptz, ${body(dueSoon)}, k.due_on)
      from case_clock k join service_case c on c.id = k.case_id
      where k.due_on = ${tomorrow}::date and ${running(dueSoon)} order by c.id, k.position`,
  );
  await executor.execute(
    sql`select outbox_record(c, ${sqlCode(breached)}, ${now.toISOString()}::timestamptz, ${body(breached)}, k.due_on)
      from case_clock k join service_case c on c.id = k.case_id
      where k.due_on < ${today}::date and ${running(breached)} order by c.id, k.position`,
  );
  const after = await queryRows<{ n: number }>(executor, swept);
  return Number(after[0]!.n) - Number(before[0]!.n);
}

