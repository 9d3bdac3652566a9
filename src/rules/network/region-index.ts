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
  /** A misprint that is also a real name elsewhere (安定 for 定安县): one more reading, never the first. */
  readonly secondary?: boolean;
}

export interface RegionIndex {
  readonly byCode: ReadonlyMap<string, RegionRecord>;
  readonly byName: ReadonlyMap<string, readonly RegionRecord[]>;
  readonly aliases: ReadonlyMap<string, AliasRecord>;
  /** Names without their suffix or nationality part (白沙 → 白沙黎族自治县, 广西 → 广西壮族自治区). */
  readonly byShortName: ReadonlyMap<string, readonly RegionRecord[]>;
  readonly prefectures: readonly RegionRecord[];
}

export type PlaceLookup =
  /** `alternatives`: the other divisions the typed name can mean (昌江 → 昌江区, also 昌江黎族自治县). */
  | { readonly kind: "FOUND"; readonly region: RegionRecord; readonly via: string | null; readonly alternatives: readonly RegionRecord[] }
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
  const byShortName = new Map<string, RegionRecord[]>();
  for (const r of regions) {
    for (const short of shortNamesOf(r.name)) if (short !== r.name) byShortName.set(short, [...(byShortName.get(short) ?? []), r]);
  }
  return {
    byCode: new Map(regions.map((r) => [r.code, r])),
    byName,
    aliases: new Map(aliases.map((a) => [a.name, a])),
    byShortName,
    prefectures: regions.filter((r) => r.level === "PREFECTURE"),
  };
}

/** The 55 nationalities as they appear in autonomous names (白沙黎族自治县, 巴音郭楞蒙古自治州). */
const NATIONALITIES = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲",
  "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
  "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
].sort((a, b) => b.length - a.length);
const SUFFIXES = ["自治州", "自治县", "自治旗", "自治区", "特别行政区", "地区", "林区", "市", "县", "区", "盟", "旗", "州", "省"];

/**
 * The forms people write a division's name in: without its suffix (襄阳市 → 襄阳) and, for an
 * autonomous one, without its nationalities (白沙黎族自治县 → 白沙, 克孜勒苏柯尔克孜自治州 → 克孜勒苏).
 * A form shorter than two characters is not a name.
 */
export function shortNamesOf(name: string): string[] {
  const forms = new Set<string>();
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= 2);
  if (!suffix) return [];
  let stem = name.slice(0, -suffix.length);
  forms.add(stem);
  if (suffix.startsWith("自治") || suffix === "特别行政区") {
    for (let stripped = true; stripped; ) {
      stripped = false;
      for (const nation of NATIONALITIES) {
        const tail = stem.endsWith(`${nation}族`) ? `${nation}族` : nation.length >= 2 && stem.endsWith(nation) ? nation : null;
        if (tail && stem.length - tail.length >= 2) {
          stem = stem.slice(0, -tail.length);
          stripped = true;
          break;
        }
      }
    }
    forms.add(stem);
  }
  return [...forms];
}

/** A province or prefecture is meant before a county of the same name (恩施 → the prefecture, not 恩施市). */
const rank = (r: RegionRecord) => (r.level === "PROVINCE" ? 0 : r.level === "PREFECTURE" ? 1 : 2);

export function resolvePlace(index: RegionIndex, query: string): PlaceLookup {
  const text = query.normalize("NFKC").trim().replace(/\s+/g, "");
  if (text === "") return { kind: "UNKNOWN" };
  if (/^\d{6}$/.test(text)) {
    const region = index.byCode.get(text);
    return region ? { kind: "FOUND", region, via: null, alternatives: [] } : { kind: "UNKNOWN" };
  }
  const readings = readingsOf(index, text);
  const others = (region: RegionRecord) => readings.filter((r) => r.code !== region.code);
  const alias = index.aliases.get(text);
  if (alias && !alias.secondary) {
    const region = index.byCode.get(alias.code)!;
    return { kind: "FOUND", region, via: alias.reason, alternatives: others(region) };
  }

  const exact = index.byName.get(text) ?? [];
  if (exact.length === 1) return { kind: "FOUND", region: exact[0]!, via: null, alternatives: others(exact[0]!) };
  const forms = [`${text}市`, `${text}省`, `${text}地区`, `${text}盟`, `${text}自治区`];
  let candidates = [...exact, ...forms.flatMap((f) => index.byName.get(f) ?? []), ...index.prefectures.filter((p) => p.name.startsWith(text))];
  if (candidates.length === 0) candidates = [`${text}县`, `${text}区`].flatMap((f) => index.byName.get(f) ?? []);
  if (candidates.length === 0) candidates = [...(index.byShortName.get(text) ?? [])];
  candidates = [...new Map(candidates.map((c) => [c.code, c])).values()];
  if (candidates.length === 0) {
    if (!alias) return { kind: "UNKNOWN" };
    const region = index.byCode.get(alias.code)!;
    return { kind: "FOUND", region, via: alias.reason, alternatives: others(region) };
  }
  const best = Math.min(...candidates.map(rank));
  const top = candidates.filter((c) => rank(c) === best);
  // 吉林 is both a province and its city: a province and a same-named prefecture are ambiguous.
  const prefectureNamesake = best === 0 && candidates.some((c) => c.level === "PREFECTURE" && c.name.startsWith(text));
  if (top.length === 1 && !prefectureNamesake) return { kind: "FOUND", region: top[0]!, via: null, alternatives: others(top[0]!) };
  return { kind: "AMBIGUOUS", candidates: readings };
}

/**
 * Every division the text can mean, the likeliest first: its exact name, the name with a suffix,
 * a prefecture it begins, a county or district of that name, a short form, an alias.
 */
function readingsOf(index: RegionIndex, text: string): RegionRecord[] {
  const alias = index.aliases.get(text);
  const found = [
    ...(index.byName.get(text) ?? []),
    ...[`${text}市`, `${text}省`, `${text}地区`, `${text}盟`, `${text}自治区`, `${text}县`, `${text}区`].flatMap((f) => index.byName.get(f) ?? []),
    ...index.prefectures.filter((p) => p.name.startsWith(text)),
    ...(index.byShortName.get(text) ?? []),
    ...(alias ? [index.byCode.get(alias.code)!] : []),
  ];
  return [...new Map(found.map((r) => [r.code, r])).values()].sort((a, b) => rank(a) - rank(b));
}
