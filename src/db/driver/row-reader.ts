// Hot reads without the query builder's per-row mapping (docs/decisions/0009-row-readers.md). A
// RowReader selects a table's columns under their property names, with the select list written
// once, and maps the one kind of value the drivers leave raw: timestamps, which arrive as text and
// become Dates as drizzle's own mapping would make them. Rows come out with exactly the types of
// `table.$inferSelect` (or of the chosen columns). `statement` makes a fixed statement
// (./fixed-statement.ts) whose rows it maps; `jsonArray` and `parse`, a child list read as one JSON
// array per parent (docs/decisions/0051-children-as-json-per-parent.md).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { fixedStatement } from "./fixed-statement.js";
import { columnForm, jsonArrayOf, jsonObject, jsonText } from "./json-text.js";
import { queryRows } from "./rows.js";
import type { Executor } from "./types.js";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface RowReader<Row> {
  /** `"table"."column" as "property", …`, to put after `select`. */
  readonly columns: SQL;
  /** For a join: the columns as `"prefix.property"`, and the row taken back out of a joined row. */
  prefixed(prefix: string): { readonly columns: SQL; take(joined: Record<string, unknown>): Row };
  /** A row's own properties, copied out of a row read with more columns than `columns` (a new object, so the row keeps its shape). */
  own(row: Row): Row;
  /** Runs a statement whose select list is `columns` and maps its rows. */
  read(executor: Executor, query: SQL): Promise<Row[]>;
  /**
   * A statement of fixed shape: `build` receives one marker per value and returns the statement;
   * the result runs it with the values given (null for an absent filter, as the text allows).
   */
  statement<V extends unknown[]>(build: (...values: { [K in keyof V]: SQL }) => SQL, arity?: number): (executor: Executor, ...values: V) => Promise<Row[]>;
  /**
   * A subquery selecting `columns` as one JSON array's text (`orderBy`: the rows' order in it;
   * `[]` when there are none), for a child list read with its parent; `parse` maps it back.
   */
  jsonArray(query: SQL, options?: { orderBy?: string }): SQL;
  /** The rows of a `jsonArray` column, from its text. */
  parse(text: unknown): Row[];
}

/**
 * `query`'s rows as one JSON array's text (each row `object`), `[]` for none; `orderBy` names
 * properties, each with asc or desc after it if need be. Joined as text (./json-text.ts).
 */
function jsonArray(query: SQL, object: SQL, orderBy: string | undefined): SQL {
  const terms = orderBy?.split(",").map((term) => term.trim().replace(/^(\w+)/, (name) => `page.${quote(name)}`));
  const order = terms ? sql.raw(` order by ${terms.join(", ")}`) : sql``;
  return jsonArrayOf(sql`select ${object} from (${query}) as page${order}`);
}

export function rowReader<T extends PgTable, K extends keyof T["$inferSelect"] & string = keyof T["$inferSelect"] & string>(
  table: T,
  only?: readonly K[],
): RowReader<Pick<T["$inferSelect"], K>> {
  const tableName = quote(getTableName(table));
  const entries = Object.entries(getTableColumns(table)).filter(([key]) => !only || (only as readonly string[]).includes(key));
  const columns = sql.raw(entries.map(([key, column]) => `${tableName}.${quote(column.name)} as ${quote(key)}`).join(", "));
  const instants = entries.filter(([, column]) => column.columnType === "PgTimestamp").map(([key, column]) => ({ key, utc: !(column as unknown as { withTimezone: boolean }).withTimezone }));
  const mapRows = (rows: Record<string, unknown>[]): Pick<T["$inferSelect"], K>[] => {
    for (const row of rows) {
      for (const { key, utc } of instants) {
        const value = row[key];
        if (typeof value === "string") row[key] = new Date(utc ? `${value}+0000` : value);
      }
    }
    return rows as Pick<T["$inferSelect"], K>[];
  };
  const keys = entries.map(([key]) => key);
  // A row of `page` as a JSON object's text, its properties under their names; made when a child
  // list first asks for it (most readers never do).
  let object: SQL | undefined;
  const objectOfPage = () =>
    (object ??= jsonObject(entries.map(([key, column]) => sql`${sql.raw(`'${JSON.stringify(key)}:'`)} || ${jsonText(sql.raw(`page.${quote(key)}`), columnForm(column))}`)));
  return {
    columns,
    prefixed: (prefix) => ({
      columns: sql.raw(entries.map(([key, column]) => `${tableName}.${quote(column.name)} as ${quote(`${prefix}.${key}`)}`).join(", ")),
      take: (joined) => mapRows([Object.fromEntries(entries.map(([key]) => [key, joined[`${prefix}.${key}`]]))])[0]!,
    }),
    own: (row) => {
      const own: Record<string, unknown> = {};
      for (const key of keys) own[key] = (row as Record<string, unknown>)[key];
      return own as Pick<T["$inferSelect"], K>;
    },
    read: async (executor, query) => mapRows(await queryRows<Record<string, unknown>>(executor, query)),
    statement<V extends unknown[]>(build: (...values: { [K in keyof V]: SQL }) => SQL, arity?: number) {
      const run = fixedStatement<Record<string, unknown>, V>(build, arity);
      return async (executor: Executor, ...values: V) => mapRows(await run(executor, ...values));
    },
    jsonArray: (query, options = {}) => jsonArray(query, objectOfPage(), options.orderBy),
    parse: (text) => mapRows(JSON.parse(text as string) as Record<string, unknown>[]),
  };
}
