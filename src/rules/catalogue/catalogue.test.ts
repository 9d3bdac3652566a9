// The catalogue against the handbook: counts and numbers pinned, shapes checked for every service.
import { describe, expect, it } from "vitest";
import { SERVICES, STANDARD_BENEFITS, benefitByCode, slasForBenefit } from "./catalogue.js";
import { BENEFIT_CODES, SERVICE_CODES, type BenefitCode, type ServiceCode } from "./codes.js";

describe("service catalogue (handbook 2022)", () => {
  it("has the seven services in the contract's order", () => {
    expect(SERVICES.map((s) => s.code)).toEqual([...SERVICE_CODES]);
  });

  it.each<[ServiceCode, number, number]>([
    ["FAMILY_DOCTOR", 2, 4],
    ["GREEN_CHANNEL", 4, 4],
    ["INPATIENT_ADVANCE", 6, 6],
    ["SECOND_OPINION", 5, 5],
    ["MDT", 5, 5],
    ["GENE_TEST", 6, 4],
    ["JAPAN_CARE", 12, 6],
  ])("%s has %i steps (服务流程) and %i notes (温馨提示)", (code, steps, notes) => {
    const service = SERVICES.find((s) => s.code === code)!;
    expect(service.steps).toHaveLength(steps);
    expect(service.steps.map((s) => s.order)).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    expect(service.notes).toHaveLength(notes);
  });

  it.each<[BenefitCode, number | null, boolean]>([
    ["FAMILY_DOCTOR", null, true],
    ["GREEN_CHANNEL_OUTPATIENT", 1, true],
    ["GREEN_CHANNEL_INPATIENT_OR_SURGERY", 1, true],
    ["INPATIENT_ADVANCE_PAYMENT", null, true],
    ["SECOND_OPINION", 1, true],
    ["MDT_CONSULTATION", 1, true],
    ["GENE_TEST", 1, true],
    ["JAPAN_TREATMENT", 10, false],
  ])("%s: quota %s, standard %s", (code, quota, standard) => {
    expect(benefitByCode(code).benefit).toMatchObject({ quota, standard });
  });

  it("lists every benefit code exactly once", () => {
    const codes = SERVICES.flatMap((s) => s.benefits.map((b) => b.code)).sort();
    expect(codes).toEqual([...BENEFIT_CODES].sort());
  });

  it("gives every benefit but JAPAN_TREATMENT to a policy that lists none", () => {
    expect(STANDARD_BENEFITS).toEqual(BENEFIT_CODES.filter((c) => c !== "JAPAN_TREATMENT"));
  });

  it.each<[BenefitCode, string]>([
    ["FAMILY_DOCTOR", "NONE"],
    ["GREEN_CHANNEL_OUTPATIENT", "CRITICAL_ILLNESS"],
    ["INPATIENT_ADVANCE_PAYMENT", "CRITICAL_ILLNESS"],
    ["SECOND_OPINION", "CRITICAL_ILLNESS"],
    ["MDT_CONSULTATION", "CRITICAL_ILLNESS"],
    ["GENE_TEST", "MALIGNANT_TUMOR"],
    ["JAPAN_TREATMENT", "MALIGNANT_TUMOR"],
  ])("%s needs diagnosis %s", (code, diagnosis) => {
    expect(benefitByCode(code).benefit.requiredDiagnosis).toBe(diagnosis);
  });

  it.each<[BenefitCode, [string, number, number | undefined, string][]]>([
    ["FAMILY_DOCTOR", []],
    ["GREEN_CHANNEL_OUTPATIENT", [["APPOINTMENT_ARRANGED", 5, undefined, "APPROVED"]]],
    ["GREEN_CHANNEL_INPATIENT_OR_SURGERY", [["ADMISSION_ARRANGED", 10, undefined, "APPROVED"]]],
    [
      "INPATIENT_ADVANCE_PAYMENT",
      [
        ["ADVANCE_ARRANGED", 5, undefined, "DOCUMENTS_COMPLETE"],
        ["INVESTIGATION_RESULT", 15, undefined, "DOCUMENTS_COMPLETE"],
      ],
    ],
    [
      "SECOND_OPINION",
      [
        ["EXPERT_ARRANGED", 10, undefined, "DOCUMENTS_COMPLETE"],
        ["REPORT_ISSUED", 10, 15, "DOCUMENTS_COMPLETE"],
      ],
    ],
    [
      "MDT_CONSULTATION",
      [
        ["CONSULTATION_ARRANGED", 10, undefined, "DOCUMENTS_COMPLETE"],
        ["REPORT_ISSUED", 5, 10, "CONSULTATION_HELD"],
      ],
    ],
    ["GENE_TEST", [["LAB_REPORT", 15, undefined, "SAMPLE_RECEIVED"]]],
    [
      "JAPAN_TREATMENT",
      [
        ["REVIEW_RESULT", 2, undefined, "DOCUMENTS_COMPLETE"],
        ["START_NOTICE", 1, undefined, "REVIEW_RESULT"],
        ["SPECIALIST_ASSIGNED", 2, undefined, "SERVICE_STARTED"],
        ["ARRANGEMENT_COMPLETE", 40, undefined, "DOCUMENTS_COMPLETE"],
      ],
    ],
  ])("%s runs the handbook's SLA clocks", (code, expected) => {
    expect(slasForBenefit(code).map((s) => [s.milestone, s.workingDays, s.upToWorkingDays, s.starts])).toEqual(expected);
  });

  it("quotes the handbook for every SLA and words every text in zh and en", () => {
    for (const service of SERVICES) {
      for (const text of [service.name, service.description, ...service.notes, ...service.steps.flatMap((s) => [s.name, s.description])]) {
        expect(text.zh.trim(), service.code).not.toBe("");
        expect(text.en.trim(), service.code).not.toBe("");
        expect(text.zh, service.code).not.toContain("**");
      }
      for (const sla of service.slas) {
        expect(sla.source, sla.milestone).toMatch(/\d+\s*个工作日/);
        expect(sla.source, sla.milestone).toContain(String(sla.upToWorkingDays ?? sla.workingDays));
      }
    }
  });
});
