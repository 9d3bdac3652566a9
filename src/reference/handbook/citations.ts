// Finds handbook clause ids in code and tests, and checks a test's quote against the clause.
//
// A citation in a test is `<id> <quote>`: the id, one or more spaces, then the quote, which runs
// to the first of: a string delimiter (" ' `), — (em dash), |, an ASCII colon followed by a space
// (a note after the quote; the handbook's own colons are full-width), or the end of the line. The
// quote, after normalising (NFKC, so full-width punctuation becomes half-width and … becomes ...;
// all whitespace and * removed), must be found in the clause text — or, for an item id (SEC.sub.N
// of an item with several sentences), in one of its sentences: `...` marks an elision, so its
// pieces must appear in that order. The quote is at least MIN_QUOTE characters long unless it is
// the whole sentence. An id with no quote after it is a
// mention: it must exist, and it does not count as a test of the clause.
//
// In code, an id passed to a look-up of the handbook's words (src/rules/handbook/clauses.ts:
// clauseText, clauseExcerpt, clauseQuote, stepTitle, stepRemark) is shown, not implemented: the
// catalogue prints the clause, which keeps no rule by being printed. It must exist all the same.
import { SECTION_CODES, SUBSECTION_CODES } from "./split-clauses.js";

export const CLAUSE_ID_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])(?:${SECTION_CODES.join("|")})\\.(?:${SUBSECTION_CODES.join("|")})\\.\\d+(?:\\.\\d+)?(?![0-9])`,
  "gu",
);

const ID_AT_START = new RegExp(`^${CLAUSE_ID_PATTERN.source}`, "u");

export const MIN_QUOTE = 6;

export interface Citation {
  readonly id: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** The quoted text as written, or null for a bare mention. */
  readonly quote: string | null;
  /** The id is the first argument of a look-up of the clause's words (its text is shown). */
  readonly shown: boolean;
}

/** Normalised for comparing a quote with the handbook: NFKC, no whitespace, no *. */
export function normaliseQuote(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s*]/gu, "")
    .replace(/(?:\.\.\.)+$/u, "")
    .replace(/^(?:\.\.\.)+/u, "");
}

const QUOTE_END = /["'`—|\n]|: /u;

/** What comes right before an id given to a look-up of its words: `clauseText("`. */
const WORDS_LOOKUP = /\b(?:clauseText|clauseExcerpt|clauseQuote|stepTitle|stepRemark)\(\s*["'`]$/u;

export function findCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  for (const match of text.matchAll(CLAUSE_ID_PATTERN)) {
    const start = match.index;
    const id = match[0];
    const line = text.slice(0, start).split("\n").length;
    const rest = text.slice(start + id.length);
    let quote: string | null = null;
    const spaced = /^[ \t\u3000]+/u.exec(rest);
    if (spaced) {
      const tail = rest.slice(spaced[0].length);
      const end = tail.search(QUOTE_END);
      const raw = (end < 0 ? tail : tail.slice(0, end)).trim();
      if (raw && !ID_AT_START.test(raw)) quote = raw;
    }
    const shown = WORDS_LOOKUP.test(text.slice(Math.max(0, start - 40), start));
    citations.push({ id, line, quote, shown });
  }
  return citations;
}

/** Why a quote does not match the sentences it cites, or null when it does. */
export function quoteProblem(quote: string, sentences: readonly string[]): string | null {
  const q = normaliseQuote(quote);
  if (!q) return "the quote is empty";
  const texts = sentences.map(normaliseQuote);
  if (!texts.some((t) => containsInOrder(t, q.split("...").filter(Boolean)))) return "the quote is not in the handbook's text";
  if (q.length < MIN_QUOTE && !texts.includes(q)) return `the quote is shorter than ${MIN_QUOTE} characters and not a whole sentence`;
  return null;
}

/** Every piece in `text`, each after the one before (an elided quote). */
function containsInOrder(text: string, pieces: readonly string[]): boolean {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}
