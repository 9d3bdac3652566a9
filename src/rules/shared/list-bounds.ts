// Bounds on the lists a caller can grow: documents per call and per case. The cost guard counts a
// list that has no page arguments by its bound (http/guards.ts). docs/security.md.

/** Documents one submitCase or addCaseDocuments may attach. */
export const MAX_DOCUMENTS_PER_CALL = 50;
/** Documents one case may hold. */
export const MAX_DOCUMENTS_PER_CASE = 200;
/** Events one case may hold: every transition writes one; no workflow comes near it. */
export const MAX_EVENTS_PER_CASE = 200;

/** Unpaginated list fields by name, with the most items each can answer. */
export const LIST_BOUNDS: Readonly<Record<string, number>> = { documents: MAX_DOCUMENTS_PER_CASE, events: MAX_EVENTS_PER_CASE };

// Refused as TOO_MANY_DOCUMENTS (rules/case-workflow/case-codes.ts): per call by documentProblems,
// per case by addCaseDocuments once the case's documents are counted.
