// npm run calendar:vendor — copies the State Council holiday schedule (days off and the weekend
// days made working days, 调休) from the maintained `chinese-days` package into
// data/calendar/cn-holidays.json, the project-owned file the server loads. A test compares the two.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const FIRST_YEAR = 2022;
const require = createRequire(import.meta.url);
const pkg = require("chinese-days/package.json") as { version: string };
const source = require("chinese-days/dist/chinese-days.json") as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

/** "National Day,国庆节,3" → "国庆节 National Day" */
const label = (value: string) => {
  const [en, zh] = value.split(",");
  return `${zh} ${en}`;
};

const years: Record<string, { holidays: Record<string, string>; workdays: Record<string, string> }> = {};
for (const [kind, entries] of [
  ["holidays", source.holidays],
  ["workdays", source.workdays],
] as const) {
  for (const [date, value] of Object.entries(entries).sort()) {
    const year = date.slice(0, 4);
    if (Number(year) < FIRST_YEAR) continue;
    years[year] ??= { holidays: {}, workdays: {} };
    years[year][kind][date] = label(value);
  }
}

const out = new URL("../data/calendar/cn-holidays.json", import.meta.url);
const json = `${JSON.stringify({ source: `chinese-days@${pkg.version}`, years }, null, 2)}\n`;
const before = (() => {
  try {
    return readFileSync(out, "utf8");
  } catch {
    return "";
  }
})();
writeFileSync(out, json);
process.stdout.write(`${before === json ? "unchanged" : "written"}: ${Object.keys(years).join(", ")} from chinese-days@${pkg.version}\n`);
