// `npm run build` ends here: (re)makes the embedded-database template when its inputs changed.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { DEVELOPMENT_PII_KEY } from "../config/config.js";
import { createPiiProtector } from "../security/pii-protector.js";
import { openDatabase } from "./client.js";
import { TEMPLATE_FILE, TEMPLATE_STAMP, templateStamp } from "./embedded-template.js";
import { migrate } from "./migrate.js";
import { seed } from "./seed/seed.js";

const stamp = templateStamp();
if (existsSync(TEMPLATE_FILE) && existsSync(TEMPLATE_STAMP) && readFileSync(TEMPLATE_STAMP, "utf8").trim() === stamp) {
  process.exit(0);
}
const started = performance.now();
const handle = await openDatabase({ kind: "pglite-memory" }, { template: false });
try {
  await migrate(handle.db);
  // Reference data only: demo policies are laid out around the day the server starts.
  await seed(handle.db, { demo: false, today: "2000-01-01", pii: createPiiProtector(DEVELOPMENT_PII_KEY) });
  const blob = await handle.dumpDataDir!();
  mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, Buffer.from(await blob.arrayBuffer()));
  writeFileSync(TEMPLATE_STAMP, `${stamp}\n`);
  process.stdout.write(`embedded database template made in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} finally {
  await handle.close();
}
