// Which columns of its row a field is presented from, as schema metadata (the field's `reads`
// extension): a list reads the columns its selected fields declare and no others
// (docs/decisions/0095-columns-a-selection-reads.md). A field that declares nothing reads the whole
// row, so a field added without it is never short of a column.
import { Extensions } from "type-graphql";

/** The field is presented from these columns of its row (property names of the table's row). */
export const Reads = (...columns: string[]) => Extensions({ reads: columns });

/**
 * The field's value is its row's `column` as it is (the scalar's or enum's own form): it reads the
 * column, and a list whose selection is only such fields can be answered as JSON text built by
 * PostgreSQL (docs/decisions/0097-answers-built-in-sql.md).
 */
export const FromColumn = (column: string) => Extensions({ reads: [column], fromColumn: column });
