// `npm run build` ends here: (re)makes the embedded-database template when its inputs changed.
// The database code is loaded only then, so an unchanged template costs a hash of its inputs.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { TEMPLATE_FILE, TEMPLATE_STAMP, templateStamp } from "./embedded-template.js";

const stamp = templateStamp();
const upToDate = existsSync(TEMPLATE_FILE) && existsSync(TEMPLATE_STAMP) && readFileSync(TEMPLATE_STAMP, "utf8").trim() === stamp;
if (!upToDate) {
  const started = performance.now();
  const [{ DEVELOPMENT_PII_KEY }, { createPiiProtector }, { openDatabase }, { migrate }, { seed }] = await Promise.all([
    import("../config/config.js"),
    import("../security/pii-protector.js"),
    import("./client.js"),
    import("./migrate.js"),
    import("./seed/seed.js"),
  ]);
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
}
