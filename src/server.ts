// Bootstrap only: read the configuration, start, stop cleanly on SIGTERM/SIGINT.
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config/config.js";
import { createProcessLogger } from "./logging/logger.js";
import { startRuntime } from "./runtime.js";
import { stopOnSignals } from "./process/shutdown.js";
import { startTracing } from "./process/tracing.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createProcessLogger(config.logLevel, config.logFormat);
  const tracing = startTracing();
  if (tracing) logger.info("traces are sent over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT)");
  const runtime = await startRuntime({ config, logger });
  stopOnSignals({ logger, stop: async () => (await runtime.stop(), await tracing?.shutdown()), deadlineMs: config.shutdownDeadlineMs });
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
