import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import type { BenefitCode } from "../catalogue/codes.js";
import { decideSubmission, type SubmissionFacts, type SubmissionRequest } from "./decide-submission.js";
import { workflowOf } from "./decide-transition.js";
import type { IllnessFacts } from "./illness-of.js";

const calendar = createCalendar(JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);
const NOW = new Date("2026-03-02T02:00:00Z");
const HEART: IllnessFacts = { id: "d-heart", category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-12-01" };
const EARLY_TUMOUR: IllnessFacts = { id: "d-early", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" };
const LATE_TUMOUR: IllnessFacts = { id: "d-late", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-12-01" };

function facts(benefitCode: BenefitCode, over: Partial<SubmissionFacts> = {}): SubmissionFacts {
  const { service, benefit } = benefitByCode(benefitCode);
  return {
    service,
    benefit,
    workflow: workflowOf(service.code),
    policy: { id: "p-1", status: "ACTIVE", effectiveFrom: "2025-07-01", effectiveTo: "2026-06-30", waitingPeriodEndsOn: "2025-09-28", hasSocialInsurance: true },
    submitter: { subject: "partner:TPA", partnerCode: "TPA" },
    insuredHasIdNumber: true,
    entitlement: { total: benefit.quota, used: 0, reserved: 0 },
    diagnoses: [HEART],
    admittedAdvances: [],
    network: { reasons: [], warnings: [], placeCode: "420100", provinceCode: "420000", cityCode: "420100", hospitalId: null },
    today: "2026-03-02",
    now: NOW,
    calendar,
    ...over,
  };
}
const request = (benefit: BenefitCode, over: Partial<SubmissionRequest> = {}): SubmissionRequest => ({ idempotencyKey: "k-1", requestHash: "h", benefit, applicant: "INSURED", ...over });
const asProblem = (r: { code: string; field?: readonly string[] }) => ({ code: r.code, field: r.field ?? ["input"], message: { zh: r.code, en: r.code } });
const decide = (req: SubmissionRequest, f: SubmissionFacts) => decideSubmission(req, f, asProblem);

describe("decideSubmission", () => {
  it("opens a case: the opening stage, the illness, the documents, the first event and one reservation, written as a whole", () => {
    const decision = decide(request("SECOND_OPINION", { documents: [{ kind: "OUTPATIENT_RECORD", reference: " dms://1 " }] }), facts("SECOND_OPINION"));
    expect(decision.outcome).toBe("OPEN");
    if (decision.outcome !== "OPEN") return;
    expect(decision.opening.case).toMatchObject({ stage: "SUBMITTED", status: "SUBMITTED", step: 2, diagnosisId: "d-heart", quotaEffect: "RESERVED", partnerCode: "TPA", documentsCompletedAt: NOW });
    expect(decision.opening.documents).toEqual([{ kind: "OUTPATIENT_RECORD", reference: "dms://1", receivedAt: NOW, addedBy: "partner:TPA" }]);
    expect(decision.opening.event).toMatchObject({ action: "SUBMIT", toStatus: "SUBMITTED", note: null });
    expect(decision.opening.quotaDelta).toEqual({ reserved: 1, used: 0 });
  });

  it("documents missing: the case waits for them and the event says which", () => {
    const decision = decide(request("SECOND_OPINION"), facts("SECOND_OPINION"));
    expect(decision.outcome === "OPEN" && [decision.opening.case.stage, decision.opening.event.note]).toEqual(["AWAITING_DOCUMENTS", "missing: OUTPATIENT_RECORD"]);
  });

  it.each<[string, SubmissionRequest, SubmissionFacts, string[]]>([
    ["GENE_TEST.条件.1 被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时 — a tumour first diagnosed in the waiting period, recorded again", request("GENE_TEST"), facts("GENE_TEST", { diagnoses: [EARLY_TUMOUR, LATE_TUMOUR] }), ["DIAGNOSED_IN_WAITING_PERIOD"]],
    ["a diagnosis of another policy", request("SECOND_OPINION", { diagnosisId: "d-other" }), facts("SECOND_OPINION"), ["UNKNOWN_DIAGNOSIS"]],
    ["the quota is held", request("SECOND_OPINION"), facts("SECOND_OPINION", { entitlement: { total: 1, used: 0, reserved: 1 } }), ["QUOTA_EXHAUSTED"]],
    ["the network's reason refuses", request("GREEN_CHANNEL_OUTPATIENT"), facts("GREEN_CHANNEL_OUTPATIENT", { network: { ...facts("GREEN_CHANNEL_OUTPATIENT").network, reasons: [{ code: "PLACE_NOT_COVERED", date: null, field: ["input", "place"] }] } }), ["PLACE_NOT_COVERED"]],
    ["ADVANCE.条件.2.1 被保险人须在入院前5个工作日预约本服务 — the admission date is asked for", request("INPATIENT_ADVANCE_PAYMENT", { usesSocialInsuranceSettlement: true }), facts("INPATIENT_ADVANCE_PAYMENT"), ["PLANNED_ADMISSION_DATE_REQUIRED"]],
  ])("refuses, writing nothing: %s", (_name, req, f, codes) => {
    const decision = decide(req, f);
    expect(decision.outcome).toBe("REFUSED");
    if (decision.outcome === "REFUSED") expect(decision.problems.map((p) => p.code)).toEqual(codes);
  });

  it("a dry run answers as the real run would and opens nothing", () => {
    expect(decide(request("SECOND_OPINION", { dryRun: true }), facts("SECOND_OPINION"))).toMatchObject({ outcome: "DRY_RUN", application: { eligible: true } });
  });

  it("ADVANCE.提示.2.1 如被保险人之前已因相同疾病住院成功申请过我司垫付服务 — the advances made for the illness, not for the policy, decide the warning", () => {
    const advance = request("INPATIENT_ADVANCE_PAYMENT", { plannedAdmissionDate: "2026-03-20", usesSocialInsuranceSettlement: true, place: "武汉" });
    const warnings = (admitted: SubmissionFacts["admittedAdvances"]) => {
      const d = decide(advance, facts("INPATIENT_ADVANCE_PAYMENT", { admittedAdvances: admitted }));
      return d.outcome === "OPEN" ? d.application.warnings.map((w) => w.code) : d.outcome;
    };
    expect(warnings([])).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
    expect(warnings([{ diagnosisId: "d-heart", n: 1 }])).toEqual([]);
    expect(warnings([{ diagnosisId: "d-other", n: 2 }])).toEqual(["FIRST_ADVANCE_MAY_NEED_REVIEW"]);
  });

  it("ADVANCE.提示.4.1 …在被保险人使用社保直接结算医疗费用的情况下，可享受保障范围内住院费用100%垫付服务 — the share opened with", () => {
    const advance = request("INPATIENT_ADVANCE_PAYMENT", { plannedAdmissionDate: "2026-03-20", usesSocialInsuranceSettlement: true, outOfArea: true, diagnosisId: "d-late" });
    const decision = decide(advance, facts("INPATIENT_ADVANCE_PAYMENT", { diagnoses: [LATE_TUMOUR] }));
    expect(decision.outcome === "OPEN" && [decision.opening.case.outOfArea, decision.opening.case.advanceSharePercent]).toEqual([true, 100]);
  });
});
