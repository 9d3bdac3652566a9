// npm run hospital:import -- <file>: validate every line of the insurer's hospital registry, then
// replace the registry in one transaction; a file with any error changes nothing (exit 1, errors
// with line numbers). The file's format: src/rules/network/parse-hospital-registry.ts, docs/networks.md.
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "../config/config.js";
import { loadRegionIndex } from "../reference/networks.js";
import { parseHospitalRegistry } from "../rules/network/parse-hospital-registry.js";
import { openDatabase } from "./client.js";
import { replaceHospitalRegistry } from "./hospital-registry-import.js";
import { migrate } from "./migrate.js";

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: npm run hospital:import -- <file>\n");
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const parsed = parseHospitalRegistry(text, loadRegionIndex());
if (!parsed.ok) {
  process.stderr.write(`${file}: nothing changed; ${parsed.errors.length} problem(s):\n${parsed.errors.map((e) => `  ${e}`).join("\n")}\n`);
  process.exit(1);
}
try {
  const config = loadConfig();
  const handle = await openDatabase(config.database, { fastPath: config.databaseFastPath });
  try {
    await migrate(handle.db);
    const n = await replaceHospitalRegistry(handle.db, parsed.entries);
    process.stdout.write(`hospital registry replaced with ${n} hospitals from ${file}\n`);
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `import failed: ${String(error)}`}\n`);
  process.exit(1);
}
