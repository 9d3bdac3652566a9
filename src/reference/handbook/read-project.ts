// Reads what the handbook trace is made from: the handbook text kept in data/handbook, the
// project's code, data and tests, and the network data sets. Paths are relative to the project.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { NetworkSources } from "./network-rows.js";
import { splitHandbook, type Clause } from "./split-clauses.js";
import type { Fate, ProjectFile, TraceInput } from "./trace.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const HANDBOOK_TEXT = "data/handbook/handbook-2022.txt";
export const CLAUSES_JSON = "data/handbook/clauses-2022.json";
export const TRACE_MARKDOWN = "docs/handbook-trace.md";
export const NETWORK_TESTS = ["src/rules/network/network-data.test.ts", "test/network.e2e.test.ts"] as const;

export function readProjectFile(path: string, root = PROJECT_ROOT): string {
  return readFileSync(join(root, path), "utf8");
}

/** The clauses as committed in clauses-2022.json: id, section, subsection, text. */
export function clausesJson(clauses: readonly Clause[]): string {
  return `${JSON.stringify(clauses.map(({ id, section, subsection, text }) => ({ id, section, subsection, text })), null, 1)}\n`;
}

export function readHandbookClauses(root = PROJECT_ROOT): Clause[] {
  return splitHandbook(readProjectFile(HANDBOOK_TEXT, root));
}

function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(root, path);
    return [path];
  });
}

const toPosix = (path: string) => path.split(sep).join("/");

export function readTraceInput(fates: readonly Fate[], root = PROJECT_ROOT): TraceInput {
  const files = ["src", "test", "data"].flatMap((dir) => walk(root, dir)).map((p) => toPosix(relative(root, join(root, p)))).sort();
  const read = (path: string): ProjectFile => ({ path, text: readProjectFile(path, root) });
  const isTest = (p: string) => p.endsWith(".test.ts") && (p.startsWith("src/") || p.startsWith("test/"));
  const sources = files
    .filter((p) => !isTest(p))
    .filter((p) => (p.startsWith("src/") && p.endsWith(".ts") && !p.startsWith("src/reference/handbook/")) || (p.startsWith("data/") && /\.(ts|json)$/.test(p) && !p.startsWith("data/handbook/")))
    .map(read);
  const tests = files.filter(isTest).map(read);
  const json = <T>(path: string) => JSON.parse(readProjectFile(path, root)) as T;
  type CityFile = { entries: { source: string; line: number }[] };
  const networks: NetworkSources = {
    cities: {
      GREEN_CHANNEL: { file: "data/networks/green-channel.json", entries: json<CityFile>("data/networks/green-channel.json").entries },
      ADVANCE: { file: "data/networks/inpatient-advance.json", entries: json<CityFile>("data/networks/inpatient-advance.json").entries },
      GENE_TEST: { file: "data/networks/gene-test.json", entries: json<CityFile>("data/networks/gene-test.json").entries },
    },
    mdt: { file: "data/networks/mdt-hospitals.json", hospitals: json<{ hospitals: { source: string; listedUnder: string }[] }>("data/networks/mdt-hospitals.json").hospitals },
    japan: { file: "data/networks/japan-hospitals.json", hospitals: json<{ hospitals: { nameZh: string; nameJa: string; city: string }[] }>("data/networks/japan-hospitals.json").hospitals },
  };
  return { clauses: readHandbookClauses(root), sources, tests, fates, networks, networkTests: NETWORK_TESTS };
}
