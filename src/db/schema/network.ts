// The coverage networks: listed divisions per service (one row per source cell, so duplicates and
// corrections stay visible) and the network hospitals.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import type { CorrectionRecord } from "../../reference/corrections.js";
import { services } from "./catalogue.js";

export type { CorrectionRecord };

export const networkRegions = pgTable(
  "network_region",
  {
    id: serial("id").primaryKey(),
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code),
    regionCode: text("region_code").notNull(),
    /** The place as the source wrote it (handbook cell, or the import file's line). */
    source: text("source").notNull(),
    sourceLine: integer("source_line"),
    sourceProvince: text("source_province"),
    duplicateOf: text("duplicate_of"),
    corrections: jsonb("corrections").$type<CorrectionRecord[]>().notNull().default([]),
  },
  (t) => [index("network_region_lookup_idx").on(t.serviceCode, t.regionCode)],
);

export const hospitals = pgTable(
  "hospital",
  {
    id: text("id").primaryKey(),
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code),
    nameZh: text("name_zh").notNull(),
    nameJa: text("name_ja"),
    country: text("country").notNull(),
    city: text("city").notNull(),
    cityCode: text("city_code"),
    prefecture: text("prefecture"),
    aliases: text("aliases").array().notNull().default([]),
    source: text("source").notNull(),
    position: integer("position").notNull(),
    corrections: jsonb("corrections").$type<CorrectionRecord[]>().notNull().default([]),
  },
  (t) => [index("hospital_service_idx").on(t.serviceCode, t.position)],
);

/**
 * The insurer's registry of mainland hospitals (npm run hospital:import): grade, ownership and
 * division of each, what GREEN_CHANNEL.介绍.1 and ADVANCE.介绍.1 ask of a hospital. One row per
 * hospital or division; a submitted name is found by its search key among `search_keys`.
 */
export const hospitalRegistry = pgTable(
  "hospital_registry",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    aliases: text("aliases").array().notNull().default([]),
    searchKeys: text("search_keys").array().notNull(),
    gradeLevel: integer("grade_level"),
    gradeTier: text("grade_tier"),
    ownership: text("ownership").notNull(),
    division: text("division").notNull(),
    city: text("city"),
    cityCode: text("city_code"),
    sourceLine: integer("source_line"),
  },
  (t) => [
    index("hospital_registry_search_keys_idx").using("gin", t.searchKeys),
    check("hospital_registry_grade_level_check", sql`${t.gradeLevel} between 1 and 3`),
    check("hospital_registry_grade_tier_check", sql`${t.gradeTier} in ('甲', '乙', '丙')`),
    check("hospital_registry_ownership_check", sql`${t.ownership} in ('PUBLIC', 'PRIVATE')`),
    check("hospital_registry_division_check", sql`${t.division} in ('GENERAL', 'SPECIAL_NEEDS', 'INTERNATIONAL')`),
  ],
);
