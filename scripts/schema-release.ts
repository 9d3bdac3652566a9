// npm run schema:release [-- <label>] — records the schema the code builds as released:
// writes schema.released.graphql and turns CHANGELOG.md's "## Unreleased" section into
// "## <label>" (default: today's date, YYYY-MM-DD) under a new, empty "## Unreleased".
// Run it when a release ships, after npm run schema:check passes.
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { getSchema, printSchemaSdl } from "../src/graph/build-schema.js";

const label = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const changelogUrl = new URL("../CHANGELOG.md", import.meta.url);
const changelog = readFileSync(changelogUrl, "utf8");
if (!/^##\s+Unreleased\b/im.test(changelog)) {
  process.stderr.write('CHANGELOG.md has no "## Unreleased" section\n');
  process.exit(1);
}
writeFileSync(changelogUrl, changelog.replace(/^##\s+Unreleased\b.*$/im, `## Unreleased\n\n## ${label}`));
writeFileSync(new URL("../schema.released.graphql", import.meta.url), printSchemaSdl(await getSchema()));
process.stdout.write(`schema.released.graphql written; CHANGELOG.md: "## Unreleased" is now "## ${label}"\n`);
