// npm run network:build — rebuilds the city networks of the green channel, the advance payment
// and the gene test from the handbook's extracted tables (data/handbook/handbook-2022.txt):
// every source cell, in reading order, resolved to its current GB/T 2260 division
// (data/regions/regions.json), with each correction or interpretation and its reason.
// The manual decisions below are the review: the script fails on any cell it cannot place.
import type { CorrectionRecord } from "../src/reference/corrections.js";
import type { NetworkFileEntry } from "../src/reference/networks.js";
import { readFileSync, writeFileSync } from "node:fs";

interface Region {
  code: string;
  name: string;
  level: "PROVINCE" | "PREFECTURE" | "COUNTY";
  parentCode: string | null;
  provinceCode: string;
}
type Correction = CorrectionRecord;
type Entry = NetworkFileEntry;

const HANDBOOK = new URL("../data/handbook/handbook-2022.txt", import.meta.url);
const { regions } = JSON.parse(readFileSync(new URL("../data/regions/regions.json", import.meta.url), "utf8")) as { regions: Region[] };
const byCode = new Map(regions.map((r) => [r.code, r]));
const byName = new Map<string, Region[]>();
for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);

/** Table extents in the handbook (first and last line of each extracted table). */
const TABLES = {
  GREEN_CHANNEL: [146, 232],
  INPATIENT_ADVANCE: [277, 378],
  GENE_TEST: [519, 534],
} as const;

const HEADER_WORDS = new Set(["省份", "城市", "省/市", "市"]);
const PROVINCE_SHORT: Record<string, string> = {
  北京: "110000", 天津: "120000", 河北: "130000", 山西: "140000", 内蒙: "150000", 内蒙古: "150000", 辽宁: "210000",
  吉林: "220000", 黑龙江: "230000", 上海: "310000", 江苏: "320000", 浙江: "330000", 安徽: "340000", 福建: "350000",
  江西: "360000", 山东: "370000", 河南: "410000", 湖北: "420000", 湖南: "430000", 广东: "440000", 广西: "450000",
  海南: "460000", 重庆: "500000", 四川: "510000", 贵州: "520000", 云南: "530000", 西藏: "540000", 陕西: "610000",
  甘肃: "620000", 青海: "630000", 宁夏: "640000", 新疆: "650000",
};
const MUNICIPALITIES = new Set(["北京", "天津", "上海", "重庆"]);
/** 湖北省 → 湖北, 内蒙古 自治区 → 内蒙古, 北京市 → 北京; 吉林市 stays a city. */
const shortProvince = (token: string) => {
  const bare = token.replace(/\s+/g, "").replace(/(省|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "");
  return bare.endsWith("市") && MUNICIPALITIES.has(bare.slice(0, -1)) ? bare.slice(0, -1) : bare;
};

/**
 * The review of every cell that names a province (line:token). A province name in a province
 * column, followed by its cities, is a header; a municipality's name repeated in the next cell is
 * its header and then its own city. The cells below are the ones that do not fit that pattern.
 */
const HEADER_REVIEW: Record<string, { header: boolean; reason: string }> = {
  "184:吉林": { header: false, reason: "in a city column among 黑龙江's and 吉林's cities: the city 吉林市" },
  "336:海南": { header: false, reason: "in a city column among 青海's prefectures (海北, 海东, 海西): 海南藏族自治州" },
  "322:重庆": { header: false, reason: "a lone cell in a column of places (巴中, 成都, 达州, 德阳, 阿坝 above it), the table's only 重庆 cell: the municipality itself, not a header" },
  "217:辽宁": { header: true, reason: "in a city column, but no place is named 辽宁: a shifted header of the 辽宁 cities that follow (铁岭 …)" },
  "285:海南": { header: true, reason: "in the last city column, before 三沙 in a cell past the table's edge: the shifted header of the Hainan places that follow" },
  "334:贵州": { header: true, reason: "in the last city column with no city beside it: the header of the 贵州 places below it (毕节, 铜仁, 遵义 …)" },
  "355:浙江": { header: true, reason: "in the last city column with no city beside it: the header of the 浙江 places below it (衢州 …)" },
  "365:吉林": { header: true, reason: "heads the 吉林 places below it (辽源, 四平, 松原, 通化); the city itself is listed as 吉林市 at line 372" },
  "529:山东省": { header: true, reason: "in a city column, but 山东 is no city: the shifted header of 临沂市 beside it" },
};
const DEFAULT_HEADER_REASON = "a province's name in a province column, beside or above its cities: the header";
const MUNICIPALITY_HEADER_REASON = "a municipality's name, repeated as its own city in the next cell: the header, then the place";

export interface HeaderDecision {
  line: number;
  column: number;
  source: string;
  header: boolean;
  reason: string;
}

/** Places the generic rules cannot resolve alone, with the reason. */
const DECISIONS: Record<string, { code: string; kind: string; reason: string }> = {
  襄樊: { code: "420600", kind: "OLD_NAME", reason: "襄樊市 was renamed 襄阳市 in 2010" },
  布依州: { code: "522300", kind: "SHORT_NAME", reason: "布依州 is the 黔西南布依族苗族自治州 (seat 兴义)" },
  安定: { code: "469021", kind: "TYPO", reason: "安定 among the Hainan counties is 定安县 with its characters swapped" },
  莱芜: { code: "370116", kind: "ABOLISHED", reason: "莱芜市 was merged into 济南市 in 2019; its area is now 济南市莱芜区 (济南 itself is listed too)" },
  巢湖: { code: "340181", kind: "ABOLISHED", reason: "the prefecture-level 巢湖市 was abolished in 2011; 巢湖市 is now a county-level city of 合肥" },
  九台: { code: "220113", kind: "ABOLISHED", reason: "九台市 became 长春市九台区 in 2014" },
  博尔: { code: "652700", kind: "TRUNCATED", reason: "cut at the cell edge: 博尔塔拉蒙古自治州" },
  乌兰察: { code: "150900", kind: "TRUNCATED", reason: "cut at the cell edge: 乌兰察布市" },
  锡林郭: { code: "152500", kind: "TRUNCATED", reason: "cut at the cell edge: 锡林郭勒盟" },
  大兴安: { code: "232700", kind: "TRUNCATED", reason: "cut at the cell edge: 大兴安岭地区" },
  吉林: { code: "220200", kind: "SHORT_NAME", reason: "in a city column 吉林 is 吉林市, not the province" },
  海南: { code: "632500", kind: "SHORT_NAME", reason: "listed among 青海's prefectures (海北, 海东, 海西): 海南藏族自治州, not the province" },
  朝阳: { code: "211300", kind: "SHORT_NAME", reason: "listed among 辽宁's cities: 朝阳市, not a district named 朝阳区" },
  通化: { code: "220500", kind: "SHORT_NAME", reason: "通化市 (the prefecture), not 通化县" },
  兴安: { code: "152200", kind: "SHORT_NAME", reason: "listed among 内蒙古's leagues: 兴安盟, not 兴安县 in 广西" },
  东方: { code: "469007", kind: "SHORT_NAME", reason: "listed among the Hainan counties: 东方市" },
};

const rank = (r: Region) => (r.level === "PREFECTURE" ? 0 : r.level === "PROVINCE" ? 1 : r.parentCode === r.provinceCode ? 2 : r.name.endsWith("市") ? 3 : 4);

function resolve(token: string, hint: string | null): { region: Region; how: "exact" | "short" } {
  const forms = [token, `${token}市`, `${token}地区`, `${token}盟`];
  // A prefecture named by its short form (恩施 → 恩施土家族苗族自治州) wins over a county-level city of that name (恩施市).
  let candidates = [...forms.flatMap((f) => byName.get(f) ?? []), ...regions.filter((r) => r.level === "PREFECTURE" && r.name.startsWith(token))];
  let how: "exact" | "short" = "short";
  if (!candidates.length) candidates = regions.filter((r) => r.level !== "PROVINCE" && r.name.startsWith(token));
  if (!candidates.length) candidates = [`${token}区`, `${token}县`].flatMap((f) => byName.get(f) ?? []);
  candidates = candidates.filter((r) => r.level !== "PROVINCE" || MUNICIPALITIES.has(shortProvince(r.name)));
  if (!candidates.length) throw new Error(`no division for ${token}`);
  const best = Math.min(...candidates.map(rank));
  let top = [...new Map(candidates.filter((r) => rank(r) === best).map((r) => [r.code, r])).values()];
  if (top.length > 1 && hint) top = top.filter((r) => r.provinceCode === hint).length ? top.filter((r) => r.provinceCode === hint) : top;
  if (top.length > 1) throw new Error(`ambiguous ${token}: ${top.map((r) => `${r.name} ${r.code}`).join(", ")} — add a decision`);
  if (top[0]!.name === token) how = "exact";
  return { region: top[0]!, how };
}

function build(service: keyof typeof TABLES): { entries: Entry[]; headers: HeaderDecision[] } {
  const [from, to] = TABLES[service];
  const lines = readFileSync(HANDBOOK, "utf8").split("\n");
  const hints: (string | null)[] = [null, null, null, null];
  const entries: Entry[] = [];
  const headers: HeaderDecision[] = [];
  const seen = new Map<string, string>();
  for (let n = from; n <= to; n++) {
    const cells = lines[n - 1]!.split("\t");
    cells.forEach((raw, column) => {
      const token = raw.trim();
      if (!token || HEADER_WORDS.has(token)) return;
      const pair = Math.min(3, Math.floor(column / 2));
      const short = shortProvince(token);
      const previous = cells[column - 1]?.trim();
      const isMunicipalityPlace = MUNICIPALITIES.has(short) && previous !== undefined && shortProvince(previous) === short;
      if (PROVINCE_SHORT[short] && !isMunicipalityPlace) {
        const review = HEADER_REVIEW[`${n}:${token}`];
        const nextIsItself = MUNICIPALITIES.has(short) && shortProvince(cells[column + 1]?.trim() ?? "") === short;
        const decision = review ?? { header: true, reason: nextIsItself ? MUNICIPALITY_HEADER_REASON : DEFAULT_HEADER_REASON };
        headers.push({ line: n, column, source: token, ...decision });
        if (decision.header) {
          hints[pair] = PROVINCE_SHORT[short]!;
          return;
        }
      }
      const hint = hints[pair] ?? null;
      const decision = DECISIONS[token];
      const corrections: Correction[] = [];
      let region: Region;
      if (decision) {
        region = byCode.get(decision.code)!;
        corrections.push({ kind: decision.kind, reason: decision.reason });
      } else {
        const resolved = resolve(token, hint);
        region = resolved.region;
        if (resolved.how === "short" && token.length < region.name.length - 1) {
          corrections.push({ kind: "SHORT_NAME", reason: `${token} is the short form of ${region.name}` });
        }
      }
      const headerName = hint ? byCode.get(hint)!.name : null;
      if (hint && region.provinceCode !== hint) {
        corrections.push({ kind: "PROVINCE_FIXED", reason: `listed under ${headerName} in the extracted table; ${region.name} is in ${byCode.get(region.provinceCode)!.name}` });
      }
      if (region.level === "COUNTY") {
        const parent = region.parentCode ? byCode.get(region.parentCode)!.name : "";
        corrections.push({ kind: "COUNTY_LEVEL", reason: `${region.name} is a county-level division (of ${parent}): it covers itself only` });
      }
      const duplicateOf = seen.get(region.code) ?? null;
      if (duplicateOf !== null) corrections.push({ kind: "DUPLICATE", reason: `the same division as ${duplicateOf}, listed earlier` });
      else seen.set(region.code, token);
      entries.push({ source: token, line: n, sourceProvince: headerName, code: region.code, name: region.name, level: region.level, provinceCode: region.provinceCode, duplicateOf: duplicateOf === null ? null : region.code, corrections });
    });
  }
  return { entries, headers };
}

const pkg = JSON.parse(readFileSync(new URL("../data/regions/regions.json", import.meta.url), "utf8")) as { source: string };
for (const service of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
  const { entries, headers } = build(service);
  const file = new URL(`../data/networks/${service.toLowerCase().replace(/_/g, "-")}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify({ service, source: "handbook-2022.txt", divisions: pkg.source, headers, entries }, null, 1)}\n`);
  const distinct = new Set(entries.map((e) => e.code)).size;
  process.stdout.write(`${service}: ${entries.length} source cells, ${distinct} distinct divisions\n`);
}
