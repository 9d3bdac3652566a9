import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { BENEFIT_CODES } from "../catalogue/codes.js";
import { checkSubmission, countsEarlierAdvances, latestApplicationDay, type SubmissionFacts } from "./check-submission.js";
import { missingDocuments } from "./missing-documents.js";

const cal = createCalendar(JSON.parse(readFileSync(new URL("../../../data/calendar/cn-holidays.json", import.meta.url), "utf8")) as CalendarData);
const BASE: SubmissionFacts = {
  benefit: "INPATIENT_ADVANCE_PAYMENT",
  today: "2026-03-02",
  plannedAdmissionDate: "2026-03-20",
  hasSocialInsurance: true,
  usesSocialInsuranceSettlement: true,
  hasMalignantTumor: false,
  pathologyReportProvided: false,
  earlierAdvances: 1,
};

describe("checkSubmission (advance payment)", () => {
  it.each<[string, Partial<SubmissionFacts>, [string, string | null][], string[]]>([
    ["admission exactly 5 working days out", { plannedAdmissionDate: "2026-03-09" }, [], []],
    ["admission one day short", { plannedAdmissionDate: "2026-03-06" }, [["ADMISSION_TOO_SOON", "2026-03-01"]], []],
    ["exactly 5 working days across the Spring Festival (调休 Saturday 02-14 counts)", { today: "2026-02-12", plannedAdmissionDate: "2026-02-26" }, [], []],
    ["one day short across the Spring Festival", { today: "2026-02-12", plannedAdmissionDate: "2026-02-25" }, [["ADMISSION_TOO_SOON", "2026-02-11"]], []],
    ["admitted today", { plannedAdmissionDate: "2026-03-02" }, [["ALREADY_ADMITTED", "2026-03-02"]], []],
    ["admitted yesterday", { plannedAdmissionDate: "2026-03-01" }, [["ALREADY_ADMITTED", "2026-03-01"]], []],
    ["social insurance but no settlement through it", { usesSocialInsuranceSettlement: false }, [["SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE", null]], []],
    ["no social insurance: settlement is irrelevant", { hasSocialInsurance: false, usesSocialInsuranceSettlement: false }, [], []],
    ["cancer without the pathology report warns", { hasMalignantTumor: true }, [], ["PATHOLOGY_REPORT_REQUIRED"]],
    ["cancer with the pathology report", { hasMalignantTumor: true, pathologyReportProvided: true }, [], []],
    ["a first advance warns of the liability review", { earlierAdvances: 0 }, [], ["FIRST_ADVANCE_MAY_NEED_REVIEW"]],
    ["an admission in an unpublished year is provisional", { today: "2026-12-28", plannedAdmissionDate: "2027-01-20" }, [], ["CALENDAR_PROVISIONAL"]],
  ])("%s", (_name, facts, reasons, warnings) => {
    const decision = checkSubmission({ ...BASE, ...facts }, cal);
    expect(decision.reasons.map((r) => [r.code, r.date])).toEqual(reasons);
    expect(decision.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it("asks for the planned admission date", () => {
    expect(checkSubmission({ ...BASE, plannedAdmissionDate: null }, cal).missingField).toEqual(["input", "plannedAdmissionDate"]);
  });

  it("leaves other benefits alone", () => {
    expect(checkSubmission({ ...BASE, benefit: "MDT_CONSULTATION", plannedAdmissionDate: null }, cal)).toEqual({ reasons: [], warnings: [], missingField: null });
  });

  it("names the latest application day for an admission", () => {
    expect(latestApplicationDay(cal, "2026-03-09")).toBe("2026-03-02");
    // The service line takes calls 7×24: a Saturday application counts from the 调休 Sunday after it.
    expect(latestApplicationDay(cal, "2025-10-10")).toBe("2025-09-27");
  });
});

describe("countsEarlierAdvances", () => {
  it.each(BENEFIT_CODES.map((b) => [b]))("%s: true exactly when earlier advances change the decision", (benefit) => {
    const decide = (earlierAdvances: number) => checkSubmission({ ...BASE, benefit, earlierAdvances }, cal);
    expect(countsEarlierAdvances(benefit)).toBe(JSON.stringify(decide(0)) !== JSON.stringify(decide(3)));
  });
});

describe("missingDocuments", () => {
  it.each<[string, BenefitCode, boolean, DocumentKind[], DocumentKind[]]>([
    ["outpatient green channel needs the record", "GREEN_CHANNEL_OUTPATIENT", false, [], ["OUTPATIENT_RECORD"]],
    ["inpatient green channel: the admission notice", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", false, ["OUTPATIENT_RECORD"], ["ADMISSION_NOTICE"]],
    ["inpatient green channel: a surgery notice does instead", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", false, ["OUTPATIENT_RECORD", "SURGERY_NOTICE"], []],
    ["advance payment", "INPATIENT_ADVANCE_PAYMENT", false, ["OUTPATIENT_RECORD"], ["ADMISSION_NOTICE", "DEPOSIT_RECEIPT"]],
    ["advance payment for cancer needs pathology", "INPATIENT_ADVANCE_PAYMENT", true, ["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"], ["PATHOLOGY_REPORT"]],
    ["family doctor needs nothing", "FAMILY_DOCTOR", false, [], []],
    ["gene test", "GENE_TEST", true, ["OUTPATIENT_RECORD"], ["PATHOLOGY_REPORT"]],
  ])("%s", (_name, code, cancer, received, missing) => {
    expect(missingDocuments({ benefit: benefitByCode(code).benefit, hasMalignantTumor: cancer, received })).toEqual(missing);
  });
});
