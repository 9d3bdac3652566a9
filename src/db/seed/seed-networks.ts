// Networks from data/networks: hospitals are reference data (rewritten every start); a city
// network is written only when the service has none, so an operator's import is not overwritten.
import { count, eq, sql } from "drizzle-orm";
import { CITY_NETWORK_FILES, readCityNetwork, readJapanHospitals, readMdtHospitals } from "../../reference/networks.js";
import type { Executor } from "../client.js";
import { hospitals, networkRegions } from "../schema/index.js";

export async function seedNetworks(executor: Executor): Promise<void> {
  for (const service of Object.keys(CITY_NETWORK_FILES) as (keyof typeof CITY_NETWORK_FILES)[]) {
    const [existing] = await executor.select({ n: count() }).from(networkRegions).where(eq(networkRegions.serviceCode, service));
    if ((existing?.n ?? 0) > 0) continue;
    await executor.insert(networkRegions).values(
      readCityNetwork(service).map((e) => ({
        serviceCode: service,
        regionCode: e.code,
        source: e.source,
        sourceLine: e.line,
        sourceProvince: e.sourceProvince,
        duplicateOf: e.duplicateOf,
        corrections: e.corrections,
      })),
    );
  }
  const rows = [
    ...readMdtHospitals().map((h, i) => ({
      id: `MDT-${String(i + 1).padStart(2, "0")}`,
      serviceCode: "MDT",
      nameZh: h.name,
      nameJa: null,
      country: "CN",
      city: h.city,
      cityCode: h.cityCode,
      prefecture: null,
      aliases: h.aliases,
      source: h.source,
      position: i + 1,
      corrections: h.corrections,
    })),
    ...readJapanHospitals().map((h, i) => ({
      id: `JP-${String(i + 1).padStart(2, "0")}`,
      serviceCode: "JAPAN_CARE",
      nameZh: h.nameZh,
      nameJa: h.nameJa,
      country: "JP",
      city: h.city,
      cityCode: null,
      prefecture: h.prefecture,
      aliases: [],
      source: `${h.nameZh}\t${h.nameJa}`,
      position: i + 1,
      corrections: h.corrections,
    })),
  ];
  await executor
    .insert(hospitals)
    .values(rows)
    .onConflictDoUpdate({
      target: hospitals.id,
      set: {
        nameZh: sql`excluded.name_zh`,
        nameJa: sql`excluded.name_ja`,
        city: sql`excluded.city`,
        cityCode: sql`excluded.city_code`,
        prefecture: sql`excluded.prefecture`,
        aliases: sql`excluded.aliases`,
        source: sql`excluded.source`,
        position: sql`excluded.position`,
        corrections: sql`excluded.corrections`,
      },
    });
}
