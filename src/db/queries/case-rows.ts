// The rows a case query answers with, and the row readers the case query files share
// (docs/decisions/0033-case-queries-by-concern.md).
import { getTableColumns } from "drizzle-orm";
import { caseDocuments, caseEvents, entitlements, serviceCases } from "../schema/index.js";
import { rowReader, type RowReader } from "../driver/row-reader.js";
import { columnsGivingValues } from "./list-answers.js";

export type CaseRow = typeof serviceCases.$inferSelect;

/** The columns a case in a list is presented from; a list reads these and not the other twenty-odd. */
export const CASE_LIST_COLUMNS = [
  "id",
  "caseNo",
  "policyId",
  "serviceCode",
  "benefitCode",
  "status",
  "stage",
  "step",
  "applicant",
  "plannedAdmissionDate",
  "scheduledFor",
  "accompanimentHours",
  "submittedAt",
  "documentsCompletedAt",
  "closedAt",
  "quotaEffect",
  "version",
  "partnerCode",
] as const;
export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number];

const caseListRows = rowReader(serviceCases, CASE_LIST_COLUMNS);
/**
 * A case as a list reads it. A list read for a selection (`caseListReader`) holds the columns the
 * selection reads and its keys; the others are absent, and nothing reads them.
 */
export type CaseListRow = Awaited<ReturnType<typeof caseListRows.read>>[number];

/** What every list reads whatever is selected: the row id, the number (the cursor), the partner (a partner's scope filters on it). */
const LIST_KEYS: readonly CaseListColumn[] = ["id", "caseNo", "partnerCode"];

/**
 * The columns a list reads for a selection: `selected` are the columns its fields declare they read
 * (null: a field that declares none, so the whole list row), with the keys added, in the list's
 * order. One array per set, so it can key statements and loaders.
 */
export function caseListColumns(selected: readonly string[] | null): readonly CaseListColumn[] {
  if (selected === null) return CASE_LIST_COLUMNS;
  const wanted = new Set<string>([...LIST_KEYS, ...selected]);
  const columns = CASE_LIST_COLUMNS.filter((column) => wanted.has(column));
  const key = columns.join(",");
  let known = columnSets.get(key);
  if (!known) {
    // Each set is a statement of its own (and a part of the policy statements' shapes) on every
    // connection: past this many, a new set reads the whole row, so no client can make statements
    // without bound. An application's own documents use a handful.
    if (columnSets.size >= MAX_COLUMN_SETS) return CASE_LIST_COLUMNS;
    columnSets.set(key, (known = columns));
  }
  return known;
}

export const MAX_COLUMN_SETS = 16;
const columnSets = new Map<string, readonly CaseListColumn[]>([[CASE_LIST_COLUMNS.join(","), CASE_LIST_COLUMNS]]);
const readers = new Map<readonly CaseListColumn[], RowReader<CaseListRow>>([[CASE_LIST_COLUMNS, caseListRows]]);

/** The row reader of one set of list columns (from `caseListColumns`). */
export function caseListReader(columns: readonly CaseListColumn[]): RowReader<CaseListRow> {
  let reader = readers.get(columns);
  if (!reader) readers.set(columns, (reader = rowReader(serviceCases, columns) as unknown as RowReader<CaseListRow>));
  return reader;
}

/** Whether a list column gives a field's value as it is in a page's JSON (record 0097). */
export const caseColumnGivesValue = columnsGivingValues(Object.fromEntries(CASE_LIST_COLUMNS.map((column) => [column, getTableColumns(serviceCases)[column]])));

export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

// The submission's statements are fixed statements (../row-reader.ts): a submission makes eight,
// and building each from drizzle's parts was a quarter of its CPU.
export const caseRows = rowReader(serviceCases);
export const entitlementRows = rowReader(entitlements);
