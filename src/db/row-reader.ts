// Hot reads without the query builder's per-row mapping. A page of the console reads about 600 rows;
// drizzle checks every column of every row against its entity classes before mapping it, and that
// was a fifth of the server's CPU. A RowReader selects a table's columns under their property
// names, with the select list written once, and maps the one kind of value the drivers leave raw:
// timestamps, which arrive as text and become Dates as drizzle's own mapping would make them.
// Rows come out with exactly the types of `table.$inferSelect` (or of the chosen columns).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";
import { queryRows } from "./rows.js";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface RowReader<Row> {
  /** `"table"."column" as "property", …`, to put after `select`. */
  readonly columns: SQL;
  /** The same list for a subquery's output, `alias."property", …`. */
  from(alias: string): SQL;
  /** Runs a statement whose select list is `columns` (or `from(…)`) and maps its rows. */
  read(executor: Executor, query: SQL): Promise<Row[]>;
}

export function rowReader<T extends PgTable, K extends keyof T["$inferSelect"] & string = keyof T["$inferSelect"] & string>(
  table: T,
  only?: readonly K[],
): RowReader<Pick<T["$inferSelect"], K>> {
  const tableName = quote(getTableName(table));
  const entries = Object.entries(getTableColumns(table)).filter(([key]) => !only || (only as readonly string[]).includes(key));
  const columns = sql.raw(entries.map(([key, column]) => `${tableName}.${quote(column.name)} as ${quote(key)}`).join(", "));
  const instants = entries.filter(([, column]) => column.columnType === "PgTimestamp").map(([key, column]) => ({ key, utc: !(column as unknown as { withTimezone: boolean }).withTimezone }));
  return {
    columns,
    from: (alias) => sql.raw(entries.map(([key]) => `${quote(alias)}.${quote(key)}`).join(", ")),
    async read(executor, query) {
      const rows = await queryRows<Record<string, unknown>>(executor, query);
      for (const row of rows) {
        for (const { key, utc } of instants) {
          const value = row[key];
          if (typeof value === "string") row[key] = new Date(utc ? `${value}+0000` : value);
        }
      }
      return rows as Pick<T["$inferSelect"], K>[];
    },
  };
}

/** One array parameter (`= any(…)`): one statement shape whatever the batch's size. */
export function arrayParam(values: readonly string[], type: "uuid" | "text"): SQL {
  return sql`${sql.param([...values])}::${sql.raw(type)}[]`;
}
