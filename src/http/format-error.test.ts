import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../logging/logger.js";
import { createErrorFormatter } from "./format-error.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, format: createErrorFormatter(createLogger("error", stream)) };
}

describe("error formatting", () => {
  it("masks an unexpected error and logs it", () => {
    const { lines, format } = capture();
    const secret = new Error("connection to 10.0.0.5 refused for user admin");
    const out = format({ message: secret.message, path: ["services"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["x"] } }, secret);
    expect(out).toEqual({ message: "Internal server error", path: ["services"], locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(lines.join("")).toContain("connection to 10.0.0.5 refused");
  });

  it("passes client errors through without a stack trace", () => {
    const { lines, format } = capture();
    const error = new GraphQLError("Authentication required", { extensions: { code: "UNAUTHENTICATED" } });
    const out = format({ message: error.message, extensions: { code: "UNAUTHENTICATED", stacktrace: ["at x"] } }, error);
    expect(out).toEqual({ message: "Authentication required", extensions: { code: "UNAUTHENTICATED" } });
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
});
