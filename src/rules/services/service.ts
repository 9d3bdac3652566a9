// A handbook service as one definition: what the catalogue shows of it (text, benefits, quotas,
// documents, steps, clocks, notes) and its own workflow (stages, actions, readings). Every service is
// one file in this folder; index.ts lists them, and the catalogue and the case workflow read them
// from there.
import type { ServiceCode } from "../catalogue/codes.js";
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import type { CaseDetail, SubmissionRules } from "../case-workflow/submission-rules.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";

export interface HandbookService {
  readonly code: ServiceCode;
  readonly catalogue: ServiceDefinition;
  readonly workflow: Workflow;
  /** What its submissions take and check besides eligibility; nothing more when omitted. */
  readonly submission?: SubmissionRules;
  /** The details its cases carry besides the common ones. */
  readonly caseDetails?: readonly CaseDetail[];
}
