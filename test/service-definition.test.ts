// "Japan's review becomes 3 working days" is a one-line change in src/rules/services/japan-care.ts:
// everything that shows or keeps the clock reads it from the service's definition. Built here as that
// change would be, on a copy, and followed through the catalogue, the clock the API and the sweep
// read, the clocks caseMetrics counts, and docs/workflows.md.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { presentService } from "../src/resolvers/catalogue/present-service.js";
import { createCalendar, type CalendarData } from "../src/rules/calendar/calendar-data.js";
import type { SlaDefinition } from "../src/rules/catalogue/service-definition.js";
import { renderWorkflowDocs } from "../src/rules/case-workflow/workflow-docs.js";
import { HANDBOOK_SERVICES } from "../src/rules/services/index.js";
import { japanCareService } from "../src/rules/services/japan-care.js";
import type { HandbookService } from "../src/rules/services/service.js";
import { caseClocks } from "../src/rules/sla/case-clocks.js";
import { computeSlaClocks } from "../src/rules/sla/compute-sla-clocks.js";

const calendar = createCalendar(JSON.parse(readFileSync(new URL("../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);

/** The ticket: JAPAN.流程.3's review clock at 3 working days instead of 2. */
function withReviewDays(service: HandbookService, days: number): HandbookService {
  const slas = service.catalogue.slas.map((sla): SlaDefinition => (sla.milestone === "REVIEW_RESULT" ? { ...sla, workingDays: days } : sla));
  return { ...service, catalogue: { ...service.catalogue, slas } };
}

describe("a service is one definition", () => {
  const changed = withReviewDays(japanCareService, 3);
  // Documents complete on Monday 2026-03-02; nothing else has happened yet.
  const timeline = { DOCUMENTS_COMPLETE: "2026-03-02" } as const;

  it("the registry holds the seven services, each once, in the handbook's order", () => {
    expect(HANDBOOK_SERVICES.map((s) => s.code)).toEqual(["FAMILY_DOCTOR", "GREEN_CHANNEL", "INPATIENT_ADVANCE", "SECOND_OPINION", "MDT", "GENE_TEST", "JAPAN_CARE"]);
  });

  it("JAPAN.流程.3 经我司审核，2个工作日内通知审核结果 — the catalogue shows the changed clock", () => {
    const review = (s: HandbookService) => presentService(s.catalogue).slas.find((sla) => sla.milestone === "REVIEW_RESULT")!.workingDays;
    expect([review(japanCareService), review(changed)]).toEqual([2, 3]);
  });

  it("the clock the API and the sweep read, and the clocks caseMetrics counts, follow it", () => {
    const due = (s: HandbookService) => computeSlaClocks(s.catalogue.slas, timeline, "2026-03-02", calendar).find((c) => c.milestone === "REVIEW_RESULT")!.dueOn;
    expect([due(japanCareService), due(changed)]).toEqual(["2026-03-04", "2026-03-05"]);
    const stored = caseClocks(changed.catalogue.slas, timeline, "2026-03-02", calendar).find((c) => c.clock === "REVIEW_RESULT")!;
    expect([stored.workingDaysAllowed, stored.dueOn]).toEqual([3, "2026-03-05"]);
  });

  it("docs/workflows.md follows it", () => {
    const rows = (s: HandbookService) => renderWorkflowDocs([{ service: s.catalogue, workflow: s.workflow }]).split("\n").filter((l) => l.startsWith("| REVIEW_RESULT"));
    expect(rows(japanCareService)[0]).toMatch(/^\| REVIEW_RESULT \| 2 \|/);
    expect(rows(changed)[0]).toMatch(/^\| REVIEW_RESULT \| 3 \|/);
  });
});
