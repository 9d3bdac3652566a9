// docs/workflows.md is what the workflow definitions make, and shows what operations check by looking.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKFLOW_DOCS, workflowDocs } from "../scripts/write-workflow-docs.js";
import { SERVICE_CODES } from "../src/rules/catalogue/codes.js";
import { WORKFLOWS } from "../src/rules/case-workflow/workflows.js";

describe("docs/workflows.md", () => {
  const text = workflowDocs();

  it("is as npm run workflow:docs writes it", () => {
    expect(readFileSync(WORKFLOW_DOCS, "utf8")).toBe(text);
  });

  it.each(SERVICE_CODES.map((s) => [s]))("draws every action of %s as an arrow from each stage it leaves", (service) => {
    const section = text.split("\n## ").find((s) => s.includes(` ${service}\n`))!;
    for (const rule of WORKFLOWS[service].actions.filter((r) => !r.refusal)) {
      for (const from of rule.from) expect(section).toContain(`  ${from} --> ${rule.to ?? from}: ${rule.action}`);
    }
  });

  it("marks where the Japan quota is used and where its 40-day clock pauses", () => {
    expect(text).toContain("SPECIALIST_ASSIGNED --> INSURED_FAILURE: RECORD_INSURED_FAILURE **used**");
    expect(text).toContain("AWAITING_HOSPITAL_ACCEPTANCE: ACCEPTANCE_REQUESTED → HOSPITAL_ACCEPTED");
  });
});
