// npm run handbook:diff -- <other-edition.txt> [--base <edition.txt>]: the clauses another edition
// adds, removes or changes against the kept one (data/handbook/handbook-2022.txt), with the code
// and tests that cite each (and the fates table), so the team knows what to revisit.
import { readFileSync } from "node:fs";
import { diffClauses, renderDiff } from "../src/reference/handbook/diff-clauses.js";
import { readHandbookClauses, readProjectFile, readTraceInput } from "../src/reference/handbook/read-project.js";
import { splitHandbook } from "../src/reference/handbook/split-clauses.js";

const args = process.argv.slice(2);
const baseAt = args.indexOf("--base");
const base = baseAt >= 0 ? args.splice(baseAt, 2)[1] : undefined;
const [other] = args;
if (!other) {
  process.stderr.write("usage: npm run handbook:diff -- <other-edition.txt> [--base <edition.txt>]\n");
  process.exit(2);
}
const before = base ? splitHandbook(readFileSync(base, "utf8")) : readHandbookClauses();
const after = splitHandbook(readFileSync(other, "utf8"));
const { sources, tests } = readTraceInput([]);
// The fates table names clauses too: a renumbered clause moves its entry.
const fates = { path: "data/handbook/fates.ts", text: readProjectFile("data/handbook/fates.ts") };
process.stdout.write(renderDiff(diffClauses(before, after), [...sources, ...tests, fates]));
