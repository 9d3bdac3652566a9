// An operator hands a case to a partner (#28: a partner reads and moves the cases it submitted or
// that an operator assigned to it): the partner must exist and be contracted for the case's service,
// and the case must still be open. Pure: the case's and the partner's facts in, problems out.
import { caseProblem, type CaseCode } from "../case-workflow/case-codes.js";
import { isClosed, type CaseStatus } from "../case-workflow/codes.js";
import type { Problem } from "../shared/problem.js";

export function assignmentProblems(
  current: { readonly status: CaseStatus; readonly serviceCode: string },
  partnerCode: string,
  partner: { readonly services: readonly string[] } | null,
): Problem<CaseCode>[] {
  if (isClosed(current.status)) return [caseProblem("CASE_CLOSED", ["input", "caseId"])];
  if (!partner) return [caseProblem("UNKNOWN_PARTNER", ["input", "partnerCode"], { partnerCode })];
  if (!partner.services.includes(current.serviceCode)) {
    return [caseProblem("PARTNER_NOT_FOR_SERVICE", ["input", "partnerCode"], { partnerCode, service: current.serviceCode })];
  }
  return [];
}
