// The insurer's registry of mainland hospitals, one file it maintains (docs/networks.md, "Hospital
// registry"): one hospital, or one division of a hospital, per line, fields separated by tabs:
//
//   名称 <TAB> 等级 <TAB> 性质 <TAB> 部门 [<TAB> 城市 [<TAB> 别名、别名…]]
//
// 等级: 三级甲等, 三甲, 三级, 二级乙等, 一级, 未定级 …; 性质: 公立 or 民营 (私立); 部门: 普通部, 特需部 or
// 国际部; 城市 optional (a place as people write it, or a GB/T 2260 code); aliases separated by 、 or ;.
// Blank lines and # comments are ignored. Every line is checked before anything changes; two lines
// that name the same hospital (by name or alias, compared as search keys) are an error.
// The levels it records are what GREEN_CHANNEL.介绍.1 and ADVANCE.介绍.1 ask of a hospital.
import { parseHospitalGrade, type DivisionKind, type HospitalGrade, type HospitalOwnership } from "./check-hospital-level.js";
import { hospitalSearchKey } from "./hospital-search-key.js";
import { resolvePlace, type RegionIndex } from "./region-index.js";

export interface RegistryLine {
  readonly line: number;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The search keys of the name and every alias: what a submitted name is compared with. */
  readonly searchKeys: readonly string[];
  readonly grade: HospitalGrade;
  readonly ownership: HospitalOwnership;
  readonly division: DivisionKind;
  readonly city: string | null;
  readonly cityCode: string | null;
}

export type RegistryFile = { readonly ok: true; readonly entries: readonly RegistryLine[] } | { readonly ok: false; readonly errors: readonly string[] };

const OWNERSHIP: Record<string, HospitalOwnership> = { 公立: "PUBLIC", 民营: "PRIVATE", 私立: "PRIVATE" };
const DIVISION: Record<string, DivisionKind> = { 普通部: "GENERAL", 特需部: "SPECIAL_NEEDS", 国际部: "INTERNATIONAL" };

export function parseHospitalRegistry(text: string, index: RegionIndex): RegistryFile {
  const entries: RegistryLine[] = [];
  const errors: string[] = [];
  const keyLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/#.*$/, "");
    if (!content.trim()) return;
    const fields = content.split("\t").map((f) => f.trim());
    const [name = "", gradeText = "", ownershipText = "", divisionText = "", cityText = "", aliasText = ""] = fields;
    const problems: string[] = [];
    if (fields.length < 4 || fields.length > 6) problems.push(`${fields.length} fields, expected 4 to 6 separated by tabs (名称, 等级, 性质, 部门, 城市, 别名)`);
    if (!name || name.length > 100) problems.push("a name of 1–100 characters is needed");
    const grade = parseHospitalGrade(gradeText);
    if (!grade) problems.push(`unknown grade "${gradeText}" (三级甲等, 三级, 二级乙等, 一级, 未定级 …)`);
    const ownership = OWNERSHIP[ownershipText];
    if (!ownership) problems.push(`unknown ownership "${ownershipText}" (公立 or 民营)`);
    const division = DIVISION[divisionText];
    if (!division) problems.push(`unknown division "${divisionText}" (普通部, 特需部 or 国际部)`);
    let cityCode: string | null = null;
    if (cityText) {
      const place = resolvePlace(index, cityText);
      if (place.kind === "FOUND") cityCode = place.region.code;
      else problems.push(place.kind === "AMBIGUOUS" ? `city "${cityText}" is ambiguous — write the code` : `unknown city "${cityText}"`);
    }
    const aliases = aliasText
      .split(/[、;；]/)
      .map((a) => a.trim())
      .filter(Boolean);
    const searchKeys = [...new Set([name, ...aliases].map(hospitalSearchKey).filter(Boolean))];
    for (const key of searchKeys) {
      const earlier = keyLine.get(key);
      if (earlier !== undefined) problems.push(`names the same hospital as line ${earlier} ("${key}")`);
    }
    if (problems.length) {
      errors.push(...problems.map((p) => `line ${line}: ${p}`));
      return;
    }
    for (const key of searchKeys) keyLine.set(key, line);
    entries.push({ line, name, aliases, searchKeys, grade: grade!, ownership: ownership!, division: division!, city: cityText || null, cityCode });
  });
  if (entries.length === 0 && errors.length === 0) errors.push("the file names no hospital");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}
