// One place maps every error to what the client sees: expected codes pass, anything else is a bug
// and is masked (logged through the request's logger, with its request id and trace id, never
// echoed); a database that cannot be reached for the moment is SERVICE_UNAVAILABLE with
// `retryable: true`.
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Context } from "../context/context.js";
import { describeForLog } from "../logging/describe-error.js";
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

type ErrorKind = { kind: "client"; code: string } | { kind: "coercion" } | { kind: "unavailable"; original: unknown } | { kind: "bug"; original: unknown };

/** What an error is, from its code (as Apollo formats it) and the error it wraps. */
function classify(rawCode: unknown, error: unknown): ErrorKind {
  const code = typeof rawCode === "string" ? (RENAMED[rawCode] ?? rawCode) : undefined;
  if (code && CLIENT_CODES.has(code)) return { kind: "client", code };
  const original = unwrapResolverError(error);
  if (isValueCoercionError(original)) return { kind: "coercion" };
  if (isDatabaseUnavailable(original)) return { kind: "unavailable", original };
  return { kind: "bug", original };
}

/** Apollo's `formatError`: what the client sees of each error. Logs nothing (`errorLogPlugin` does). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const what = classify(formatted.extensions?.code, error);
  switch (what.kind) {
    case "client": {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: what.code } };
    }
    case "coercion":
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    case "unavailable":
      return {
        message: "The database is unavailable for the moment; retry the request (a submission with the same idempotency key).",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
      };
    case "bug":
      return { message: "Internal server error", locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
}

/**
 * Logs the errors a client is not told about, through the request's logger (so each line has the
 * request id, and the trace id when the trace is recorded): a bug as an error, an unavailable
 * database as a warning. The cause is described for the log only (describeForLog: no values).
 */
export function errorLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const what = classify(error.extensions?.code, error);
            if (what.kind === "unavailable") contextValue.logger.warn({ err: describeForLog(what.original), path: error.path }, "the database is unavailable; the client may retry");
            if (what.kind === "bug") contextValue.logger.error({ err: describeForLog(what.original), path: error.path }, "unexpected error while resolving");
          }
        },
      };
    },
  };
}
