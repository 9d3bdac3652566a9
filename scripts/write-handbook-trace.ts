// npm run handbook:trace — writes docs/handbook-trace.md: every clause of the handbook with its fate.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { HANDBOOK_FATES } from "../data/handbook/fates.js";
import { PROJECT_ROOT, TRACE_MARKDOWN, readTraceInput } from "../src/reference/handbook/read-project.js";
import { countBySection, renderTraceMarkdown, traceHandbook } from "../src/reference/handbook/trace.js";

const trace = traceHandbook(readTraceInput(HANDBOOK_FATES));
writeFileSync(join(PROJECT_ROOT, TRACE_MARKDOWN), renderTraceMarkdown(trace));
const all = countBySection(trace.rows).get("ALL")!;
process.stdout.write(`${TRACE_MARKDOWN}: ${all.TOTAL} clauses, ${all.IMPLEMENTED} implemented, ${all.INFORMATIONAL} informational, ${all.OUT_OF_SCOPE} out of scope, ${all.MISSING} missing, ${all.NONE} without a fate\n`);
for (const error of trace.errors) process.stderr.write(`${error}\n`);
if (trace.errors.length) process.exitCode = 1;
