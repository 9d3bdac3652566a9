// A network table row of the handbook against the data set built from it (data/networks): the row
// is kept when every cell is either a column header of the printed layout (a province, or the
// city a hospital list is grouped under) or the `source` of an entry the build made from that row.
import type { Clause, SectionCode } from "./split-clauses.js";

export interface NetworkSources {
  /** City lists: each entry's source cell and its line in the handbook text. */
  readonly cities: Partial<Record<SectionCode, { readonly file: string; readonly entries: readonly { readonly source: string; readonly line: number }[] }>>;
  readonly mdt: { readonly file: string; readonly hospitals: readonly { readonly source: string; readonly listedUnder: string }[] };
  readonly japan: { readonly file: string; readonly hospitals: readonly { readonly nameZh: string; readonly nameJa: string; readonly city: string }[] };
}

export interface RowCoverage {
  readonly file: string;
  /** Cells of the row that no entry keeps. */
  readonly uncovered: readonly string[];
}

const PROVINCES = new Set([
  "北京", "天津", "河北", "山西", "内蒙", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东",
  "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
]);
const MUNICIPALITIES = new Set(["北京", "天津", "上海", "重庆"]);

/** 湖北省 → 湖北, 内蒙古 自治区 → 内蒙古, 北京市 → 北京. */
const provinceName = (cell: string) => cell.replace(/\s+/g, "").replace(/(省|壮族自治区|回族自治区|维吾尔自治区|自治区|市)$/, "");

/** A province header cell; a municipality heads a column only when the city after it repeats it (北京 北京). */
function isProvinceHeader(cells: readonly string[], index: number): boolean {
  const name = provinceName(cells[index]!);
  if (!PROVINCES.has(name)) return false;
  if (!MUNICIPALITIES.has(name)) return true;
  const next = cells[index + 1];
  return next !== undefined && provinceName(next) === name;
}

/** Null when the clause is not a network table row. */
export function networkRowCoverage(clause: Clause, sources: NetworkSources): RowCoverage | null {
  const cells = clause.cells;
  if (clause.subsection !== "网络" || !cells) return null;
  if (clause.section === "MDT") {
    const kept = new Set(sources.mdt.hospitals.map((h) => h.source));
    const cities = new Set(sources.mdt.hospitals.map((h) => h.listedUnder));
    return { file: sources.mdt.file, uncovered: cells.filter((c) => !kept.has(c) && !cities.has(c)) };
  }
  if (clause.section === "JAPAN") {
    const kept = new Set(sources.japan.hospitals.flatMap((h) => [h.nameZh, h.nameJa, h.city]));
    return { file: sources.japan.file, uncovered: cells.filter((c) => !kept.has(c)) };
  }
  const city = sources.cities[clause.section];
  if (!city) return { file: "", uncovered: [...cells] };
  const onLine = new Set(city.entries.filter((e) => e.line === clause.line).map((e) => e.source));
  return { file: city.file, uncovered: cells.filter((c, i) => !onLine.has(c) && !isProvinceHeader(cells, i)) };
}
