// API keys: only a SHA-256 of the secret is stored; the secret is shown once when issued.
import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
