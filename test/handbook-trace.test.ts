// The handbook trace holds: every clause has a fate, every test citation names a real clause and
// quotes it, and the committed clauses-2022.json and docs/handbook-trace.md are what the code makes.
import { describe, expect, it } from "vitest";
import { HANDBOOK_FATES } from "../data/handbook/fates.js";
import { CLAUSES_JSON, TRACE_MARKDOWN, clausesJson, readProjectFile, readTraceInput } from "../src/reference/handbook/read-project.js";
import { countBySection, renderTraceMarkdown, traceHandbook } from "../src/reference/handbook/trace.js";

const input = readTraceInput(HANDBOOK_FATES);
const trace = traceHandbook(input);

describe("the handbook trace", () => {
  it("finds no clause without a fate, no unknown id and no misquote", () => {
    expect(trace.errors).toEqual([]);
  });

  it("gives every clause a status", () => {
    expect(trace.rows.filter((r) => r.status === null).map((r) => r.clause.id)).toEqual([]);
    expect(countBySection(trace.rows).get("ALL")?.TOTAL).toBe(input.clauses.length);
  });

  it("reads clauses from every section, network rows included", () => {
    const counts = countBySection(trace.rows);
    for (const [section, c] of counts) expect(c.TOTAL, section).toBeGreaterThan(0);
    expect(input.clauses.filter((c) => c.cells).length).toBeGreaterThan(200);
  });

  it(`keeps ${CLAUSES_JSON} as npm run handbook:clauses writes it`, () => {
    expect(readProjectFile(CLAUSES_JSON)).toBe(clausesJson(input.clauses));
  });

  it(`keeps ${TRACE_MARKDOWN} as npm run handbook:trace writes it`, () => {
    expect(readProjectFile(TRACE_MARKDOWN)).toBe(renderTraceMarkdown(trace));
  });

  it("fails when code cites a clause whose fate says no rule keeps it", () => {
    const fated = HANDBOOK_FATES.find((f) => f.status === "INFORMATIONAL" && input.clauses.some((c) => c.id === f.id))!;
    const citing = { path: "src/rules/example.ts", text: `// ${fated.id}: a rule that says it keeps the clause` };
    const broken = traceHandbook({ ...input, sources: [...input.sources, citing] });
    expect(broken.errors).toContain(`${fated.id}: cited in src/rules/example.ts but its fate says INFORMATIONAL; quote it in a test or correct the fate`);
  });
});
