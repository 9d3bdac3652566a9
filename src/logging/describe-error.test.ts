import { describe, expect, it } from "vitest";
import { describeForLog } from "./describe-error.js";

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
