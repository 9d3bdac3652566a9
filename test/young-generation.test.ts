// A request's objects die young: nothing in the old generation points into them, so a
// young-generation collection frees them rather than copying them and promoting them to wait for
// a full one (docs/decisions/0101-no-accessors-made-per-request.md). Measured in a process of its
// own with the collector exposed (test/support/promoted-bytes.ts): the old-generation bytes each
// request leaves once two young collections have run. Before the fixes: 11,800 bytes a request
// through Apollo's pipeline (its gateway context's `status` accessors, made per request) and 9,400
// a page (the connection's `totalCount` accessor, defined on each page). And the rule that keeps it
// so, checked on the source: an accessor is declared on a class, never made per object.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Connection } from "../src/resolvers/shared/pagination.js";

function promotedBytes(what: "apollo" | "connection"): number {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "test/support/promoted-bytes.ts", what], { encoding: "utf8" });
  return Number(out.trim());
}

describe("what a request leaves in the old generation", () => {
  it("through Apollo's pipeline and the graph's executor: under 3 KB of a request's objects", () => {
    expect(promotedBytes("apollo")).toBeLessThan(3_000);
  });

  it("a page whose total is counted on demand: nothing", () => {
    expect(promotedBytes("connection")).toBeLessThan(200);
  });

  it("patches/@apollo+server+5.5.1.patch is in both builds of Apollo's gateway context", () => {
    // The CommonJS entry is dist/cjs/index.js.
    const root = join(dirname(createRequire(import.meta.url).resolve("@apollo/server")), "..", "..");
    for (const build of ["esm", "cjs"]) {
      const text = readFileSync(join(root, "dist", build, "utils", "makeGatewayGraphQLRequestContext.js"), "utf8");
      expect(text, build).toContain("class GatewayResponseHttp");
      expect(text, build).not.toMatch(/get status\(\) \{\s*return newRequestContext/);
    }
  });
});

describe("Connection", () => {
  it("counts its total only when read, and once however often it is read", async () => {
    let counts = 0;
    const connection = new Connection([1, 2], { hasNextPage: false }, async () => ++counts);
    expect(counts).toBe(0);
    expect(connection.edges).toEqual([1, 2]);
    const [a, b] = await Promise.all([connection.totalCount, connection.totalCount]);
    expect([a, b, counts]).toEqual([1, 1, 1]);
  });

  it("keeps its total on the prototype: no accessor of its own on any page", () => {
    const connection = new Connection([], {}, async () => 0);
    expect(Object.getOwnPropertyDescriptor(connection, "totalCount")).toBeUndefined();
    expect(Object.getOwnPropertyNames(connection).sort()).toEqual(["edges", "pageInfo"]);
  });
});

/** Accessors that are made once per process or per import, not per request, with why. */
const MADE_ONCE: Readonly<Record<string, string>> = {
  "src/db/policy-feed/reader.ts": "the feed reader's queue, one per import",
};

/** Where a source file makes an accessor at run time: `get`/`set` in an object literal, or a descriptor with one. */
function accessorsMadeAtRunTime(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => `${relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if ((ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && ts.isObjectLiteralExpression(node.parent)) found.push(at(node));
    if (ts.isCallExpression(node) && /^(Object\.defineProperty|Object\.defineProperties|Reflect\.defineProperty)$/.test(node.expression.getText(source))) {
      const literals = node.arguments.filter(ts.isObjectLiteralExpression);
      const describesAccessor = (literal: ts.ObjectLiteralExpression): boolean =>
        literal.properties.some((p) => (p.name && ["get", "set"].includes(p.name.getText(source))) || (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer) && describesAccessor(p.initializer)));
      if (literals.some(describesAccessor)) found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("accessors", () => {
  it("are declared on classes: no source file makes one per object (record 0101)", () => {
    const found = sourceFiles("src")
      .filter((file) => !(relative(process.cwd(), file) in MADE_ONCE))
      .flatMap(accessorsMadeAtRunTime);
    expect(found).toEqual([]);
  });

  it("the check finds both forms", () => {
    const dir = join(process.cwd(), ".tmp", "test");
    const file = join(dir, "accessor-forms.ts");
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, "const a = { get x() { return 1; } };\nlet n = 0;\nObject.defineProperty(a, \"y\", { enumerable: true, get: () => n });\nclass C { get z() { return 2; } }\n");
    expect(accessorsMadeAtRunTime(file).map((where) => Number(where.split(":").at(-1)))).toEqual([1, 3]);
  });
});
