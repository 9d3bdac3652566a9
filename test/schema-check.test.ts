// The schema check CI runs (npm run schema:check, scripts/lib/schema-check.ts): a breaking change
// fails unless CHANGELOG.md lists it with a reason; deprecations carry a reason and a date; the
// published client documents validate against the new schema.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, print, visit } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema, printSchemaSdl } from "../src/graph/build-schema.js";
import { checkSchema, clientDocuments } from "../scripts/lib/schema-check.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const released = readFileSync(new URL("../schema.released.graphql", import.meta.url), "utf8");
const changelog = readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8");
const documents = clientDocuments(root);

/** A copy of the released schema with one edit; the edit must apply. */
function edited(from: string, to: string): string {
  expect(released).toContain(from);
  return released.replace(from, to);
}

/** A copy of the released schema without a field of a type (and its description). */
function withoutField(typeName: string, fieldName: string): string {
  let removed = 0;
  const document = visit(parse(released), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      const fields = node.fields?.filter((field) => field.name.value !== fieldName);
      removed += (node.fields?.length ?? 0) - (fields?.length ?? 0);
      return { ...node, fields };
    },
  });
  expect(removed).toBe(1);
  return print(document);
}

/** A copy of the changelog with lines under "## Unreleased". */
function withUnreleased(...lines: string[]): string {
  return changelog.replace(/^## Unreleased\n/m, `## Unreleased\n\n${lines.join("\n")}\n`);
}

const handbookField = "  handbook: Handbook!\n";

describe("schema check", () => {
  it("passes for the schema the code builds, the committed changelog and the published documents", async () => {
    expect(documents.filter((d) => d.source.startsWith("clients/sdk/persisted-documents.json")).length).toBeGreaterThan(0);
    expect(documents.filter((d) => d.source.startsWith("clients/operations/")).length).toBe(3);
    const result = await checkSchema({ releasedSdl: released, currentSdl: printSchemaSdl(await getSchema()), changelog, documents });
    expect(result.unlistedBreaking.map((c) => c.message)).toEqual([]);
    expect(result.deprecationProblems).toEqual([]);
    expect(result.documentProblems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("fails on a removed field that the changelog does not list, and names it", async () => {
    const result = await checkSchema({ releasedSdl: released, currentSdl: withoutField("Query", "handbook"), changelog, documents });
    expect(result.ok).toBe(false);
    expect(result.unlistedBreaking.map((c) => c.path)).toEqual(["Query.handbook"]);
  });

  it("passes when the removal is listed under Unreleased with its reason", async () => {
    const currentSdl = withoutField("Query", "handbook");
    const listed = await checkSchema({
      releasedSdl: released,
      currentSdl,
      changelog: withUnreleased("- `Query.handbook` removed: the handbook edition moved to the catalogue's own query"),
      documents,
    });
    expect(listed.unlistedBreaking).toEqual([]);
    expect(listed.ok).toBe(true);
  });

  it("does not count a listing without a reason, or one in an already released section", async () => {
    const currentSdl = withoutField("Query", "handbook");
    const bare = await checkSchema({ releasedSdl: released, currentSdl, changelog: withUnreleased("- `Query.handbook` removed"), documents });
    expect(bare.ok).toBe(false);
    const old = changelog.replace(/^## 2026-12-06\n/m, "## 2026-12-06\n\n- `Query.handbook` removed: listed in the wrong section of the changelog\n");
    expect(old).not.toBe(changelog);
    expect((await checkSchema({ releasedSdl: released, currentSdl, changelog: old, documents })).ok).toBe(false);
  });

  it("fails on a new required argument and on a removed enum value unless listed", async () => {
    const currentSdl = edited("  handbook: Handbook!\n", "  handbook(edition: String!): Handbook!\n").replace(/(enum CaseStatus \{[^}]*?)  NO_SHOW\n/, "$1");
    const unlisted = await checkSchema({ releasedSdl: released, currentSdl, changelog, documents });
    expect(unlisted.unlistedBreaking.map((c) => c.path).sort()).toEqual(["CaseStatus.NO_SHOW", "Query.handbook.edition"]);
    const listed = await checkSchema({
      releasedSdl: released,
      currentSdl,
      changelog: withUnreleased(
        "- `Query.handbook.edition` added, required: a caller names the edition it was built against",
        "- `CaseStatus.NO_SHOW` removed: a missed appointment is now CANCELLED with a reason",
      ),
      documents,
    });
    expect(listed.ok).toBe(true);
  });

  it("fails when a published trusted document no longer validates, even if the change is listed", async () => {
    // the front-end's Coverage operation (a published trusted document) selects Query.coverage
    const result = await checkSchema({
      releasedSdl: released,
      currentSdl: withoutField("Query", "coverage"),
      changelog: withUnreleased("- `Query.coverage` removed: replaced by the network walk on Service"),
      documents,
    });
    expect(result.unlistedBreaking).toEqual([]);
    expect(result.ok).toBe(false);
    expect(result.documentProblems.some((p) => p.startsWith("clients/sdk/persisted-documents.json sha256:") && p.includes('"coverage"'))).toBe(true);
    expect(result.documentProblems.some((p) => p.startsWith("clients/operations/front-end.graphql"))).toBe(true);
  });

  it("asks every deprecation for a reason and a date", async () => {
    const deprecate = (directive: string) => edited(handbookField, `  handbook: Handbook! ${directive}\n`);
    const noReason = await checkSchema({ releasedSdl: released, currentSdl: deprecate("@deprecated"), changelog, documents });
    expect(noReason.deprecationProblems).toEqual(["Query.handbook: deprecated without a reason"]);
    const noDate = await checkSchema({ releasedSdl: released, currentSdl: deprecate('@deprecated(reason: "Use Service.handbook")'), changelog, documents });
    expect(noDate.ok).toBe(false);
    expect(noDate.deprecationProblems[0]).toMatch(/^Query\.handbook: deprecation reason has no date/);
    const dated = await checkSchema({ releasedSdl: released, currentSdl: deprecate('@deprecated(reason: "Use Service.handbook. Deprecated 2026-12-06")'), changelog, documents });
    expect(dated.deprecationProblems).toEqual([]);
    expect(dated.ok).toBe(true);
  });
});
