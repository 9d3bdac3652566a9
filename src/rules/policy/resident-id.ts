// GB 11643-1999 公民身份号码: 6-digit area code, 8-digit birth date, 3-digit sequence, check digit
// (ISO 7064 MOD 11-2). Only 18-digit numbers are accepted.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

export type ResidentIdProblem = "FORMAT" | "CHECK_DIGIT" | "BIRTH_DATE";

export interface ResidentId {
  readonly normalized: string;
  readonly birthDate: string;
}

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates an 18-digit resident ID number; `today` bounds the birth date. */
export function parseResidentId(raw: string, today: string): ResidentId | { problem: ResidentIdProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: "FORMAT" };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== birthDate ||
    birthDate < "1900-01-01" ||
    birthDate > today
  ) {
    return { problem: "BIRTH_DATE" };
  }
  if (checkDigit(value.slice(0, 17)) !== value[17]) return { problem: "CHECK_DIGIT" };
  return { normalized: value, birthDate };
}

/** 110105********123X: area kept for support staff, birth date hidden, last four kept. */
export function maskResidentId(value: string): string {
  return `${value.slice(0, 6)}${"*".repeat(value.length - 10)}${value.slice(-4)}`;
}
