import type { Executor } from "../../db/client.js";
import { casesByNo, type CaseRow } from "../../db/queries/cases-read.js";
import { fromGlobalId } from "../../schema/shared/global-id.js";

/** A case id from the API: its global id, or the case number itself. */
export function caseNoFromId(id: string): string | null {
  const global = fromGlobalId(id);
  if (global) return global.type === "ServiceCase" ? global.key : null;
  return /^SC\d{4}-\d{7}$/.test(id) ? id : null;
}

export async function findCaseRow(executor: Executor, id: string): Promise<CaseRow | null> {
  const caseNo = caseNoFromId(id);
  if (!caseNo) return null;
  const [row] = await casesByNo(executor, [caseNo]);
  return row ?? null;
}
