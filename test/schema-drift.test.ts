// schema.graphql is committed and reviewed: it must be exactly what the code builds.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getSchema, printSchemaSdl } from "../src/graph/build-schema.js";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run npm run schema:emit after a change)", async () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(printSchemaSdl(await getSchema())).toBe(committed);
  });
});
