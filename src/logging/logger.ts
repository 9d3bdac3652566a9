// Structured JSON logs. Personal data never reaches a log line: the redaction paths below cover
// the fields that could carry it, and resolvers log codes and ids, not inputs.
import { pino, type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
  "*.idNumber",
  "*.phone",
  "*.name",
  "*.variables",
  "req.headers.authorization",
  "headers.authorization",
];

/**
 * Standard output for a running server, written without blocking the event loop: each line is
 * handed to a write on libuv's thread pool, and lines that arrive while one is in flight go out
 * together in the next. A server writes one line per request, and a blocking write each was a
 * fifth of the CPU of an empty request (bench/RESULTS.md). pino writes what is left
 * synchronously when the process exits.
 */
export function serverOutput(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "health-services-graph" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
