// A handbook service as one definition: what the catalogue shows of it (text, benefits, quotas,
// documents, steps, clocks, notes) and its own workflow (stages, actions, readings). Every service is
// one file in this folder; index.ts lists them, and the catalogue and the case workflow read them
// from there.
import type { ServiceCode } from "../catalogue/codes.js";
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";

export interface HandbookService {
  readonly code: ServiceCode;
  readonly catalogue: ServiceDefinition;
  readonly workflow: Workflow;
}
