// Two editions of the handbook, clause by clause: what was added, removed, changed or only
// renumbered, each with the code and tests that cite the old clause (what to revisit).
// Pairing, in order: the same text (normalised) under the same id, then the same text under another
// id (renumbered), then the same id with a similar text (changed), then the most similar text of the
// same section and subsection (changed and renumbered); what is left is added or removed.
import { findCitations, normaliseQuote } from "./citations.js";
import type { Clause } from "./split-clauses.js";
import type { ProjectFile } from "./trace.js";

export type ClauseChange =
  | { readonly kind: "ADDED"; readonly to: Clause }
  | { readonly kind: "REMOVED"; readonly from: Clause }
  | { readonly kind: "CHANGED"; readonly from: Clause; readonly to: Clause; readonly similarity: number }
  | { readonly kind: "RENUMBERED"; readonly from: Clause; readonly to: Clause };

/** Pairs under this similarity are not the same clause. */
export const MIN_SIMILARITY = 0.5;

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient over character bigrams of the normalised texts, 0–1. */
export function similarity(a: string, b: string): number {
  const x = normaliseQuote(a);
  const y = normaliseQuote(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  for (const [gram, n] of bx) shared += Math.min(n, by.get(gram) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

export function diffClauses(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const changes: ClauseChange[] = [];
  const oldLeft = new Map(before.map((c) => [c.id, c]));
  const newLeft = new Map(after.map((c) => [c.id, c]));
  const pair = (from: Clause, to: Clause, change: ClauseChange | null) => {
    oldLeft.delete(from.id);
    newLeft.delete(to.id);
    if (change) changes.push(change);
  };
  const same = (a: Clause, b: Clause) => normaliseQuote(a.text) === normaliseQuote(b.text);

  for (const from of before) {
    const to = newLeft.get(from.id);
    if (to && same(from, to)) pair(from, to, null);
  }
  for (const from of [...oldLeft.values()]) {
    const to = [...newLeft.values()].find((c) => c.section === from.section && same(from, c));
    if (to) pair(from, to, { kind: "RENUMBERED", from, to });
  }
  for (const from of [...oldLeft.values()]) {
    const to = newLeft.get(from.id);
    const score = to ? similarity(from.text, to.text) : 0;
    if (to && score >= MIN_SIMILARITY) pair(from, to, { kind: "CHANGED", from, to, similarity: score });
  }
  for (const from of [...oldLeft.values()]) {
    let best: { to: Clause; score: number } | null = null;
    for (const to of newLeft.values()) {
      if (to.section !== from.section || to.subsection !== from.subsection) continue;
      const score = similarity(from.text, to.text);
      if (score >= MIN_SIMILARITY && (best === null || score > best.score)) best = { to, score };
    }
    if (best) pair(from, best.to, { kind: "CHANGED", from, to: best.to, similarity: best.score });
  }
  for (const from of oldLeft.values()) changes.push({ kind: "REMOVED", from });
  for (const to of newLeft.values()) changes.push({ kind: "ADDED", to });
  const order = new Map(after.map((c, i) => [c.id, i]));
  const oldOrder = new Map(before.map((c, i) => [c.id, i]));
  const position = (c: ClauseChange) => ("to" in c ? order.get(c.to.id)! : oldOrder.get(c.from.id)! - 0.5);
  return changes.sort((a, b) => position(a) - position(b));
}

/** Files that cite a clause: its own id or its item id. */
export function citingFiles(clause: Clause, files: readonly ProjectFile[]): string[] {
  return files.filter((f) => findCitations(f.text).some((c) => c.id === clause.id || c.id === clause.item)).map((f) => f.path);
}

export function renderDiff(changes: readonly ClauseChange[], files: readonly ProjectFile[]): string {
  if (!changes.length) return "No clause added, removed or changed.\n";
  const lines: string[] = [];
  const cited = (clause: Clause) => {
    const where = citingFiles(clause, files);
    return where.length ? `\n    cited in: ${where.join(", ")}` : "\n    cited nowhere";
  };
  for (const change of changes) {
    switch (change.kind) {
      case "ADDED":
        lines.push(`ADDED ${change.to.id}: ${change.to.text}`);
        break;
      case "REMOVED":
        lines.push(`REMOVED ${change.from.id}: ${change.from.text}${cited(change.from)}`);
        break;
      case "RENUMBERED":
        lines.push(`RENUMBERED ${change.from.id} → ${change.to.id}: ${change.to.text}${cited(change.from)}`);
        break;
      case "CHANGED": {
        const id = change.from.id === change.to.id ? change.to.id : `${change.from.id} → ${change.to.id}`;
        lines.push(`CHANGED ${id} (similarity ${change.similarity.toFixed(2)})\n    was: ${change.from.text}\n    now: ${change.to.text}${cited(change.from)}`);
        break;
      }
    }
  }
  const count = (kind: ClauseChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  lines.push("", `${count("ADDED")} added, ${count("REMOVED")} removed, ${count("CHANGED")} changed, ${count("RENUMBERED")} renumbered`);
  return `${lines.join("\n")}\n`;
}
