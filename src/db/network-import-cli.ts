// npm run network:import -- <SERVICE> <file>: validate every line, then replace the network in one
// transaction; a file with any error changes nothing (exit 1, errors with line numbers).
import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "../config/config.js";
import { loadRegionIndex } from "../reference/networks.js";
import { SERVICES } from "../rules/catalogue/catalogue.js";
import { parseNetworkFile } from "../rules/network/parse-network-file.js";
import { openDatabase } from "./client.js";
import { migrate } from "./migrate.js";
import { replaceNetwork } from "./network-import.js";

const [service, file] = process.argv.slice(2);
const cityServices = SERVICES.filter((s) => s.network === "CITY_LIST").map((s) => s.code as string);
if (!service || !file || !cityServices.includes(service)) {
  process.stderr.write(`usage: npm run network:import -- <${cityServices.join("|")}> <file>\n`);
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const parsed = parseNetworkFile(text, loadRegionIndex());
if (!parsed.ok) {
  process.stderr.write(`${file}: nothing changed; ${parsed.errors.length} problem(s):\n${parsed.errors.map((e) => `  ${e}`).join("\n")}\n`);
  process.exit(1);
}
try {
  const config = loadConfig();
  const handle = await openDatabase(config.database, { fastPath: config.databaseFastPath });
  try {
    await migrate(handle.db);
    const n = await replaceNetwork(handle.db, service, parsed.entries);
    process.stdout.write(`${service}: network replaced with ${n} places from ${file}\n`);
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `import failed: ${String(error)}`}\n`);
  process.exit(1);
}
