import { and, asc, eq, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { HOSPITAL_SEARCH_NOISE_SQL, hospitalSearchKey } from "../../rules/network/hospital-search-key.js";
import type { Executor } from "../client.js";
import { hospitalRegistry, hospitals, networkRegions } from "../schema/index.js";

export type HospitalRow = typeof hospitals.$inferSelect;
export type RegistryHospitalRow = typeof hospitalRegistry.$inferSelect;

/** The listed division codes of each service (one statement for a batch of services). */
export async function networkCodesByServices(executor: Executor, serviceCodes: readonly string[]): Promise<{ serviceCode: string; regionCode: string }[]> {
  return executor
    .selectDistinct({ serviceCode: networkRegions.serviceCode, regionCode: networkRegions.regionCode })
    .from(networkRegions)
    .where(inArray(networkRegions.serviceCode, [...serviceCodes]));
}

export function hospitalsByIds(executor: Executor, ids: readonly string[]): Promise<HospitalRow[]> {
  return executor.select().from(hospitals).where(inArray(hospitals.id, [...ids]));
}

export interface HospitalQuery {
  readonly service?: string | null;
  readonly country?: string | null;
  readonly city?: string | null;
  readonly search?: string | null;
}

function hospitalConditions(query: HospitalQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.service) conditions.push(eq(hospitals.serviceCode, query.service));
  if (query.country) conditions.push(eq(hospitals.country, query.country));
  if (query.city) {
    const city = query.city.trim().replace(/市$/, "");
    conditions.push(or(eq(hospitals.city, city), eq(hospitals.city, `${city}市`), eq(hospitals.cityCode, city))!);
  }
  const key = query.search ? hospitalSearchKey(query.search) : "";
  if (key) {
    // The stored names, aliases and the printed cell (source), compared as search keys.
    const pattern = `%${key.replace(/[\\%_]/g, "\\$&")}%`;
    const keyOf = (column: SQL | AnyPgColumn) => sql`regexp_replace(lower(${column}), ${HOSPITAL_SEARCH_NOISE_SQL}, '', 'g')`;
    conditions.push(
      or(
        sql`${keyOf(hospitals.nameZh)} like ${pattern}`,
        sql`${keyOf(hospitals.nameJa)} like ${pattern}`,
        sql`${keyOf(hospitals.source)} like ${pattern}`,
        sql`exists (select 1 from unnest(${hospitals.aliases}) a where ${keyOf(sql`a`)} like ${pattern})`,
      )!,
    );
  }
  return conditions;
}

/** In network order (MDT by the handbook's list, then Japan); keyset on the id. */
export function hospitalPage(executor: Executor, query: HospitalQuery & { afterId: string | null; limit: number }): Promise<HospitalRow[]> {
  const conditions = hospitalConditions(query);
  if (query.afterId) conditions.push(gt(hospitals.id, query.afterId));
  return executor.select().from(hospitals).where(and(...conditions)).orderBy(asc(hospitals.id)).limit(query.limit);
}

export async function hospitalCount(executor: Executor, query: HospitalQuery): Promise<number> {
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(hospitals).where(and(...hospitalConditions(query)));
  return row?.n ?? 0;
}

/** The registry's entry for a hospital name as typed (compared as a search key with names and aliases); null when unknown. */
export async function registryHospitalByName(executor: Executor, name: string): Promise<RegistryHospitalRow | null> {
  const key = hospitalSearchKey(name);
  if (!key) return null;
  const [row] = await executor
    .select()
    .from(hospitalRegistry)
    .where(sql`${hospitalRegistry.searchKeys} @> array[${key}]::text[]`)
    .orderBy(asc(hospitalRegistry.id))
    .limit(1);
  return row ?? null;
}

/** The network hospital of `service` with this name (Chinese, Japanese, an alias or the printed cell, compared as search keys); null when none. */
export async function networkHospitalByName(executor: Executor, service: string, name: string): Promise<HospitalRow | null> {
  const key = hospitalSearchKey(name);
  if (!key) return null;
  // A network list is short (17 or 39 hospitals): compared here, with the same key as the search.
  const rows = await executor.select().from(hospitals).where(eq(hospitals.serviceCode, service)).orderBy(asc(hospitals.position));
  return rows.find((h) => [h.nameZh, h.nameJa, h.source, ...h.aliases].some((n) => n !== null && hospitalSearchKey(n) === key)) ?? null;
}
