// Handbook 2022 服务覆盖网络: the green channel, advance payment and gene test cover listed cities —
// a listed prefecture covers the counties inside it, a listed county-level city only itself; the
// family doctor is online (everywhere); the second opinion uses 3A experts nationwide; MDT is held
// at named hospitals in 北京, 上海, 广州 and 成都; treatment in Japan at named Japanese hospitals.
import type { NetworkKind } from "../catalogue/service-definition.js";
import type { ServiceCode } from "../catalogue/codes.js";
import type { RegionIndex, RegionRecord } from "./region-index.js";

export interface CoverageDecision {
  readonly covered: boolean;
  /** The listed division that covers the place (itself, its prefecture or its municipality). */
  readonly coveredBy: RegionRecord | null;
  readonly note: string;
}

/** 北京, 上海 (municipalities) and 广州, 成都 (prefectures): where MDT consultations are held. */
export const MDT_CITY_CODES = ["110000", "310000", "440100", "510100"] as const;
const MAINLAND_EXCLUDED = new Set(["710000", "810000", "820000"]);

export function checkCoverage(
  service: ServiceCode,
  network: NetworkKind,
  region: RegionRecord,
  index: RegionIndex,
  listedCodes: ReadonlySet<string>,
): CoverageDecision {
  const chain = ancestry(region, index);
  const mainland = !MAINLAND_EXCLUDED.has(region.provinceCode);
  switch (network) {
    case "ONLINE":
      return { covered: true, coveredBy: null, note: "家庭医生为7×24小时在线服务，不限地区。Online 7×24: every place is covered." };
    case "NATIONWIDE":
      return mainland
        ? { covered: true, coveredBy: null, note: "全国三级甲等医院专家，不限地区。Experts of 3A hospitals nationwide." }
        : { covered: false, coveredBy: null, note: "仅限中国大陆境内。Mainland China only." };
    case "HOSPITAL_LIST": {
      if (service === "JAPAN_CARE") {
        return { covered: mainland, coveredBy: null, note: "赴日就医在日本网络医院进行，见 hospitals(filter: {service: JAPAN_CARE})。Treatment takes place at the Japanese network hospitals." };
      }
      // MDT.提示.1.1 本服务由北京、上海、广州、成都的三甲医院医生专家团队提供; MDT.提示.4 如被保险人或家属从外省市至北上广成都
      // 参加多学科会诊，须自理住宿及交通、餐饮等费用: an insured anywhere in the mainland may use it, travelling there.
      const city = chain.find((r) => (MDT_CITY_CODES as readonly string[]).includes(r.code)) ?? null;
      if (city) return { covered: true, coveredBy: city, note: `MDT 会诊在${city.name}的网络医院进行。Held at network hospitals in ${city.name}.` };
      return mainland
        ? {
            covered: true,
            coveredBy: null,
            note: "MDT 会诊在北京、上海、广州、成都的网络医院进行；从外省市前往须自理住宿及交通、餐饮等费用。Held at network hospitals in Beijing, Shanghai, Guangzhou and Chengdu; travelling there from elsewhere, the insured pays lodging, transport and meals.",
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
export function heldIn(service: ServiceCode, index: RegionIndex): RegionRecord[] {
  if (service !== "MDT") return [];
  return MDT_CITY_CODES.map((code) => index.byCode.get(code)).filter((r): r is RegionRecord => r !== undefined);
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
