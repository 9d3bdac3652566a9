// Every clause's fate: implemented (a file under src/ or data/ names its id, and a test names the
// id and quotes it), or listed in data/handbook/fates.ts as informational, out of scope or
// missing, with a reason. Network table rows are implemented by their data set
// (network-rows.ts) and held by the network tests. Pure: the files come in as text.
import { findCitations, quoteProblem } from "./citations.js";
import { networkRowCoverage, type NetworkSources } from "./network-rows.js";
import { SECTION_CODES, type Clause, type SectionCode } from "./split-clauses.js";

export const FATE_STATUSES = ["INFORMATIONAL", "OUT_OF_SCOPE", "MISSING"] as const;
export type FateStatus = (typeof FATE_STATUSES)[number];
export type TraceStatus = "IMPLEMENTED" | FateStatus;

export interface Fate {
  /** A clause id, or an item id covering all its sentences. */
  readonly id: string;
  readonly status: FateStatus;
  readonly reason: string;
}

export interface ProjectFile {
  readonly path: string;
  readonly text: string;
}

export interface TraceInput {
  readonly clauses: readonly Clause[];
  /** Files under src/ (not tests, not the handbook reader itself) and data/ (not data/handbook). */
  readonly sources: readonly ProjectFile[];
  readonly tests: readonly ProjectFile[];
  readonly fates: readonly Fate[];
  readonly networks: NetworkSources;
  /** The tests that hold the network data sets. */
  readonly networkTests: readonly string[];
}

export interface TraceRow {
  readonly clause: Clause;
  readonly implementedIn: readonly string[];
  readonly tests: readonly string[];
  readonly status: TraceStatus | null;
  readonly reason: string;
}

export interface Trace {
  readonly rows: readonly TraceRow[];
  readonly errors: readonly string[];
}

const unique = (values: readonly string[]) => [...new Set(values)].sort();

export function traceHandbook(input: TraceInput): Trace {
  const errors: string[] = [];
  const byId = new Map(input.clauses.map((c) => [c.id, c]));
  const byItem = new Map<string, Clause[]>();
  for (const clause of input.clauses) byItem.set(clause.item, [...(byItem.get(clause.item) ?? []), clause]);
  /** The clauses an id names: itself, or all sentences of an item. */
  const named = (id: string): Clause[] => (byId.has(id) ? [byId.get(id)!] : (byItem.get(id) ?? []));

  const implementedIn = new Map<string, string[]>();
  for (const file of input.sources) {
    for (const citation of findCitations(file.text)) {
      const clauses = named(citation.id);
      if (!clauses.length) errors.push(`${file.path}:${citation.line}: ${citation.id} is not a clause of the handbook`);
      if (citation.shown) continue; // its words are printed: no rule keeps it by that
      for (const c of clauses) implementedIn.set(c.id, [...(implementedIn.get(c.id) ?? []), file.path]);
    }
  }

  const testedIn = new Map<string, string[]>();
  for (const file of input.tests) {
    for (const citation of findCitations(file.text)) {
      const clauses = named(citation.id);
      const where = `${file.path}:${citation.line}`;
      if (!clauses.length) {
        errors.push(`${where}: ${citation.id} is not a clause of the handbook`);
        continue;
      }
      if (citation.quote === null) continue;
      const problem = quoteProblem(citation.quote, clauses.map((c) => c.text));
      if (problem) {
        errors.push(`${where}: ${citation.id} "${citation.quote}": ${problem}`);
        continue;
      }
      for (const c of clauses) testedIn.set(c.id, [...(testedIn.get(c.id) ?? []), file.path]);
    }
  }

  const fateOf = new Map<string, Fate>();
  for (const fate of input.fates) {
    const clauses = named(fate.id);
    if (!clauses.length) errors.push(`fates: ${fate.id} is not a clause of the handbook`);
    if (!fate.reason.trim()) errors.push(`fates: ${fate.id} has no reason`);
    for (const c of clauses) {
      if (fateOf.has(c.id)) errors.push(`fates: ${c.id} is listed twice (${fateOf.get(c.id)!.id}, ${fate.id})`);
      fateOf.set(c.id, fate);
    }
  }

  const rows: TraceRow[] = input.clauses.map((clause) => {
    const network = networkRowCoverage(clause, input.networks);
    const fate = fateOf.get(clause.id);
    if (network) {
      const kept = network.uncovered.length === 0;
      const tests = input.networkTests;
      if (kept && fate) errors.push(`fates: ${fate.id} is listed, but its row is kept in ${network.file}`);
      if (!kept && !fate) errors.push(`${clause.id}: cells ${network.uncovered.join(", ")} are in no entry of ${network.file} and the row has no fate`);
      return kept
        ? { clause, implementedIn: [network.file], tests, status: "IMPLEMENTED", reason: "" }
        : { clause, implementedIn: [], tests: [], status: fate?.status ?? null, reason: fate ? fate.reason : `not in ${network.file}: ${network.uncovered.join(", ")}` };
    }
    const where = unique(implementedIn.get(clause.id) ?? []);
    const tests = unique(testedIn.get(clause.id) ?? []);
    if (where.length && tests.length) return { clause, implementedIn: where, tests, status: "IMPLEMENTED", reason: "" };
    if (fate) {
      // A fate says no rule keeps the clause: code that cites it contradicts the fate (or lacks its test).
      if (where.length) errors.push(`${clause.id}: cited in ${where.join(", ")} but its fate says ${fate.status}; quote it in a test or correct the fate`);
      return { clause, implementedIn: where, tests, status: fate.status, reason: fate.reason };
    }
    const half = where.length ? "named in code but quoted by no test" : tests.length ? "quoted by a test but named in no code" : "no rule, no test and no fate";
    errors.push(`${clause.id}: ${half}`);
    return { clause, implementedIn: where, tests, status: null, reason: half };
  });

  // A fate all of whose clauses are implemented is stale: the code has caught up.
  for (const fate of input.fates) {
    const clauses = named(fate.id);
    if (clauses.length && clauses.every((c) => rows.find((r) => r.clause.id === c.id)?.status === "IMPLEMENTED")) {
      errors.push(`fates: ${fate.id} is implemented now; remove its entry`);
    }
  }
  for (const test of input.networkTests) {
    if (!input.tests.some((t) => t.path === test)) errors.push(`network test ${test} does not exist`);
  }
  return { rows, errors: unique(errors) };
}

export type Counts = Record<TraceStatus | "NONE" | "TOTAL", number>;

export function countBySection(rows: readonly TraceRow[]): Map<SectionCode | "ALL", Counts> {
  const empty = (): Counts => ({ IMPLEMENTED: 0, INFORMATIONAL: 0, OUT_OF_SCOPE: 0, MISSING: 0, NONE: 0, TOTAL: 0 });
  const counts = new Map<SectionCode | "ALL", Counts>([...SECTION_CODES.map((s) => [s, empty()] as const), ["ALL", empty()]]);
  for (const row of rows) {
    for (const key of [row.clause.section, "ALL"] as const) {
      const c = counts.get(key)!;
      c[row.status ?? "NONE"]++;
      c.TOTAL++;
    }
  }
  return counts;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderTraceMarkdown(trace: Trace): string {
  const counts = countBySection(trace.rows);
  const out: string[] = [
    "# The handbook, clause by clause",
    "",
    "Generated by `npm run handbook:trace` from data/handbook/handbook-2022.txt, the code and the tests;",
    "test/handbook-trace.test.ts fails when it is stale. How clauses are numbered and cited:",
    "src/reference/handbook/split-clauses.ts and citations.ts.",
    "",
    "IMPLEMENTED: a file under src/ or data/ names the clause id and a test names it with a quote of",
    "its text (network rows: every cell is kept in data/networks, held by the network tests).",
    "INFORMATIONAL, OUT_OF_SCOPE, MISSING: listed in data/handbook/fates.ts with the reason.",
    "",
    "| section | implemented | informational | out of scope | missing | no fate | total |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const [section, c] of counts) {
    out.push(`| ${section} | ${c.IMPLEMENTED} | ${c.INFORMATIONAL} | ${c.OUT_OF_SCOPE} | ${c.MISSING} | ${c.NONE} | ${c.TOTAL} |`);
  }
  for (const section of SECTION_CODES) {
    out.push("", `## ${section}`, "", "| clause | handbook text | where implemented | tests | status |", "|---|---|---|---|---|");
    for (const row of trace.rows.filter((r) => r.clause.section === section)) {
      const status = row.status === null ? "**NO FATE**" : row.status;
      const reason = row.reason ? ` — ${row.reason}` : "";
      out.push(`| ${row.clause.id} | ${cell(row.clause.text)} | ${cell(row.implementedIn.join(", "))} | ${cell(row.tests.join(", "))} | ${cell(status + reason)} |`);
    }
  }
  return `${out.join("\n")}\n`;
}
