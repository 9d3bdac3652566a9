// Handbook 2022 服务覆盖网络: the green channel, advance payment and gene test cover listed cities —
// a listed prefecture covers the counties inside it, a listed county-level city only itself; the
// family doctor is online (everywhere); the second opinion uses 3A experts nationwide; MDT is held
// at named hospitals in 北京, 上海, 广州 and 成都; treatment in Japan at named Japanese hospitals.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import type { RegionIndex, RegionRecord } from "./region-index.js";

export interface CoverageDecision {
  readonly covered: boolean;
  /** The listed division that covers the place (itself, its prefecture or its municipality). */
  readonly coveredBy: RegionRecord | null;
  readonly note: string;
}

const MAINLAND_EXCLUDED = new Set(["710000", "810000", "820000"]);

/** What of a service's definition decides its coverage. */
export type CoverageService = Pick<ServiceDefinition, "code" | "network" | "heldIn">;

export function checkCoverage(service: CoverageService, region: RegionRecord, index: RegionIndex, listedCodes: ReadonlySet<string>): CoverageDecision {
  const chain = ancestry(region, index);
  const mainland = !MAINLAND_EXCLUDED.has(region.provinceCode);
  switch (service.network) {
    case "ONLINE":
      return { covered: true, coveredBy: null, note: "7×24小时在线服务，不限地区。Online 7×24: every place is covered." };
    case "NATIONWIDE":
      return mainland
        ? { covered: true, coveredBy: null, note: "全国三级甲等医院专家，不限地区。Experts of 3A hospitals nationwide." }
        : { covered: false, coveredBy: null, note: "仅限中国大陆境内。Mainland China only." };
    case "HOSPITAL_LIST": {
      const held = service.heldIn;
      if (!held) {
        return {
          covered: mainland,
          coveredBy: null,
          note: `在本服务网络所列医院进行，见 hospitals(filter: {service: ${service.code}})。Held at the hospitals this service's network lists.`,
        };
      }
      // Held in named cities (MDT.提示.1.1): an insured anywhere in the mainland may use it, travelling there (MDT.提示.4).
      const cities = heldIn(service, index);
      const city = chain.find((r) => held.cityCodes.includes(r.code)) ?? null;
      if (city) return { covered: true, coveredBy: city, note: `在${city.name}的网络医院进行。Held at network hospitals in ${city.name}.` };
      return mainland
        ? {
            covered: true,
            coveredBy: null,
            note: `在${cities.map((c) => c.name).join("、")}的网络医院进行；${held.travel.zh}。Held at network hospitals in ${cities.map((c) => c.name).join(", ")}; ${held.travel.en}.`,
          }
        : { covered: false, coveredBy: null, note: "仅限中国大陆境内。Mainland China only." };
    }
    case "CITY_LIST": {
      if (region.level === "PROVINCE" && !chain.some((r) => listedCodes.has(r.code))) {
        return { covered: false, coveredBy: null, note: `${region.name}是省级行政区，请指明城市。A province: name the city.` };
      }
      const by = chain.find((r) => listedCodes.has(r.code)) ?? null;
      if (by) {
        const note = by.code === region.code ? `${region.name}在服务覆盖网络内。Listed in the network.` : `${region.name}属于网络城市${by.name}。Inside ${by.name}, which is listed.`;
        return { covered: true, coveredBy: by, note };
      }
      return { covered: false, coveredBy: null, note: `${region.name}不在本服务覆盖网络内。Not in this service's network.` };
    }
  }
}

/** Where a service is held when it is held in named cities (MDT: the four cities), whatever the insured's place. */
export function heldIn(service: Pick<ServiceDefinition, "heldIn">, index: RegionIndex): RegionRecord[] {
  return (service.heldIn?.cityCodes ?? []).map((code) => index.byCode.get(code)).filter((r): r is RegionRecord => r !== undefined);
}

/** The region, its prefecture and, for a municipality's district, the municipality. */
function ancestry(region: RegionRecord, index: RegionIndex): RegionRecord[] {
  const chain = [region];
  for (let parent = region.parentCode; parent; ) {
    const next = index.byCode.get(parent);
    if (!next) break;
    chain.push(next);
    parent = next.parentCode;
  }
  return chain;
}
