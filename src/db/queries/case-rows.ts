// The rows a case query answers with, and the row readers the case query files share
// (docs/decisions/0033-case-queries-by-concern.md).
import { caseDocuments, caseEvents, entitlements, serviceCases } from "../schema/index.js";
import { rowReader } from "../driver/row-reader.js";

export type CaseRow = typeof serviceCases.$inferSelect;

/** The columns a case in a list is presented from; a list reads these and not the other twenty-odd. */
export const caseListRows = rowReader(serviceCases, [
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
]);
export type CaseListRow = Awaited<ReturnType<typeof caseListRows.read>>[number];
export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

// The submission's statements are fixed statements (../row-reader.ts): a submission makes eight,
// and building each from drizzle's parts was a quarter of its CPU.
export const caseRows = rowReader(serviceCases);
export const entitlementRows = rowReader(entitlements);
