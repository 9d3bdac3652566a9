// Reference tables for the service catalogue. The catalogue itself lives in src/rules/catalogue;
// these rows mirror it (written by the seed step) so that foreign keys and SQL readers have it.
import { sql } from "drizzle-orm";
import { check, integer, pgTable, smallint, text } from "drizzle-orm/pg-core";

export const services = pgTable("service", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  position: smallint("position").notNull(),
});

export const benefits = pgTable(
  "benefit",
  {
    code: text("code").primaryKey(),
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** Times per policy; null when unlimited. */
    quota: integer("quota"),
  },
  (t) => [check("benefit_quota_positive", sql`${t.quota} is null or ${t.quota} > 0`)],
);
