// npm run handbook:clauses — splits data/handbook/handbook-2022.txt into data/handbook/clauses-2022.json.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLAUSES_JSON, PROJECT_ROOT, clausesJson, readHandbookClauses } from "../src/reference/handbook/read-project.js";

const clauses = readHandbookClauses();
writeFileSync(join(PROJECT_ROOT, CLAUSES_JSON), clausesJson(clauses));
process.stdout.write(`${CLAUSES_JSON}: ${clauses.length} clauses\n`);
