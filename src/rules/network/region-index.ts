// Look-ups of the places people type — 襄阳, 襄阳市, the old 襄樊, a GB/T 2260 code — against the
// division table (data/regions) and its aliases. Pure: the data comes in.

export type RegionLevel = "PROVINCE" | "PREFECTURE" | "COUNTY";

export interface RegionRecord {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly provinceCode: string;
}

export interface AliasRecord {
  readonly name: string;
  readonly code: string;
  readonly reason: string;
}

export interface RegionIndex {
  readonly byCode: ReadonlyMap<string, RegionRecord>;
  readonly byName: ReadonlyMap<string, readonly RegionRecord[]>;
  readonly aliases: ReadonlyMap<string, AliasRecord>;
  readonly prefectures: readonly RegionRecord[];
}

export type PlaceLookup =
  | { readonly kind: "FOUND"; readonly region: RegionRecord; readonly via: string | null }
  | { readonly kind: "AMBIGUOUS"; readonly candidates: readonly RegionRecord[] }
  | { readonly kind: "UNKNOWN" };

/** The province-level municipalities (北京, 天津, 上海, 重庆) by the first two digits of their codes. */
export const MUNICIPALITY_PREFIXES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);

/**
 * The city a place counts under in case metrics (groupBy CITY): its prefecture, its municipality,
 * or itself (a prefecture, a province, or a county its province administers directly).
 */
export function metricCityOf(region: RegionRecord, index: RegionIndex): string {
  if (region.level !== "COUNTY" || !region.parentCode) return region.code;
  const parent = index.byCode.get(region.parentCode);
  const counts = parent && (parent.level === "PREFECTURE" || (parent.level === "PROVINCE" && MUNICIPALITY_PREFIXES.has(parent.code.slice(0, 2))));
  return counts ? parent.code : region.code;
}

export function createRegionIndex(regions: readonly RegionRecord[], aliases: readonly AliasRecord[]): RegionIndex {
  const byName = new Map<string, RegionRecord[]>();
  for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return {
    byCode: new Map(regions.map((r) => [r.code, r])),
    byName,
    aliases: new Map(aliases.map((a) => [a.name, a])),
    prefectures: regions.filter((r) => r.level === "PREFECTURE"),
  };
}

/** A province or prefecture is meant before a county of the same name (恩施 → the prefecture, not 恩施市). */
const rank = (r: RegionRecord) => (r.level === "PROVINCE" ? 0 : r.level === "PREFECTURE" ? 1 : 2);

export function resolvePlace(index: RegionIndex, query: string): PlaceLookup {
  const text = query.trim().replace(/\s+/g, "");
  if (text === "") return { kind: "UNKNOWN" };
  if (/^\d{6}$/.test(text)) {
    const region = index.byCode.get(text);
    return region ? { kind: "FOUND", region, via: null } : { kind: "UNKNOWN" };
  }
  const alias = index.aliases.get(text);
  if (alias) return { kind: "FOUND", region: index.byCode.get(alias.code)!, via: alias.reason };

  const exact = index.byName.get(text) ?? [];
  if (exact.length === 1) return { kind: "FOUND", region: exact[0]!, via: null };
  const forms = [`${text}市`, `${text}省`, `${text}地区`, `${text}盟`, `${text}自治区`];
  let candidates = [...exact, ...forms.flatMap((f) => index.byName.get(f) ?? []), ...index.prefectures.filter((p) => p.name.startsWith(text))];
  if (candidates.length === 0) candidates = [`${text}县`, `${text}区`].flatMap((f) => index.byName.get(f) ?? []);
  candidates = [...new Map(candidates.map((c) => [c.code, c])).values()];
  if (candidates.length === 0) return { kind: "UNKNOWN" };
  const best = Math.min(...candidates.map(rank));
  const top = candidates.filter((c) => rank(c) === best);
  // 吉林 is both a province and its city: a province and a same-named prefecture are ambiguous.
  const prefectureNamesake = best === 0 && candidates.some((c) => c.level === "PREFECTURE" && c.name.startsWith(text));
  if (top.length === 1 && !prefectureNamesake) return { kind: "FOUND", region: top[0]!, via: null };
  return { kind: "AMBIGUOUS", candidates: candidates.sort((a, b) => rank(a) - rank(b)) };
}
