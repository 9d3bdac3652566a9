/** Exhaustiveness guard for switches over discriminated unions and `as const` code lists. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
