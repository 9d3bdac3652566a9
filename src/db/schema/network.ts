// The coverage networks: listed divisions per service (one row per source cell, so duplicates and
// corrections stay visible) and the network hospitals.
import { index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
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
