import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCalendar, type CalendarData } from "../calendar/calendar-data.js";
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { checkSubmission } from "./check-submission.js";
import type { SubmissionFacts } from "./submission-rules.js";
import { latestApplicationDay } from "../services/inpatient-advance.js";
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
  careKind: null,
  insuredHasIdNumber: true,
};

describe("checkSubmission (advance payment)", () => {
  it.each<[string, Partial<SubmissionFacts>, [string, string | null][], string[]]>([
    ["ADVANCE.条件.2.1 被保险人须在入院前5个工作日预约本服务 — admission exactly 5 working days out", { plannedAdmissionDate: "2026-03-09" }, [], []],
    ["ADVANCE.条件.2.1 被保险人须在入院前5个工作日预约本服务 — admission one day short", { plannedAdmissionDate: "2026-03-06" }, [["ADMISSION_TOO_SOON", "2026-03-01"]], []],
    ["exactly 5 working days across the Spring Festival (调休 Saturday 02-14 counts)", { today: "2026-02-12", plannedAdmissionDate: "2026-02-26" }, [], []],
    ["one day short across the Spring Festival", { today: "2026-02-12", plannedAdmissionDate: "2026-02-25" }, [["ADMISSION_TOO_SOON", "2026-02-11"]], []],
    ["ADVANCE.条件.2.2 如被保险人已住院，则不能申请住院垫付服务 — admitted today", { plannedAdmissionDate: "2026-03-02" }, [["ALREADY_ADMITTED", "2026-03-02"]], []],
    ["admitted yesterday", { plannedAdmissionDate: "2026-03-01" }, [["ALREADY_ADMITTED", "2026-03-01"]], []],
    ["ADVANCE.提示.4.2 被保险人若以社会医疗保险身份参保但在就医时无法以社会医疗保险身份就诊并结算的，无法申请", { usesSocialInsuranceSettlement: false }, [["SOCIAL_INSURANCE_SETTLEMENT_UNAVAILABLE", null]], []],
    ["no social insurance: settlement is irrelevant", { hasSocialInsurance: false, usesSocialInsuranceSettlement: false }, [], []],
    ["ADVANCE.条件.4 注意：如被保人确诊癌症，则病理报告为必须递交的资料 — cancer without the pathology report warns", { hasMalignantTumor: true }, [], ["PATHOLOGY_REPORT_REQUIRED"]],
    ["cancer with the pathology report", { hasMalignantTumor: true, pathologyReportProvided: true }, [], []],
    ["an admission in an unpublished year is provisional", { today: "2026-12-28", plannedAdmissionDate: "2027-01-20" }, [], ["CALENDAR_PROVISIONAL"]],
  ])("%s", (_name, facts, reasons, warnings) => {
    const decision = checkSubmission({ ...BASE, ...facts }, cal);
    expect(decision.reasons.map((r) => [r.code, r.date])).toEqual(reasons);
    expect(decision.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it.each<[string, Partial<SubmissionFacts>, string[]]>([
    ["ADVANCE.条件.2.1 被保险人须在入院前5个工作日预约本服务: the date is asked for", { plannedAdmissionDate: null }, ["PLANNED_ADMISSION_DATE_REQUIRED input.plannedAdmissionDate"]],
    ["ADVANCE.提示.4.2 被保险人若以社会医疗保险身份参保…: the settlement question must be answered", { usesSocialInsuranceSettlement: null }, ["SOCIAL_INSURANCE_SETTLEMENT_REQUIRED input.usesSocialInsuranceSettlement"]],
    ["no social insurance: the question may stay unanswered", { hasSocialInsurance: false, usesSocialInsuranceSettlement: null }, []],
    ["GREEN_CHANNEL.流程.2 …是否已具住院单等信息: inpatient or surgery must be said", { benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", careKind: null }, ["CARE_KIND_REQUIRED input.careKind"]],
    ["green channel inpatient with the kind said", { benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", careKind: "SURGERY" }, []],
  ])("%s", (_name, facts, missing) => {
    expect(checkSubmission({ ...BASE, ...facts }, cal).missingInput.map((p) => `${p.code} ${p.field.join(".")}`)).toEqual(missing);
  });

  it("JAPAN.流程.2 被保险人须提供姓名及身份证号码以确认保障及服务内容", () => {
    expect(checkSubmission({ ...BASE, benefit: "JAPAN_TREATMENT", insuredHasIdNumber: false }, cal).reasons.map((r) => r.code)).toEqual(["ID_NUMBER_REQUIRED"]);
    expect(checkSubmission({ ...BASE, benefit: "JAPAN_TREATMENT", insuredHasIdNumber: true }, cal).reasons).toEqual([]);
  });

  it("leaves other benefits alone", () => {
    expect(checkSubmission({ ...BASE, benefit: "MDT_CONSULTATION", plannedAdmissionDate: null }, cal)).toEqual({ reasons: [], warnings: [], missingInput: [] });
  });

  it("ADVANCE.标准.1 服务时间：7x24小时(含公共节假日、春节) — names the latest application day for an admission, a holiday counting as a day to apply on", () => {
    expect(latestApplicationDay(cal, "2026-03-09")).toBe("2026-03-02");
    // The service line takes calls 7×24: a Saturday application counts from the 调休 Sunday after it.
    expect(latestApplicationDay(cal, "2025-10-10")).toBe("2025-09-27");
  });
});

describe("missingDocuments", () => {
  it.each<[string, BenefitCode, boolean, DocumentKind[], DocumentKind[]]>([
    ["GREEN_CHANNEL.条件.3 被保险人需要递交医疗资料（包括但不限于门诊病历 — outpatient green channel needs the record", "GREEN_CHANNEL_OUTPATIENT", false, [], ["OUTPATIENT_RECORD"]],
    ["inpatient green channel, kind not said: the admission notice", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", false, ["OUTPATIENT_RECORD"], ["ADMISSION_NOTICE"]],
    ["inpatient green channel, kind not said: a surgery notice does instead", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", false, ["OUTPATIENT_RECORD", "SURGERY_NOTICE"], []],
    ["advance payment", "INPATIENT_ADVANCE_PAYMENT", false, ["OUTPATIENT_RECORD"], ["ADMISSION_NOTICE", "DEPOSIT_RECEIPT"]],
    ["ADVANCE.条件.4 注意：如被保人确诊癌症，则病理报告为必须递交的资料 — advance payment for cancer needs pathology", "INPATIENT_ADVANCE_PAYMENT", true, ["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"], ["PATHOLOGY_REPORT"]],
    ["family doctor needs nothing", "FAMILY_DOCTOR", false, [], []],
    ["SECOND_OPINION.提示.2 申请服务时被保险人须配合提供包括但不限于本次住院相关的门诊病历 — second opinion needs the record", "SECOND_OPINION", false, [], ["OUTPATIENT_RECORD"]],
    ["MDT.条件.3 被保险人须提交相关资料（包括但不限于入院通知书、门诊病历 — MDT needs the record", "MDT_CONSULTATION", false, ["CT_REPORT"], ["OUTPATIENT_RECORD"]],
    ["GENE_TEST.条件.2 …CT报告、MRI报告或病理报告等: the pathology report is one option, not a must", "GENE_TEST", true, ["OUTPATIENT_RECORD"], []],
    ["JAPAN.条件.2 …CT报告、MRI报告或病理报告、入院通知书、出院小结等: the pathology report is one option", "JAPAN_TREATMENT", true, ["OUTPATIENT_RECORD"], []],
    ["gene test needs the record", "GENE_TEST", true, [], ["OUTPATIENT_RECORD"]],
  ])("%s", (_name, code, cancer, received, missing) => {
    expect(missingDocuments({ benefit: benefitByCode(code).benefit, hasMalignantTumor: cancer, received })).toEqual(missing);
  });

  it.each<[string, "INPATIENT" | "SURGERY", DocumentKind[], DocumentKind[]]>([
    ["GREEN_CHANNEL.标准.2.4 住院绿通…会请被保险人提供相关资料及住院通知单", "INPATIENT", ["OUTPATIENT_RECORD", "SURGERY_NOTICE"], ["ADMISSION_NOTICE"]],
    ["GREEN_CHANNEL.标准.2.5 手术绿通…会请被保险人提供相关资料及手术通知单", "SURGERY", ["OUTPATIENT_RECORD", "ADMISSION_NOTICE"], ["SURGERY_NOTICE"]],
    ["surgery with its notice", "SURGERY", ["OUTPATIENT_RECORD", "SURGERY_NOTICE"], []],
  ])("%s", (_name, careKind, received, missing) => {
    expect(missingDocuments({ benefit: benefitByCode("GREEN_CHANNEL_INPATIENT_OR_SURGERY").benefit, hasMalignantTumor: false, careKind, received })).toEqual(missing);
  });
});
