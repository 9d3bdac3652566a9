import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../logging/logger.js";
import { createErrorFormatter, describeForLog } from "./format-error.js";

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

  it("reports type-graphql's UNAUTHORIZED as FORBIDDEN", () => {
    const { format } = capture();
    const out = format({ message: "Access denied!", extensions: { code: "UNAUTHORIZED" } }, new Error("x"));
    expect(out.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("describeForLog keeps personal data out of error logs", () => {
  it("drops a failed query's parameters and the database's message, keeps its code and constraint", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "张三 13800138000"'), { code: "22P02", constraint_name: "person_pkey" });
    const error = new Error('Failed query: insert into "person" ("name", "phone_masked") values ($1, $2)\nparams: 张三,138****8000', { cause });
    error.stack = `${error.message}\n    at insertPerson (file:///app/dist/db/queries/policy-writes.js:10:5)`;
    const logged = JSON.stringify(describeForLog(error));
    expect(logged).not.toContain("张三");
    expect(logged).not.toContain("13800138000");
    expect(logged).toContain('insert into \\"person\\"');
    expect(logged).toContain("params: [not logged]");
    expect(logged).toContain("insertPerson");
    expect(logged).toContain("22P02");
    expect(logged).toContain("person_pkey");
  });

  it("passes other errors through and never logs a thrown non-error", () => {
    expect(describeForLog(new TypeError("x is undefined"))).toMatchObject({ type: "TypeError", message: "x is undefined" });
    expect(describeForLog({ name: "张三" })).toBe("non-error thrown");
  });
});
