// Hot reads without the query builder's per-row mapping (docs/decisions/0009-row-readers.md). A
// RowReader selects a table's columns under their property names, with the select list written
// once, and maps the one kind of value the drivers leave raw: timestamps, which arrive as text and
// become Dates as drizzle's own mapping would make them. Rows come out with exactly the types of
// `table.$inferSelect` (or of the chosen columns). `statement` makes a fixed statement
// (./fixed-statement.ts) whose rows it maps; `parse` maps the rows of a list read as one JSON array's
// text with its parent (../queries/list-answers.ts's `RowsAnswer`).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { fixedStatement } from "./fixed-statement.js";
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
  /** The rows of a JSON array's text, each row's columns under their property names as they are stored (`columnForm`). */
  parse(text: unknown): Row[];
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
    parse: (text) => mapRows(JSON.parse(text as string) as Record<string, unknown>[]),
  };
}
