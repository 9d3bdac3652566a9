import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { replaceHospitalRegistry, seedHospitalRegistry } from "../src/db/hospital-registry-import.js";
import { queryRows } from "../src/db/driver/rows.js";
import { registryHospitalByName } from "../src/db/queries/networks.js";
import { loadRegionIndex, readDemoHospitalRegistry } from "../src/reference/networks.js";
import { parseHospitalRegistry } from "../src/rules/network/parse-hospital-registry.js";
import { openTestDatabase } from "./support/databases.js";

describe("hospital registry import", () => {
  it("reports every bad line with its number and accepts nothing from such a file", () => {
    const text = [
      "# 名称	等级	性质	部门	城市	别名",
      "甲医院	三级甲等	公立	普通部	武汉	甲院",
      "乙医院	四级	公立	普通部",
      "丙医院	二级	国营	普通部",
      "丁医院	二级	公立	门诊部",
      "戊医院	二级	公立	普通部	亚特兰蒂斯",
      "甲 院	一级	公立	普通部",
      "己医院 三级甲等 公立 普通部",
      "",
    ].join("\n");
    const parsed = parseHospitalRegistry(text, loadRegionIndex());
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'line 3: unknown grade "四级" (三级甲等, 三级, 二级乙等, 一级, 未定级 …)',
        'line 4: unknown ownership "国营" (公立 or 民营)',
        'line 5: unknown division "门诊部" (普通部, 特需部 or 国际部)',
        'line 6: unknown city "亚特兰蒂斯"',
        'line 7: names the same hospital as line 2 ("甲院")',
        expect.stringMatching(/^line 8: 1 fields, expected 4 to 6/),
        expect.stringMatching(/^line 8: unknown grade/),
        expect.stringMatching(/^line 8: unknown ownership/),
        expect.stringMatching(/^line 8: unknown division/),
      ],
    });
    expect(parseHospitalRegistry("\n# nothing\n", loadRegionIndex())).toEqual({ ok: false, errors: ["the file names no hospital"] });
  });

  it("keeps grade, ownership, division, city and the search keys of every name", () => {
    const parsed = parseHospitalRegistry("示例医院（东院）	三甲	民营	国际部	420100	示例东院、Example Hospital", loadRegionIndex());
    expect(parsed).toEqual({
      ok: true,
      entries: [
        {
          line: 1,
          name: "示例医院（东院）",
          aliases: ["示例东院", "Example Hospital"],
          searchKeys: ["示例医院东院", "示例东院", "examplehospital"],
          grade: { level: 3, tier: "甲" },
          ownership: "PRIVATE",
          division: "INTERNATIONAL",
          city: "420100",
          cityCode: "420100",
        },
      ],
    });
  });

  it("replaces the registry in one transaction; the demo file only fills an empty one", async () => {
    const handle = await openTestDatabase("pglite");
    try {
      const demo = readDemoHospitalRegistry();
      expect(await seedHospitalRegistry(handle.db, demo)).toBe(demo.length);
      expect(await seedHospitalRegistry(handle.db, demo)).toBe(0);
      expect(await registryHospitalByName(handle.db, " 示例市一医院 ")).toMatchObject({ name: "示例市第一人民医院", gradeLevel: 3, gradeTier: "甲", ownership: "PUBLIC", division: "GENERAL" });

      const parsed = parseHospitalRegistry("新医院	二级乙等	公立	普通部", loadRegionIndex());
      if (!parsed.ok) throw new Error(parsed.errors.join());
      expect(await replaceHospitalRegistry(handle.db, parsed.entries)).toBe(1);
      const rows = await queryRows<{ name: string; grade_level: number; grade_tier: string }>(handle.db, sql`select name, grade_level, grade_tier from hospital_registry`);
      expect(rows).toEqual([{ name: "新医院", grade_level: 2, grade_tier: "乙" }]);
      expect(await registryHospitalByName(handle.db, "示例市第一人民医院")).toBeNull();
      // The demo file does not overwrite an operator's import.
      expect(await seedHospitalRegistry(handle.db, demo)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
