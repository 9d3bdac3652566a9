import { describe, expect, it } from "vitest";
import type { EligibilityDecision } from "../eligibility/check-eligibility.js";
import type { SubmissionDecision } from "./submission-rules.js";
import { decideApplication } from "./decide-application.js";

const OPEN: EligibilityDecision = { eligible: true, reasons: [], warnings: [], eligibleFrom: null };
const NOTHING: SubmissionDecision = { reasons: [], warnings: [], missingInput: [] };

describe("decideApplication", () => {
  it.each<[string, EligibilityDecision, SubmissionDecision, string[], { eligible: boolean; reasons: string[]; warnings: string[]; eligibleFrom: string | null }]>([
    ["all clear", OPEN, NOTHING, [], { eligible: true, reasons: [], warnings: [], eligibleFrom: null }],
    [
      "in the waiting period only: the date it opens stays",
      { eligible: false, reasons: [{ code: "WAITING_PERIOD", date: "2026-04-01" }], warnings: [], eligibleFrom: "2026-04-01" },
      NOTHING,
      [],
      { eligible: false, reasons: ["WAITING_PERIOD"], warnings: [], eligibleFrom: "2026-04-01" },
    ],
    [
      "a place outside the network: time will not change it",
      { eligible: false, reasons: [{ code: "WAITING_PERIOD", date: "2026-04-01" }], warnings: [], eligibleFrom: "2026-04-01" },
      NOTHING,
      ["PLACE_NOT_COVERED"],
      { eligible: false, reasons: ["WAITING_PERIOD", "PLACE_NOT_COVERED"], warnings: [], eligibleFrom: null },
    ],
    [
      "ADVANCE.提示.2.2 如被保险人是首次申请垫付服务 — eligibility's first-advance warning (for the named illness) is kept, after the request's own",
      { ...OPEN, warnings: [{ code: "FIRST_ADVANCE_MAY_NEED_REVIEW", date: null }] },
      { ...NOTHING, warnings: [{ code: "PATHOLOGY_REPORT_REQUIRED", date: null, field: ["input", "documents"] }] },
      [],
      { eligible: true, reasons: [], warnings: ["PATHOLOGY_REPORT_REQUIRED", "FIRST_ADVANCE_MAY_NEED_REVIEW"], eligibleFrom: null },
    ],
    [
      "GENE_TEST.条件.1 被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时 — a reason given for the named diagnosis replaces eligibility's of the same code",
      { eligible: false, reasons: [{ code: "DIAGNOSED_IN_WAITING_PERIOD", date: "2025-08-01" }], warnings: [], eligibleFrom: null },
      NOTHING,
      ["DIAGNOSED_IN_WAITING_PERIOD"],
      { eligible: false, reasons: ["DIAGNOSED_IN_WAITING_PERIOD"], warnings: [], eligibleFrom: null },
    ],
  ])("%s", (_name, eligibility, submission, network, expected) => {
    const decision = decideApplication(eligibility, submission, network.map((code) => ({ code: code as "PLACE_NOT_COVERED", date: null, field: ["input", "place"] })));
    expect({ ...decision, reasons: decision.reasons.map((r) => r.code), warnings: decision.warnings.map((w) => w.code) }).toEqual(expected);
  });
});
