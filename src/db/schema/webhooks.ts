// Partner notifications: endpoints, the transactional outbox and its deliveries (docs/webhooks.md).
// Outbox rows are written by a trigger on case_event, in the transaction that records the change;
// deliveries are the queue the worker drains, one (endpoint, case) stream at a time, in order.
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partners } from "./access.js";
import { serviceCases } from "./case.js";

export const webhookEndpoints = pgTable("webhook_endpoint", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerCode: text("partner_code")
    .notNull()
    .references(() => partners.code),
  url: text("url").notNull(),
  /** Event types it receives. */
  events: text("events").array().notNull(),
  /** The signing secret, AES-256-GCM under the PII key (the worker must sign with it). */
  secretCipher: text("secret_cipher").notNull(),
  secretHint: text("secret_hint").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
});

export const outboxEvents = pgTable(
  "outbox_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id").notNull().unique().defaultRandom(),
    type: text("type").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => serviceCases.id),
    serviceCode: text("service_code").notNull(),
    /** What receivers get: no names, ID numbers, phones or diagnoses. */
    payload: jsonb("payload").notNull(),
    /** SLA events: the due date of the clock, so each is emitted once per clock. */
    slaDueOn: date("sla_due_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The W3C traceparent of the transaction that wrote the event (when traced): the delivery continues it. */
    traceparent: text("traceparent").default(sql`nullif(current_setting('hsg.traceparent', true), '')`),
  },
  (t) => [
    index("outbox_event_case_idx").on(t.caseId, t.id),
    // Once per clock and due date (the payload names the clock).
    uniqueIndex("outbox_event_sla_once").on(t.caseId, t.type, sql`(${t.payload} ->> 'clock')`, t.slaDueOn).where(sql`${t.slaDueOn} is not null`),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_delivery",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    outboxId: bigint("outbox_id", { mode: "number" })
      .notNull()
      .references(() => outboxEvents.id),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    caseId: uuid("case_id").notNull(),
    status: text("status").notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A worker holds the delivery until then; a crashed worker's lease runs out and another takes it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    leaseOwner: text("lease_owner"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("webhook_delivery_status_known", sql`${t.status} in ('PENDING', 'DELIVERED', 'FAILED')`),
    index("webhook_delivery_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index("webhook_delivery_stream_idx").on(t.endpointId, t.caseId, t.id),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempt",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("webhook_attempt_delivery_idx").on(t.deliveryId, t.id)],
);
