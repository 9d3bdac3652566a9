// JSON written by PostgreSQL as text joined with `||` (docs/decisions/0099-answers-as-joined-text.md).
// PostgreSQL 15's `json_build_object`, `json_agg` and `row_to_json` look each value's type up in
// the catalogue on every call; a value whose own text is its JSON needs no look-up, and keys,
// commas and brackets are literal text. Used by every list read with a policy, answers and rows
// alike (../queries/list-answers.ts).
import { sql, type Column, type SQL } from "drizzle-orm";

/**
 * How a value is written: "bare", its own text (an integer, a boolean); "quoted", its text in
 * quotes (a uuid: nothing to escape); "instant", in UTC as `Date.toISOString` writes it; "json",
 * through `to_json` (quoted and escaped; a timestamp as `to_json` writes it); "enum", one of an
 * enum's names (identifiers: nothing to escape) in quotes, anything else through `to_json`. A null
 * is `null`.
 */
export type JsonForm = "bare" | "quoted" | "instant" | "json" | "enum";

/** GraphQL's names: an enum's values written in a statement's text are only ever these. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `value`'s JSON text in `form`; `names`: an enum's names, for "enum". */
export function jsonText(value: SQL, form: JsonForm, names: readonly string[] = []): SQL {
  switch (form) {
    case "enum": {
      if (!names.length || !names.every((name) => NAME.test(name))) throw new Error(`an enum's names, got ${JSON.stringify(names)}`);
      // Comparing with the names costs less than `to_json`'s catalogue look-ups (record 0099).
      return sql`(case when ${value} = any(${sql.raw(`'{${names.join(",")}}'::text[]`)}) then '"' || ${value} || '"' else coalesce(to_json(${value})::text, 'null') end)`;
    }
    case "bare":
      return sql`coalesce(${value}::text, 'null')`;
    case "quoted":
      return sql`coalesce('"' || ${value}::text || '"', 'null')`;
    case "instant":
      return sql`coalesce('"' || to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;
    case "json":
      return sql`coalesce(to_json(${value})::text, 'null')`;
  }
}

/** The form a table's column is written in as it is stored (a timestamp as `to_json` writes it). */
export function columnForm(column: Column): JsonForm {
  switch (column.columnType) {
    case "PgInteger":
    case "PgSmallInt":
    case "PgBoolean":
      return "bare";
    case "PgUUID":
      return "quoted";
    default:
      return "json";
  }
}

/** The text of an object of `entries` (each a key's JSON and colon joined to its value's text), in order. */
export const jsonObject = (entries: readonly SQL[]): SQL => (entries.length ? sql`('{' || ${sql.join([...entries], sql` || ',' || `)} || '}')` : sql`'{}'`);

/**
 * The text of an array of what `rows` selects (one column: each row's JSON text), in its order:
 * `array(select … order by …)` keeps the order of its own statement, with no sort of its own.
 */
export const jsonArrayOf = (rows: SQL): SQL => sql`('[' || array_to_string(array(${rows}), ',') || ']')`;
