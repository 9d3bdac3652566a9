// Policies and the people on them. Personal data is stored so that a leaked database does not
// reveal it: ID numbers and phones encrypted (AES-256-GCM), with a keyed hash for look-ups and
// the masked form for display.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { benefits } from "./catalogue.js";

export const persons = pgTable(
  "person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    idNumberCipher: text("id_number_cipher"),
    idNumberHash: text("id_number_hash"),
    idNumberMasked: text("id_number_masked"),
    phoneCipher: text("phone_cipher"),
    phoneHash: text("phone_hash"),
    phoneMasked: text("phone_masked"),
    birthDate: date("birth_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("person_id_number_hash_idx").on(t.idNumberHash)],
);

export const policies = pgTable(
  "policy",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyNo: text("policy_no").notNull().unique(),
    status: text("status").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    effectiveTo: date("effective_to", { mode: "string" }).notNull(),
    waitingPeriodEndsOn: date("waiting_period_ends_on", { mode: "string" }).notNull(),
    insuredId: uuid("insured_id")
      .notNull()
      .references(() => persons.id),
    policyholderId: uuid("policyholder_id")
      .notNull()
      .references(() => persons.id),
    hasSocialInsurance: boolean("has_social_insurance").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("policy_status_known", sql`${t.status} in ('ACTIVE', 'LAPSED', 'CANCELLED', 'EXPIRED')`),
    check("policy_dates_ordered", sql`${t.effectiveFrom} <= ${t.effectiveTo}`),
    check(
      "policy_waiting_period_inside",
      sql`${t.waitingPeriodEndsOn} >= ${t.effectiveFrom} - 1 and ${t.waitingPeriodEndsOn} <= ${t.effectiveTo}`,
    ),
    index("policy_status_idx").on(t.status),
    // Policy pages are ordered, keyed and prefix-filtered by the policy number's bytes (collation
    // "C"): the same order on every server, and LIKE 'prefix%' becomes a range on this index.
    index("policy_no_c_idx").on(sql`${t.policyNo} collate "C"`),
  ],
);

export const diagnoses = pgTable(
  "diagnosis",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    firstDiagnosedOn: date("first_diagnosed_on", { mode: "string" }).notNull(),
    icd10: text("icd10"),
    description: text("description"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("diagnosis_category_known", sql`${t.category} in ('CRITICAL_ILLNESS', 'MALIGNANT_TUMOR')`),
    index("diagnosis_policy_idx").on(t.policyId, t.firstDiagnosedOn),
  ],
);

/** One row per policy and benefit: the quota and how much of it is used or held by open cases. */
export const entitlements = pgTable(
  "entitlement",
  {
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    benefitCode: text("benefit_code")
      .notNull()
      .references(() => benefits.code),
    /** Null when unlimited. */
    quotaTotal: integer("quota_total"),
    used: integer("used").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.benefitCode] }),
    check("entitlement_counts_non_negative", sql`${t.used} >= 0 and ${t.reserved} >= 0`),
    check("entitlement_quota_positive", sql`${t.quotaTotal} is null or ${t.quotaTotal} > 0`),
    check("entitlement_never_overspent", sql`${t.quotaTotal} is null or ${t.used} + ${t.reserved} <= ${t.quotaTotal}`),
  ],
);
