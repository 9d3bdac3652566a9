// An expected failure of an input, reported to the caller as a userErrors entry.
import type { LocalizedText } from "./localized-text.js";

export interface Problem {
  readonly code: string;
  /** Path of the input field, e.g. ["input", "insured", "idNumber"]. */
  readonly field: readonly string[];
  readonly message: LocalizedText;
}

export function problem(code: string, field: readonly string[], zh: string, en: string): Problem {
  return { code, field, message: { zh, en } };
}
