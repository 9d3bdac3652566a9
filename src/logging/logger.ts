// Structured JSON logs. Personal data never reaches a log line: the redaction paths below cover
// the fields that could carry it, and resolvers log codes and ids, not inputs.
import { pino, type Logger } from "pino";
import { fdDestination } from "./fd-destination.js";

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
