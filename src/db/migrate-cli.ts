// npm run db:migrate: apply pending migrations to the configured database and exit.
import { ConfigError, loadConfig } from "../config/config.js";
import { openDatabase } from "./client.js";
import { migrate } from "./migrate.js";

try {
  const config = loadConfig();
  const handle = await openDatabase(config.database, { fastPath: config.databaseFastPath });
  try {
    const report = await migrate(handle.db);
    process.stdout.write(`migrations: ${report.applied.length} applied, ${report.total} in total (${handle.kind})\n`);
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `migration failed: ${String(error)}`}\n`);
  process.exit(1);
}
