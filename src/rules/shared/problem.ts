// An expected failure of an input, reported to the caller as a userErrors entry. Problems are made
// from a feature's code table (e.g. ../case-workflow/case-codes.ts), never from free strings.
import type { LocalizedText } from "./localized-text.js";

export interface Problem<C extends string = string> {
  readonly code: C;
  /** Path of the input field, e.g. ["input", "insured", "idNumber"]. */
  readonly field: readonly string[];
  readonly message: LocalizedText;
}
