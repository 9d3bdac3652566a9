// One place maps every error to what the client sees: expected codes pass, anything else is a bug
// and is masked (logged with the request id, never echoed); a database that cannot be reached for
// the moment is SERVICE_UNAVAILABLE with `retryable: true`.
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { describeForLog } from "../logging/describe-error.js";
import type { Logger } from "../logging/logger.js";
import { isDatabaseUnavailable } from "../db/driver/unavailable.js";

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

/**
 * graphql-js's own refusal of a value at a field (a null variable in a non-null argument or
 * directive, which validation cannot see): a GraphQLError with no code and no cause. The graph's
 * own errors always carry a code, and a resolver's bug arrives as a plain Error.
 */
function isValueCoercionError(error: unknown): boolean {
  return error instanceof GraphQLError && error.originalError == null && error.extensions?.code === undefined;
}

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
    if (isValueCoercionError(original)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: describeForLog(original), path: formatted.path }, "the database is unavailable; the client may retry");
      return {
        message: "The database is unavailable for the moment; retry the request (a submission with the same idempotency key).",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
      };
    }
    logger.error({ err: describeForLog(original), path: formatted.path }, "unexpected error while resolving");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
