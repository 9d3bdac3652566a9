// API keys: only a SHA-256 of the secret is stored; the secret is shown once when issued.
import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Contracted service vendors (特约服务商) and the services they may serve. */
export const partners = pgTable("partner", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  services: text("services").array().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per mutation: who, what, when, from where, and the outcome; never personal data. */
export const auditLog = pgTable("audit_log", {
  id: uuid("id").primaryKey().defaultRandom(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actor: text("actor").notNull(),
  role: text("role"),
  operation: text("operation").notNull(),
  requestId: text("request_id").notNull(),
  remoteAddress: text("remote_address"),
  outcome: text("outcome").notNull(),
  subject: text("subject"),
});

export const apiKeys = pgTable(
  "api_key",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    role: text("role").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    partnerCode: text("partner_code"),
    policyNos: text("policy_nos").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("api_key_role_known", sql`${t.role} in ('ADMIN', 'OPERATOR', 'PARTNER', 'INSURED', 'ANALYST')`),
    check("api_key_partner_scoped", sql`(${t.role} = 'PARTNER') = (${t.partnerCode} is not null)`),
  ],
);
