// A policy's list answered as the response's own JSON text, built by PostgreSQL (records
// 0097–0099; the text written by ../driver/json-text.ts): what such an answer is to the policy's
// statement, which columns give a field's value as it is, and a node's JSON entries. The lists that
// answer so write their own statement part (./case-paging.ts: a page of cases; ./policies.ts: the
// entitlements and a page's edges).
import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Column } from "drizzle-orm";
import { columnForm, jsonText, type JsonForm } from "../driver/json-text.js";

/** A field of a node answered from its column as it is: its response key, its column (a property name), and how its value is written. */
export interface AnswerField {
  readonly key: string;
  readonly column: string;
  readonly form: JsonForm;
  /** An enum field's type: its name (in the answer's shape) and its names (its values are its names), for the "enum" form. */
  readonly enumType?: { readonly name: string; readonly names: readonly string[] };
  /** The key is a row's property name, written in the statement's text (`rowFields`); a client's response key is a value of it. */
  readonly named?: boolean;
}

/**
 * One list of a policy (or a policy's own node) as its answer's JSON text: a part of the policy's
 * statement (or of a batch's, `childrenOfPolicies`). `shape` names the statement
 * text `column` writes, the same for every answer with the same shape; `values` are its
 * parameters, given to `column` as markers in order. `readsPolicy`: the column reads the policy's
 * own row (`"policy"`), which the statement then has in scope.
 */
export interface ListAnswer {
  readonly shape: string;
  readonly values: readonly unknown[];
  readonly readsPolicy?: boolean;
  column(policyId: SQL, markers: readonly SQL[]): SQL;
}

/**
 * A list read as rows, for fields presented object by object (an entitlement's eligibility, a
 * case's global id): its text is a JSON array of rows under their property names, as they are
 * stored (`rowFields`), and `rows` reads it back. Read with the policy like any answer.
 */
export interface RowsAnswer<Row> extends ListAnswer {
  rows(text: string): Row[];
}

/** The fields of a rows answer: each of `keys` of `columns` (a table's, by property name) under its own name, as it is stored. */
export const rowFields = (columns: Readonly<Record<string, Column>>, keys: readonly string[] = Object.keys(columns)): AnswerField[] =>
  keys.map((key) => {
    if (!/^[A-Za-z]\w*$/.test(key)) throw new Error(`a property name, got ${JSON.stringify(key)}`);
    return { key, column: key, form: columnForm(columns[key]!), named: true };
  });

/** A list answered inside another answer's node, under the response key `key`. */
export interface NestedAnswer {
  readonly key: string;
  readonly answer: ListAnswer;
  /** Its place among the node's fields: after the first `at` of them, as the selection asks. */
  readonly at: number;
}

const keys = new WeakMap<ListAnswer, string>();
/** Two answers with one key are one list: the same text, the same values. */
export function listAnswerKey(answer: ListAnswer): string {
  let key = keys.get(answer);
  if (key === undefined) keys.set(answer, (key = `${answer.shape}|${JSON.stringify(answer.values)}`));
  return key;
}

/** The column types whose JSON is each kind of field's value as it is. */
const COLUMN_TYPES: Record<string, readonly string[]> = {
  String: ["PgText"],
  ID: ["PgText"],
  enum: ["PgText"],
  Int: ["PgInteger", "PgSmallInt"],
  Boolean: ["PgBoolean"],
  Date: ["PgDateString"],
  DateTime: ["PgTimestamp"],
};

/**
 * Whether a column of `columns` (a table's, by property name) gives a field's value as it is in an
 * answer's JSON: one of them, of a type whose JSON is the field's (`kind`: its scalar's name, or
 * "enum"), never null where the field is non-null, and an instant only from a column with a time
 * zone (written in UTC).
 */
export function columnsGivingValues(columns: Readonly<Record<string, Column>>): (column: string, field: { kind: string; nonNull: boolean }) => boolean {
  return (column, field) => {
    const definition = Object.hasOwn(columns, column) ? columns[column] : undefined;
    if (!definition || !COLUMN_TYPES[field.kind]?.includes(definition.columnType) || (field.nonNull && !definition.notNull)) return false;
    return definition.columnType !== "PgTimestamp" || (definition as unknown as { withTimezone: boolean }).withTimezone;
  };
}

/**
 * A key as the statement's value for it (the keys a client chose are values, not the statement's
 * text): JSON already, with its colon, for ../driver/json-text.ts's `jsonObject`.
 */
export const answerKey = (key: string) => `${JSON.stringify(key)}:`;

/** The values of `fields`' keys, in order (a row's property names are none: they are the statement's text). */
export const keyValues = (fields: readonly AnswerField[]): string[] => fields.flatMap((field) => (field.named ? [] : [answerKey(field.key)]));

/** The part of an answer's shape its fields make: each field's column and form, in order (the statement's text is theirs). */
export function fieldsShape(fields: readonly AnswerField[]): string {
  let shape = shapes.get(fields);
  if (shape === undefined) shapes.set(fields, (shape = fields.map((f) => `${f.named ? "!" : ""}${f.column}:${f.form}${f.enumType ? `:${f.enumType.name}` : ""}`).join(",")));
  return shape;
}
const shapes = new WeakMap<readonly AnswerField[], string>();

/** A node's entries: each field's key (its marker, from `keyValues`, or its name) and its column's value as its form writes it. */
export function answerEntries(fields: readonly AnswerField[], keys: readonly SQL[], valueOf: (column: string) => SQL): SQL[] {
  let next = 0;
  return fields.map((field) => {
    const key = field.named ? sql.raw(`'${JSON.stringify(field.key)}:'`) : sql`${keys[next++]!}::text`;
    return sql`${key} || ${jsonText(valueOf(field.column), field.form, field.enumType?.names)}`;
  });
}

/** The values of nested answers, each its key (as `answerKey` makes it) and then its own values, in order (`nestedEntries` reads them so). */
export const nestedValues = (nested: readonly NestedAnswer[]) => nested.flatMap(({ key, answer }) => [answerKey(key), ...answer.values]);

/** Nested answers' entries, from the markers of `nestedValues`. */
export function nestedEntries(nested: readonly NestedAnswer[], policyId: SQL, markers: readonly SQL[]): SQL[] {
  let next = 0;
  return nested.map(({ answer }) => {
    const key = markers[next++]!;
    return sql`${key}::text || ${answer.column(policyId, markers.slice(next, (next += answer.values.length)))}`;
  });
}
