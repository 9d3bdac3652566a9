// One place maps every error to what the client sees: expected codes pass, anything else is a bug
// and is masked (logged with the request id, never echoed).
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger.js";

/** Codes a client can act on; every other error is reported as INTERNAL_SERVER_ERROR. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "TOO_COMPLEX",
  "RATE_LIMITED",
]);

const RENAMED: Record<string, string> = { UNAUTHORIZED: "FORBIDDEN" };

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const rawCode = formatted.extensions?.code;
    const code = typeof rawCode === "string" ? (RENAMED[rawCode] ?? rawCode) : undefined;
    if (code && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    const original = unwrapResolverError(error);
    logger.error({ err: describeForLog(original), path: formatted.path }, "unexpected error while resolving");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/**
 * An unexpected error as it may be logged. drizzle's "Failed query: … params: …" message carries
 * the statement's parameters (names, phones, ciphertext): only the statement and the database's
 * error code and constraint are kept.
 */
export function describeForLog(error: unknown): Record<string, unknown> | string {
  if (!(error instanceof Error)) return "non-error thrown";
  const message = error.message.startsWith("Failed query:") ? error.message.replace(/\nparams:[\s\S]*$/, "\nparams: [not logged]") : error.message;
  // The database's message can quote a value ("invalid input syntax for type uuid: \"…\""): only its code and constraint.
  const cause = error.cause as { code?: unknown; constraint_name?: unknown } | undefined;
  return {
    type: error.name,
    message,
    stack: error.stack?.replace(/\nparams:[\s\S]*?(\n\s+at )/, "\nparams: [not logged]$1"),
    ...(cause ? { cause: { code: typeof cause.code === "string" ? cause.code : undefined, constraint: typeof cause.constraint_name === "string" ? cause.constraint_name : undefined } } : {}),
  };
}
