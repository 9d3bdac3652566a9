// The handbook's words live in data/handbook, not in src/: code looks a clause up by its id
// (src/rules/handbook/clauses.ts) and never types a sentence of it. A copy is any WINDOW consecutive
// characters of a clause found in a source file under src/ (tests aside), after NFKC (full-width
// punctuation as half-width) and with all whitespace removed, so a sentence split over lines or
// retyped with other commas is still found. Short labels and paraphrases stay below the window.
// And every clause id a service definition cites is a clause of the handbook.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CLAUSE_ID_PATTERN } from "../src/reference/handbook/citations.js";
import { isClauseId } from "../src/rules/handbook/clauses.js";
import { HANDBOOK_SERVICES } from "../src/rules/services/index.js";

const ROOT = new URL("..", import.meta.url).pathname;
const WINDOW = 12;

interface ClauseRow {
  readonly id: string;
  readonly text: string;
}
const clauses = JSON.parse(readFileSync(join(ROOT, "data/handbook/clauses-2022.json"), "utf8")) as ClauseRow[];

const plain = (text: string) => text.normalize("NFKC").replace(/\s+/gu, "");

/** Every WINDOW-long run of each clause's text, with the clause it comes from. */
function windowsOf(rows: readonly ClauseRow[]): Map<string, string> {
  const windows = new Map<string, string>();
  for (const { id, text } of rows) {
    const t = plain(text);
    for (let i = 0; i + WINDOW <= t.length; i++) if (!windows.has(t.slice(i, i + WINDOW))) windows.set(t.slice(i, i + WINDOW), id);
  }
  return windows;
}

/** The handbook's words found in `text`: each clause once, with the first run of it seen. */
function copiesIn(text: string, windows: ReadonlyMap<string, string>): { clause: string; words: string }[] {
  const t = plain(text);
  const found = new Map<string, string>();
  for (let i = 0; i + WINDOW <= t.length; i++) {
    const clause = windows.get(t.slice(i, i + WINDOW));
    if (clause && !found.has(clause)) found.set(clause, t.slice(i, i + WINDOW));
  }
  return [...found].map(([clause, words]) => ({ clause, words }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const WINDOWS = windowsOf(clauses);

describe("no handbook sentence is copied into src/", () => {
  const files = sourceFiles(join(ROOT, "src"));

  it("reads the source files and the clauses", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(clauses.length).toBeGreaterThan(300);
    expect(files.some((f) => f.endsWith("src/rules/services/green-channel.ts"))).toBe(true);
  });

  it(`no source file holds ${WINDOW} consecutive characters of a clause`, () => {
    const copies = files.flatMap((file) => copiesIn(readFileSync(file, "utf8"), WINDOWS).map((c) => `${relative(ROOT, file)}: ${c.clause} 「${c.words}」`));
    expect(copies).toEqual([]);
  });

  it("GREEN_CHANNEL.提示.2 亦视为本项服务已完成，计入服务次数 — finds a copy split over lines, retyped with half-width commas", () => {
    const file = `const note = t(\n  "若我司已为被保险人完成门诊、住院安排，但由于被保险人迟到、爽约等个人原因导致号源或床位失效，最终未能在预定时间就医,\n   亦视为本项服务已完成, 计入服务次数。", "en");`;
    expect(copiesIn(file, WINDOWS).map((c) => c.clause)).toEqual(["GREEN_CHANNEL.提示.2"]);
  });

  it("GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消 — finds a short sentence whole, not a paraphrase or a label", () => {
    expect(copiesIn(`message: t("本项服务申请成功后不接受改期或取消。", "en")`, WINDOWS).map((c) => c.clause)).toEqual(["GREEN_CHANNEL.提示.1"]);
    expect(copiesIn(`name: t("审核通过，安排中", "Approved"), startsWhen: t("收到服务申请及完整资料", "x")`, WINDOWS)).toEqual([]);
  });
});

describe("the clause ids a service definition cites", () => {
  const files = readdirSync(join(ROOT, "src/rules/services")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it("are clauses of the handbook, wherever the file names them (code, data, comments)", () => {
    const cited = files.flatMap((f) => [...readFileSync(join(ROOT, "src/rules/services", f), "utf8").matchAll(CLAUSE_ID_PATTERN)].map((m) => `${f}: ${m[0]}`));
    expect(cited.length).toBeGreaterThan(150);
    expect(cited.filter((c) => !isClauseId(c.split(": ")[1]!))).toEqual([]);
  });

  it("in every clock, action and reading of the loaded definitions", () => {
    const ids = HANDBOOK_SERVICES.flatMap((s) =>
      [...s.catalogue.slas.map((x) => x.clause), ...s.workflow.actions.map((x) => x.clause), ...(s.workflow.readings ?? []).map((x) => x.clause)].flatMap((c) =>
        c.split(",").map((id) => `${s.code}: ${id.trim()}`),
      ),
    );
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((c) => !isClauseId(c.split(": ")[1]!))).toEqual([]);
  });

  it("a definition citing a clause the handbook does not have fails to load", async () => {
    const { clauseText } = await import("../src/rules/handbook/clauses.js");
    // Built at run time: the trace refuses a test naming a clause that does not exist.
    const missing = ["GREEN_CHANNEL", "提示", "9"].join(".");
    expect(() => ({ notes: [clauseText(missing)] })).toThrow(`${missing} is not a clause of the handbook`);
  });
});
