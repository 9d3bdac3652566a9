import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../logging/logger.js";
import type { Context } from "../context/context.js";
import { errorLogPlugin, formatError } from "./format-error.js";

/** `format` as Apollo calls it; `log` as Apollo calls the plugin, with a request's logger (errors only). */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger("error", stream).child({ requestId: "req-1", traceId: "0af7651916cd43dd8448eb211c80319c" });
  const log = async (...errors: GraphQLError[]) => {
    const hooks = await errorLogPlugin().requestDidStart!({} as never);
    await hooks!.didEncounterErrors!({ contextValue: { logger } as unknown as Context, errors } as never);
  };
  return { lines, format: formatError, log };
}

describe("error formatting", () => {
  it("masks an unexpected error and logs it through the request's logger, with the request id and the trace id", async () => {
    const { lines, format, log } = capture();
    const secret = new Error("connection to 10.0.0.5 refused for user admin");
    const out = format({ message: secret.message, path: ["services"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["x"] } }, secret);
    expect(out).toEqual({ message: "Internal server error", path: ["services"], locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(lines).toEqual([]);
    await log(new GraphQLError(secret.message, { path: ["services"], originalError: secret }));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: "unexpected error while resolving", requestId: "req-1", traceId: "0af7651916cd43dd8448eb211c80319c", path: ["services"] });
    expect(lines[0]).toContain("connection to 10.0.0.5 refused");
  });

  it("passes client errors through without a stack trace, and logs none", async () => {
    const { lines, format, log } = capture();
    const error = new GraphQLError("Authentication required", { extensions: { code: "UNAUTHENTICATED" } });
    const out = format({ message: error.message, extensions: { code: "UNAUTHENTICATED", stacktrace: ["at x"] } }, error);
    expect(out).toEqual({ message: "Authentication required", extensions: { code: "UNAUTHENTICATED" } });
    await log(error, new GraphQLError('Argument "benefit" of non-null type "BenefitCode!" must not be null.'));
    expect(lines).toEqual([]);
  });

  it("reports graphql-js's refusal of a value at a field as BAD_USER_INPUT, and still masks a resolver's bug wrapped the same way", () => {
    const { lines, format } = capture();
    const refusal = new GraphQLError('Argument "benefit" of non-null type "BenefitCode!" must not be null.');
    const located = new GraphQLError(refusal.message, { path: ["policy", "entitlement"], originalError: refusal });
    const out = format({ message: refusal.message, path: ["policy", "entitlement"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, located);
    expect(out).toEqual({ message: refusal.message, path: ["policy", "entitlement"], locations: undefined, extensions: { code: "BAD_USER_INPUT" } });
    expect(lines).toEqual([]);
    const bug = new TypeError("Cannot read properties of undefined (reading 'service')");
    const wrapped = new GraphQLError(bug.message, { path: ["policy", "entitlement"], originalError: bug });
    expect(format({ message: bug.message, path: ["policy", "entitlement"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("reports type-graphql's UNAUTHORIZED as FORBIDDEN", () => {
    const { format } = capture();
    const out = format({ message: "Access denied!", extensions: { code: "UNAUTHORIZED" } }, new Error("x"));
    expect(out.extensions?.code).toBe("FORBIDDEN");
  });

  it("reports a database that cannot be reached for the moment as SERVICE_UNAVAILABLE, retryable, and masks its detail", async () => {
    const { lines, format, log } = capture();
    const cases: [string, unknown][] = [
      ["postgres.js closed", Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:55433"), { code: "CONNECTION_CLOSED" })],
      ["a standby refuses a write", Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" })],
      ["the server shuts down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
      ["connection exception class", Object.assign(new Error("connection failure"), { code: "08006" })],
      ["wrapped by drizzle", Object.assign(new Error("Failed query: insert …"), { cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" }) })],
    ];
    for (const [name, error] of cases) {
      const out = format({ message: String((error as Error).message), path: ["submitCase"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, error);
      expect(out.extensions, name).toEqual({ code: "SERVICE_UNAVAILABLE", retryable: true });
      expect(out.message, name).not.toMatch(/127\.0\.0\.1|10\.0\.0\.5|INSERT/);
    }
    // Logged as a warning, not as an error (this logger writes errors only).
    await log(...cases.map(([, error]) => new GraphQLError("x", { path: ["submitCase"], originalError: error as Error })));
    expect(lines).toEqual([]);
    // A constraint violation is no outage: still masked as a bug.
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(format({ message: "duplicate key", extensions: { code: "INTERNAL_SERVER_ERROR" } }, unique).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });
});
