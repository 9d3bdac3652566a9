// The handbook's words, by clause id. The catalogue's Chinese text, the SLA clocks' sources and the
// workflows' readings are read from data/handbook/clauses-2022.json (made from the handbook by
// `npm run handbook:clauses`; ids as in docs/handbook-trace.md), never typed into src/
// (test/handbook-copies.test.ts). The file is read once, at the first look-up: a reviewed table, as
// the definitions that use it are loaded. An id that is not a clause, or a marker not in its text,
// throws, so a definition quoting a clause that does not exist fails to load.
import { readFileSync } from "node:fs";

interface ClauseRow {
  readonly id: string;
  readonly text: string;
}

// The same relative place from src/rules/handbook (tsx) and dist/rules/handbook (the build).
const CLAUSES_FILE = new URL("../../../data/handbook/clauses-2022.json", import.meta.url);

let texts: ReadonlyMap<string, string> | undefined;

function textsById(): ReadonlyMap<string, string> {
  texts ??= new Map((JSON.parse(readFileSync(CLAUSES_FILE, "utf8")) as ClauseRow[]).map((c) => [c.id, c.text]));
  return texts;
}

/** Whether `id` names a clause, or an item (SEC.sub.N) of several sentences. */
export function isClauseId(id: string): boolean {
  return textsById().has(id) || sentencesOf(id).length > 0;
}

/** The sentences of item `id` (SEC.sub.N.1, SEC.sub.N.2, …), in order; none when it is not such an item. */
function sentencesOf(id: string): string[] {
  const sentences: string[] = [];
  for (let m = 1; textsById().has(`${id}.${m}`); m++) sentences.push(textsById().get(`${id}.${m}`)!);
  return sentences;
}

/**
 * The text of clause `id` as the handbook prints it; for an item of several sentences (SEC.sub.N),
 * its sentences joined. `omit`: words left out, each where it first occurs (a bracket the handbook
 * never closes, a "（下称“本服务”）" the catalogue does not repeat); each must be there.
 */
export function clauseText(id: string, options: { readonly omit?: readonly string[] } = {}): string {
  const whole = textsById().get(id) ?? sentencesOf(id).join("");
  if (!whole) throw new Error(`${id} is not a clause of the handbook (data/handbook/clauses-2022.json)`);
  let text = whole;
  for (const words of options.omit ?? []) {
    const at = text.indexOf(words);
    if (at < 0) throw new Error(`${id}: "${words}" is not in its text`);
    text = text.slice(0, at) + text.slice(at + words.length);
  }
  return text;
}

function bounds(id: string, from: string | undefined, to: string | undefined): { text: string; start: number; end: number } {
  const text = clauseText(id);
  const start = from === undefined ? 0 : text.indexOf(from);
  if (start < 0) throw new Error(`${id}: "${from}" is not in its text`);
  const toAt = to === undefined ? text.length : text.indexOf(to, start);
  if (toAt < 0) throw new Error(`${id}: "${to}" is not in its text after "${from ?? ""}"`);
  return { text, start, end: to === undefined ? text.length : toAt + to.length };
}

/** Part of clause `id`: from the first `from` (or the start) to the end of the first `to` after it (or the end). */
export function clauseExcerpt(id: string, from?: string, to?: string): string {
  const { text, start, end } = bounds(id, from, to);
  return text.slice(start, end);
}

/** As clauseExcerpt, marked as a quote: … where the clause goes on before or after it. */
export function clauseQuote(id: string, from?: string, to?: string): string {
  const { text, start, end } = bounds(id, from, to);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/** A 服务流程 row: its title, then its remarks (the starred lines, or the text after the title). */
function stepParts(id: string): { title: string; remarks: string[] } {
  if (!/^[A-Z_]+\.流程\.\d+$/u.test(id)) throw new Error(`${id} is not a 服务流程 row`);
  const text = clauseText(id);
  const split = /^(\S+)\s+(.+)$/su.exec(text);
  if (!split) return { title: text, remarks: [] };
  return { title: split[1]!, remarks: split[2]!.replace(/^\*/u, "").split(/\s+\*/u).map((r) => r.trim()) };
}

/** The title of 服务流程 row `id` (the whole row when it has no remark). */
export function stepTitle(id: string): string {
  return stepParts(id).title;
}

/** The remarks of 服务流程 row `id`, joined by ；. */
export function stepRemark(id: string): string {
  const { remarks } = stepParts(id);
  if (remarks.length === 0) throw new Error(`${id}: the row has no remark after its title`);
  return remarks.join("；");
}

/** The words of the clauses a rule cites (`clause`: ids separated by commas), for the docs. */
export function citedWords(clause: string): string {
  return clause
    .split(",")
    .map((id) => clauseText(id.trim()))
    .join(" / ");
}
