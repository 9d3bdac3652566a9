// Codes from the rules written into SQL text, so that a list such as the closed statuses is kept in
// one place (src/rules) and the SQL follows it. Literals, not parameters: the statement's text and
// plan stay the same on every call. test/rules-in-sql.test.ts checks the lists still written by hand.
import { sql, type SQL } from "drizzle-orm";

const PLAIN_CODE = /^[A-Za-z0-9_.]+$/;

function literal(value: string): string {
  if (!PLAIN_CODE.test(value)) throw new Error(`not a plain code, so not written into SQL text: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/** `'A'`: one code as a SQL text literal. */
export const sqlCode = (value: string): SQL => sql.raw(literal(value));

/** `('A', 'B')`: codes as a list for `in` / `not in`. */
export const sqlCodeList = (values: readonly string[]): SQL => sql.raw(`(${values.map(literal).join(", ")})`);
