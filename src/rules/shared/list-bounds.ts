// Bounds on the lists a caller can grow: documents per call and per case. The cost guard counts a
// list that has no page arguments by its bound (http/guards.ts). docs/security.md.
import type { LocalizedText } from "./localized-text.js";
import type { Problem } from "./problem.js";

/** Documents one submitCase or addCaseDocuments may attach. */
export const MAX_DOCUMENTS_PER_CALL = 50;
/** Documents one case may hold. */
export const MAX_DOCUMENTS_PER_CASE = 200;
/** Events one case may hold: every transition writes one; no workflow comes near it. */
export const MAX_EVENTS_PER_CASE = 200;

/** Unpaginated list fields by name, with the most items each can answer. */
export const LIST_BOUNDS: Readonly<Record<string, number>> = { documents: MAX_DOCUMENTS_PER_CASE, events: MAX_EVENTS_PER_CASE };

const MESSAGE = (limit: number, per: "call" | "case"): LocalizedText =>
  per === "call"
    ? { zh: `一次最多附加${limit}份资料。`, en: `At most ${limit} documents may be attached in one call.` }
    : { zh: `一个案件最多保存${limit}份资料。`, en: `A case holds at most ${limit} documents.` };

export function tooManyDocuments(per: "call" | "case", field: readonly string[]): Problem<"TOO_MANY_DOCUMENTS"> {
  const limit = per === "call" ? MAX_DOCUMENTS_PER_CALL : MAX_DOCUMENTS_PER_CASE;
  return { code: "TOO_MANY_DOCUMENTS", field, message: MESSAGE(limit, per) };
}
