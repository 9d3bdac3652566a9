// Structured JSON logs (lines for a person at a terminal: pretty.ts). Personal data never reaches a log line: the redaction paths below cover
// the fields that could carry it, and resolvers log codes and ids, not inputs.
import { pino, type Logger } from "pino";
import { fdDestination } from "./fd-destination.js";
import { prettyDestination } from "./pretty.js";

export type { Logger };

export const REDACTED_PATHS = [
  "*.idNumber",
  "*.phone",
  "*.name",
  "*.variables",
  "req.headers.authorization",
  "headers.authorization",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "health-services-graph" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? fdDestination(1),
  );
}

/**
 * The server's logger: JSON lines, or lines for a person when LOG_FORMAT=pretty or, unset, when
 * stdout is a terminal. Both carry the same redacted fields.
 */
export function createProcessLogger(level: string, format: "json" | "pretty" | "auto", stdout: NodeJS.WriteStream = process.stdout): Logger {
  const pretty = format === "pretty" || (format === "auto" && stdout.isTTY === true);
  if (pretty) return createLogger(level, prettyDestination(stdout, stdout.isTTY === true && !process.env.NO_COLOR));
  // pino's own synchronous destination for the process's stdout.
  return createLogger(level, stdout === process.stdout ? undefined : stdout);
}
