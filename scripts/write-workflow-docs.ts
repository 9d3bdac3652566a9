// Writes docs/workflows.md from the workflow definitions (npm run workflow:docs).
import { writeFileSync } from "node:fs";
import { SERVICES } from "../src/rules/catalogue/catalogue.js";
import { renderWorkflowDocs } from "../src/rules/case-workflow/workflow-docs.js";
import { WORKFLOWS } from "../src/rules/case-workflow/workflows.js";

export const WORKFLOW_DOCS = new URL("../docs/workflows.md", import.meta.url);
export const workflowDocs = () => renderWorkflowDocs(SERVICES.map((service) => ({ service, workflow: WORKFLOWS[service.code] })));

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(WORKFLOW_DOCS, workflowDocs());
  console.log("docs/workflows.md written");
}
