// The catalogue against the handbook: counts and numbers pinned, shapes checked for every service.
import { describe, expect, it } from "vitest";
import { SERVICES, STANDARD_BENEFITS, benefitByCode, serviceByCode, slasForBenefit } from "./catalogue.js";
import { BENEFIT_CODES, SERVICE_CODES, type BenefitCode, type DocumentKind, type ServiceCode } from "./codes.js";
import type { NetworkKind } from "./service-definition.js";

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

  it.each<[BenefitCode, number | null, boolean, string]>([
    ["FAMILY_DOCTOR", null, true, "无限次"],
    ["GREEN_CHANNEL_OUTPATIENT", 1, true, "GREEN_CHANNEL.介绍.2 服务次数：门诊就医绿色通道（简称“门诊绿通”）1 次"],
    ["GREEN_CHANNEL_INPATIENT_OR_SURGERY", 1, true, "GREEN_CHANNEL.介绍.2 住院或手术协调绿色通道（简称“住院或手术绿通”）1 次"],
    ["INPATIENT_ADVANCE_PAYMENT", null, true, "ADVANCE.介绍.2 服务次数：不限次数。"],
    ["SECOND_OPINION", 1, true, "SECOND_OPINION.介绍.2 服务次数：1次"],
    ["MDT_CONSULTATION", 1, true, "MDT.介绍.2 服务次数：1 次"],
    ["GENE_TEST", 1, true, "GENE_TEST.介绍.2 服务次数：1次"],
    ["JAPAN_TREATMENT", 10, false, "JAPAN.介绍.2 服务次数：10次 — JAPAN.介绍.0 是否享有此服务，请以保单载明责任为准"],
  ])("%s: quota %s, standard %s — %s", (code, quota, standard) => {
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
        ["INVESTIGATION_RESULT", 15, undefined, "INVESTIGATION_REQUESTED"],
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
        ["REPORT_ISSUED", 5, 10, "STARTED"],
      ],
    ],
    ["GENE_TEST", [["LAB_REPORT", 15, undefined, "STARTED"]]],
    [
      "JAPAN_TREATMENT",
      [
        ["REVIEW_RESULT", 2, undefined, "DOCUMENTS_COMPLETE"],
        ["START_NOTICE", 1, undefined, "APPROVED"],
        ["SPECIALIST_ASSIGNED", 2, undefined, "START_NOTICE"],
        ["ARRANGEMENT_COMPLETE", 40, undefined, "DOCUMENTS_COMPLETE"],
      ],
    ],
  ])("%s runs the handbook's SLA clocks", (code, expected) => {
    expect(slasForBenefit(code).map((s) => [s.milestone, s.workingDays, s.upToWorkingDays, s.startsAt])).toEqual(expected);
  });

  it.each<[string, BenefitCode, string, number, number | undefined]>([
    ["GREEN_CHANNEL.标准.2.1 审核通过后 5 个工作日内安排预约服务", "GREEN_CHANNEL_OUTPATIENT", "APPOINTMENT_ARRANGED", 5, undefined],
    ["GREEN_CHANNEL.标准.2.4 审核通过后 10 个工作日内安排住院服务", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", "ADMISSION_ARRANGED", 10, undefined],
    ["GREEN_CHANNEL.标准.2.5 审核通过后 10 个工作日内安排手术加急协调服务", "GREEN_CHANNEL_INPATIENT_OR_SURGERY", "ADMISSION_ARRANGED", 10, undefined],
    ["ADVANCE.标准.2 服务时效：收到被保险人的申请及住院相关资料齐全后5个工作日内安排垫付。", "INPATIENT_ADVANCE_PAYMENT", "ADVANCE_ARRANGED", 5, undefined],
    ["ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果。", "INPATIENT_ADVANCE_PAYMENT", "INVESTIGATION_RESULT", 15, undefined],
    ["SECOND_OPINION.流程.4 资料收集完整后由我司特约服务商协调相关医院科室医生，启动服务，10个工作日内安排。", "SECOND_OPINION", "EXPERT_ARRANGED", 10, undefined],
    ["SECOND_OPINION.标准.2 资料齐全的情况下，10-15个工作日内，出具书面意见报告。", "SECOND_OPINION", "REPORT_ISSUED", 10, 15],
    ["MDT.标准.2 我司收到服务申请及完整资料后，服务人员将在10 个工作日内安排线下 MDT 专家会诊", "MDT_CONSULTATION", "CONSULTATION_ARRANGED", 10, undefined],
    ["MDT.流程.4 资料收集完整后由我司特约服务商协调确定诊疗地点及时间，10 个工作日内通知被保险人或家属准时出席 MDT 专家会诊", "MDT_CONSULTATION", "CONSULTATION_ARRANGED", 10, undefined],
    ["MDT.标准.2 会诊后 5-10 个工作日内，出具书面诊疗意见报告。", "MDT_CONSULTATION", "REPORT_ISSUED", 5, 10],
    ["MDT.流程.5 多科室专家会诊后 5-10 个工作日内，出具书面诊疗意见报告", "MDT_CONSULTATION", "REPORT_ISSUED", 5, 10],
    ["GENE_TEST.标准.2 实验室收到样本后15个工作日内，出具电子版及纸质版报告。", "GENE_TEST", "LAB_REPORT", 15, undefined],
    ["GENE_TEST.流程.6 实验室收到样本后15个工作日内，出具电子版及纸质版报告", "GENE_TEST", "LAB_REPORT", 15, undefined],
    ["JAPAN.流程.3 经我司审核，2个工作日内通知审核结果", "JAPAN_TREATMENT", "REVIEW_RESULT", 2, undefined],
  ])("%s", (_clause, code, milestone, workingDays, upTo) => {
    const sla = slasForBenefit(code).find((s) => s.milestone === milestone);
    expect([sla?.workingDays, sla?.upToWorkingDays], milestone).toEqual([workingDays, upTo]);
    expect(sla?.source).toContain(String(upTo ?? workingDays));
  });

  it.each<[ServiceCode, string, NetworkKind, BenefitCode[]]>([
    ["FAMILY_DOCTOR", "家庭医生", "ONLINE", ["FAMILY_DOCTOR"]],
    ["GREEN_CHANNEL", "就医绿色通道", "CITY_LIST", ["GREEN_CHANNEL_OUTPATIENT", "GREEN_CHANNEL_INPATIENT_OR_SURGERY"]],
    ["INPATIENT_ADVANCE", "住院垫付服务", "CITY_LIST", ["INPATIENT_ADVANCE_PAYMENT"]],
    ["SECOND_OPINION", "国内第二诊疗意见", "NATIONWIDE", ["SECOND_OPINION"]],
    ["MDT", "MDT 多学科会诊", "HOSPITAL_LIST", ["MDT_CONSULTATION"]],
    ["GENE_TEST", "靶向药基因检测", "CITY_LIST", ["GENE_TEST"]],
    ["JAPAN_CARE", "赴日就医协助", "HOSPITAL_LIST", ["JAPAN_TREATMENT"]],
  ])("%s is %s, network %s, benefits %j", (code, zh, network, benefits) => {
    const service = serviceByCode(code);
    expect(service.code).toBe(code);
    expect(service.name.zh).toBe(zh);
    expect(service.name.en.trim()).not.toBe("");
    expect(service.description.en.trim()).not.toBe("");
    expect(service.network).toBe(network);
    expect(service.benefits.map((b) => b.code)).toEqual(benefits);
    for (const benefit of benefits) expect(benefitByCode(benefit).service).toBe(service);
  });

  it.each<[BenefitCode, DocumentKind[]]>([
    ["FAMILY_DOCTOR", []],
    ["GREEN_CHANNEL_OUTPATIENT", ["OUTPATIENT_RECORD"]],
    ["GREEN_CHANNEL_INPATIENT_OR_SURGERY", ["OUTPATIENT_RECORD", "ADMISSION_NOTICE"]],
    ["INPATIENT_ADVANCE_PAYMENT", ["OUTPATIENT_RECORD", "ADMISSION_NOTICE", "DEPOSIT_RECEIPT"]],
    ["SECOND_OPINION", ["OUTPATIENT_RECORD"]],
    ["MDT_CONSULTATION", ["OUTPATIENT_RECORD"]],
    ["GENE_TEST", ["OUTPATIENT_RECORD"]],
    ["JAPAN_TREATMENT", ["OUTPATIENT_RECORD"]],
  ])("%s needs %j before its SLA clocks start", (code, documents) => {
    const { service, benefit } = benefitByCode(code);
    expect(benefit.requiredDocuments).toEqual(documents);
    // what a benefit requires is among what its service asks for when applying
    for (const kind of documents) expect(service.requiredDocuments).toContain(kind);
  });

  it.each(SERVICES.map((s) => [s.code, s] as const))("%s: every SLA applies to its own benefits, once per milestone", (_code, service) => {
    const own = service.benefits.map((b) => b.code);
    for (const sla of service.slas) {
      expect(sla.benefits ?? own, sla.milestone).not.toHaveLength(0);
      for (const benefit of sla.benefits ?? []) expect(own, sla.milestone).toContain(benefit);
      expect(sla.workingDays).toBeGreaterThan(0);
      if (sla.upToWorkingDays !== undefined) expect(sla.upToWorkingDays).toBeGreaterThan(sla.workingDays);
      expect(sla.startsWhen.zh.trim()).not.toBe("");
      expect(sla.startsWhen.en.trim()).not.toBe("");
    }
    const milestones = service.slas.map((s) => s.milestone);
    expect(new Set(milestones).size).toBe(milestones.length);
    expect(new Set(service.requiredDocuments).size).toBe(service.requiredDocuments.length);
  });

  it("accepts a benefit definition as well as its code for slasForBenefit", () => {
    const { benefit } = benefitByCode("MDT_CONSULTATION");
    expect(slasForBenefit(benefit)).toEqual(slasForBenefit("MDT_CONSULTATION"));
  });

  it("lists only the unlimited benefits without a quota", () => {
    const unlimited = SERVICES.flatMap((s) => s.benefits.filter((b) => b.quota === null).map((b) => b.code));
    expect(unlimited).toEqual(["FAMILY_DOCTOR", "INPATIENT_ADVANCE_PAYMENT"]);
  });

  it("keeps the PDF's restarted numbering and drops its duplicate line", () => {
    // 住院垫付 温馨提示 runs 1–4 then 1–2: six notes, the last the same-insured line.
    const advance = serviceByCode("INPATIENT_ADVANCE").notes;
    expect(advance[4]?.zh).toMatch(/^若被保险人未在保单有效期内申请本项服务/);
    expect(advance[5]?.zh).toMatch(/^本项服务可由投保人代被保险人申请预约/);
    // MDT: the stray "3. 本项服务可由投保人…" after the network table repeats note 5.
    const mdt = serviceByCode("MDT").notes;
    expect(mdt.filter((n) => n.zh.includes("本项服务可由投保人代被保险人申请预约"))).toHaveLength(1);
  });

  it("names Japan step 11, which the handbook gives no title of its own", () => {
    const step = serviceByCode("JAPAN_CARE").steps[10]!;
    expect(step.order).toBe(11);
    expect(step.name.zh).not.toBe(step.description.zh);
    expect(step.description.zh).toBe("根据医院安排，陪诊人员协调被保险人入院进行治疗");
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
