// The handbook clauses no rule implements, each with its reason (docs/handbook-trace.md).
// INFORMATIONAL: text for the reader with nothing for the system to decide (a phone number, a
// greeting, a sales phrase, a description shown as catalogue text). OUT_OF_SCOPE: something that
// happens outside the system or a cost the insured pays. MISSING: a rule the system should keep and
// does not yet. An item id (SEC.sub.N) covers all its sentences.
import type { Fate } from "../../src/reference/handbook/trace.js";

export const HANDBOOK_FATES: readonly Fate[] = [
];
