// npm run schema:check — the schema the code builds against schema.released.graphql, CHANGELOG.md
// and the published client documents (scripts/lib/schema-check.ts). Exits 1 on a problem.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getSchema, printSchemaSdl } from "../src/graph/build-schema.js";
import { checkSchema, clientDocuments, describeChanges } from "./lib/schema-check.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = await checkSchema({
  releasedSdl: readFileSync(new URL("../schema.released.graphql", import.meta.url), "utf8"),
  currentSdl: printSchemaSdl(await getSchema()),
  changelog: readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8"),
  documents: clientDocuments(root),
});

const out: string[] = [];
out.push(result.changes.length === 0 ? "schema: no change since schema.released.graphql" : `schema: ${result.changes.length} change(s) since schema.released.graphql`);
for (const line of describeChanges(result.changes)) out.push(`  ${line}`);
for (const change of result.unlistedBreaking) {
  out.push(`breaking change not listed in CHANGELOG.md under "## Unreleased": \`${change.path ?? change.message}\` ${change.message}`);
  out.push(`  add a line "- \`${change.path ?? change.message}\` <what changed>: <why, and what clients do instead>"`);
}
for (const problem of result.deprecationProblems) out.push(`deprecation: ${problem}`);
for (const problem of result.documentProblems) out.push(`client document no longer valid: ${problem}`);
out.push(result.ok ? "schema check passed" : "schema check FAILED");
process.stdout.write(`${out.join("\n")}\n`);
process.exit(result.ok ? 0 : 1);
