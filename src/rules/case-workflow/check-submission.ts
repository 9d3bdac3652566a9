// The request's own rules at submission, on top of eligibility: each service's own checks, read
// from its definition (src/rules/services/<service>.ts, `submission.check`); a service without any
// takes the request as it is.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { handbookService } from "../services/index.js";
import type { SubmissionDecision, SubmissionFacts } from "./submission-rules.js";

const NOTHING_TO_CHECK: SubmissionDecision = { reasons: [], warnings: [], missingInput: [] };

export function checkSubmission(facts: SubmissionFacts, calendar: WorkingCalendar): SubmissionDecision {
  const check = handbookService(benefitByCode(facts.benefit).service.code).submission?.check;
  return check ? check(facts, calendar) : NOTHING_TO_CHECK;
}
