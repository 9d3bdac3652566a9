// A service has one home (#26): its code, and its benefits' codes, are named by its own definition
// in src/rules/services/ and by the code lists, and nowhere else in the source. An engine that needs
// something of one service reads it from the definition (src/rules/case-workflow/submission-rules.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { BENEFIT_CODES, SERVICE_CODES } from "../src/rules/catalogue/codes.js";

const root = new URL("..", import.meta.url).pathname;

/** Where naming a service is the point, with the reason. */
const ALLOWED: readonly [RegExp, string][] = [
  [/^src\/rules\/services\//, "the definitions and their registry"],
  [/^src\/rules\/catalogue\/codes\.ts$/, "the code lists themselves"],
  [/^src\/db\/seed\//, "demo data: policies and cases of named services"],
  [/^src\/http\/graphiql\.ts$/, "the example operations GraphiQL opens with, written as a client would"],
  [/^src\/reference\/handbook\//, "the handbook's own section names (GREEN_CHANNEL, MDT …) used to split and cite it"],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}

const codes = [...SERVICE_CODES, ...BENEFIT_CODES.filter((b) => !(SERVICE_CODES as readonly string[]).includes(b))];
const literal = new RegExp(`["'\`](${codes.join("|")})["'\`]`, "g");

describe("a service's code is named only where the service lives", () => {
  const files = sources(join(root, "src"));

  it("reads the source (the scan sees the definitions)", () => {
    const definitions = files.filter((f) => f.startsWith("src/rules/services/") && new RegExp(literal.source).test(readFileSync(join(root, f), "utf8")));
    expect(definitions.length).toBeGreaterThanOrEqual(SERVICE_CODES.length);
  });

  it("no other file under src/ names a service or benefit code", () => {
    const naming = files
      .filter((f) => !ALLOWED.some(([pattern]) => pattern.test(f)))
      .flatMap((f) => [...readFileSync(join(root, f), "utf8").matchAll(literal)].map((m) => `${f}: ${m[1]}`));
    expect(naming).toEqual([]);
  });
});
