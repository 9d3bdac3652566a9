import { describe, expect, it } from "vitest";
import type { RequiredDiagnosis } from "../catalogue/service-definition.js";
import { BENEFIT_CODES, type BenefitCode } from "../catalogue/codes.js";
import { benefitByCode } from "../catalogue/catalogue.js";
import { checkEligibility, countsEarlierAdvances, type DiagnosisFacts, type PolicyFacts, type QuotaFacts } from "./check-eligibility.js";
import { ELIGIBILITY_REASON_CODES, REASON_MESSAGES } from "./reason-codes.js";

const POLICY: PolicyFacts = {
  status: "ACTIVE",
  effectiveFrom: "2025-07-01",
  effectiveTo: "2026-06-30",
  waitingPeriodEndsOn: "2025-08-29", // 60-day waiting period
};
const CRITICAL: DiagnosisFacts = { category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-10-10" };
const CANCER: DiagnosisFacts = { category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-10-10" };
const ONE_LEFT: QuotaFacts = { total: 1, used: 0, reserved: 0 };

const BENEFITS: Record<string, { code: BenefitCode; requiredDiagnosis: RequiredDiagnosis }> = {
  family: { code: "FAMILY_DOCTOR", requiredDiagnosis: "NONE" },
  green: { code: "GREEN_CHANNEL_OUTPATIENT", requiredDiagnosis: "CRITICAL_ILLNESS" },
  advance: { code: "INPATIENT_ADVANCE_PAYMENT", requiredDiagnosis: "CRITICAL_ILLNESS" },
  gene: { code: "GENE_TEST", requiredDiagnosis: "MALIGNANT_TUMOR" },
  japan: { code: "JAPAN_TREATMENT", requiredDiagnosis: "MALIGNANT_TUMOR" },
  second: { code: "SECOND_OPINION", requiredDiagnosis: "CRITICAL_ILLNESS" },
  mdt: { code: "MDT_CONSULTATION", requiredDiagnosis: "CRITICAL_ILLNESS" },
};

interface Row {
  benefit: keyof typeof BENEFITS;
  on: string;
  policy?: Partial<PolicyFacts>;
  diagnoses?: DiagnosisFacts[];
  quota?: QuotaFacts | null;
  reasons: [string, string | null][];
  eligibleFrom?: string | null;
  warnings?: string[];
  /** Advances already made for the illness (ADVANCE.提示.2). */
  advances?: number;
}

const rows: [string, Row][] = [
  ["family doctor: in force is enough, even in the waiting period", { benefit: "family", on: "2025-07-01", diagnoses: [], quota: { total: null, used: 0, reserved: 0 }, reasons: [] }],
  ["family doctor: the policy's last day", { benefit: "family", on: "2026-06-30", diagnoses: [], quota: { total: null, used: 5, reserved: 0 }, reasons: [] }],
  ["family doctor: the day after the policy ends", { benefit: "family", on: "2026-07-01", diagnoses: [], quota: { total: null, used: 0, reserved: 0 }, reasons: [["POLICY_NOT_IN_FORCE", null]], eligibleFrom: null }],
  ["family doctor: a policy that starts later", { benefit: "family", on: "2025-06-20", diagnoses: [], quota: { total: null, used: 0, reserved: 0 }, reasons: [["POLICY_NOT_IN_FORCE", "2025-07-01"]], eligibleFrom: "2025-07-01" }],
  ["family doctor: a lapsed policy", { benefit: "family", on: "2025-09-01", policy: { status: "LAPSED" }, quota: { total: null, used: 0, reserved: 0 }, reasons: [["POLICY_NOT_IN_FORCE", null]] }],
  ["green channel: eligible", { benefit: "green", on: "2025-11-01", diagnoses: [CRITICAL], reasons: [] }],
  ["green channel: the last day of the waiting period", { benefit: "green", on: "2025-08-29", diagnoses: [], reasons: [["WAITING_PERIOD", "2025-08-30"], ["NO_COVERED_DIAGNOSIS", null]], eligibleFrom: null }],
  ["green channel: the day after the waiting period, no diagnosis yet", { benefit: "green", on: "2025-08-30", diagnoses: [], reasons: [["NO_COVERED_DIAGNOSIS", null]] }],
  ["GREEN_CHANNEL.条件.1 保单有效期内且等待期后，被保险人因初次罹患本保险产品条款保障范围内的重大疾病时 — green channel: diagnosed on the last waiting day", { benefit: "green", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-08-29" }], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-29"]] }],
  ["green channel: diagnosed the day after the waiting period", { benefit: "green", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-08-30" }], reasons: [] }],
  ["green channel: diagnosed before the policy started", { benefit: "green", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2024-05-01" }], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2024-05-01"]] }],
  ["green channel: a malignant tumour is a critical illness", { benefit: "green", on: "2025-11-01", diagnoses: [CANCER], reasons: [] }],
  ["green channel: a diagnosis after the asked date does not count yet", { benefit: "green", on: "2025-10-09", diagnoses: [CRITICAL], reasons: [["NO_COVERED_DIAGNOSIS", null]] }],
  ["green channel: quota n-1 left (0 used of 1)", { benefit: "green", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: 1, used: 0, reserved: 0 }, reasons: [] }],
  ["green channel: quota used", { benefit: "green", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: 1, used: 1, reserved: 0 }, reasons: [["QUOTA_EXHAUSTED", null]] }],
  ["green channel: quota held by an open case", { benefit: "green", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: 1, used: 0, reserved: 1 }, reasons: [["QUOTA_EXHAUSTED", null]] }],
  ["JAPAN.介绍.2 服务次数：10次 — japan: 9 of 10 used leaves one", { benefit: "japan", on: "2025-11-01", diagnoses: [CANCER], quota: { total: 10, used: 9, reserved: 0 }, reasons: [] }],
  ["JAPAN.介绍.2 服务次数：10次 — japan: 10 of 10 used", { benefit: "japan", on: "2025-11-01", diagnoses: [CANCER], quota: { total: 10, used: 9, reserved: 1 }, reasons: [["QUOTA_EXHAUSTED", null]] }],
  ["JAPAN.介绍.0 是否享有此服务，请以保单载明责任为准 — GENERAL.说明.7 被保险人可享有的具体服务内容请以保险单实际载明的保障责任为准 — japan: not on the policy", { benefit: "japan", on: "2025-11-01", diagnoses: [CANCER], quota: null, reasons: [["BENEFIT_NOT_ON_POLICY", null]] }],
  ["GENE_TEST.条件.1 被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时可向我司申请本服务 — gene test: a critical illness that is not a tumour", { benefit: "gene", on: "2025-11-01", diagnoses: [CRITICAL], reasons: [["NOT_MALIGNANT_TUMOR", null]] }],
  ["gene test: no diagnosis at all", { benefit: "gene", on: "2025-11-01", diagnoses: [], reasons: [["NO_COVERED_DIAGNOSIS", null]] }],
  ["gene test: tumour diagnosed in the waiting period", { benefit: "gene", on: "2025-11-01", diagnoses: [{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" }], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"]] }],
  ["every reason at once", { benefit: "japan", on: "2026-07-02", policy: { status: "EXPIRED" }, diagnoses: [CRITICAL], quota: null, reasons: [["POLICY_NOT_IN_FORCE", null], ["NOT_MALIGNANT_TUMOR", null], ["BENEFIT_NOT_ON_POLICY", null]] }],
  ["a future policy still in waiting: dates alone do not fix a missing diagnosis", { benefit: "green", on: "2025-06-01", diagnoses: [], reasons: [["POLICY_NOT_IN_FORCE", "2025-07-01"], ["WAITING_PERIOD", "2025-08-30"], ["NO_COVERED_DIAGNOSIS", null]], eligibleFrom: null }],
  ["JAPAN.条件.1 若被保险人因初次罹患本产品条款保障范围内的恶性肿瘤 — japan: a critical illness that is not a tumour", { benefit: "japan", on: "2025-11-01", diagnoses: [CRITICAL], reasons: [["NOT_MALIGNANT_TUMOR", null]] }],
  ["ADVANCE.条件.1 保单有效期内且等待期后，当被保险人初次罹患本保险产品条款保障范围内的重大疾病时 — advance: diagnosed in the waiting period", { benefit: "advance", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-08-29" }], quota: { total: null, used: 0, reserved: 0 }, reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-29"]] }],
  ["SECOND_OPINION.条件.1 保单有效期内且等待期后 — second opinion: the last day of the waiting period", { benefit: "second", on: "2025-08-29", diagnoses: [CRITICAL], reasons: [["WAITING_PERIOD", "2025-08-30"], ["NO_COVERED_DIAGNOSIS", null]] }],
  ["SECOND_OPINION.条件.2 当被保险人初次罹患本保险产品条款保障范围内的重大疾病时 — second opinion: diagnosed in the waiting period", { benefit: "second", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-08-01" }], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"]] }],
  ["MDT.条件.1 保单有效期内且等待期后，被保险人初次罹患本保险产品条款保障范围内的重大疾病 — MDT: diagnosed the day after the waiting period", { benefit: "mdt", on: "2025-11-01", diagnoses: [{ category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-08-30" }], reasons: [] }],
  ["MDT.条件.1 保单有效期内且等待期后 — MDT: no critical illness, no consultation", { benefit: "mdt", on: "2025-11-01", diagnoses: [], reasons: [["NO_COVERED_DIAGNOSIS", null]] }],
  ["ADVANCE.提示.5.1 若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止 — advance: the day after the policy ends", { benefit: "advance", on: "2026-07-01", diagnoses: [CRITICAL], quota: { total: null, used: 0, reserved: 0 }, reasons: [["POLICY_NOT_IN_FORCE", null]] }],
  ["SECOND_OPINION.提示.5 若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止 — second opinion: the day after the policy ends", { benefit: "second", on: "2026-07-01", diagnoses: [CRITICAL], reasons: [["POLICY_NOT_IN_FORCE", null]] }],
  ["MDT.提示.2 若被保险人未在保单有效期内申请本项服务，则本项服务随保单有效期到期终止 — MDT: the policy's last day still counts", { benefit: "mdt", on: "2026-06-30", diagnoses: [CRITICAL], reasons: [] }],
  ["MDT.提示.2 若被保险人未在保单有效期内申请本项服务 — MDT: the day after the policy ends", { benefit: "mdt", on: "2026-07-01", diagnoses: [CRITICAL], reasons: [["POLICY_NOT_IN_FORCE", null]] }],
  ["JAPAN.提示.1 若被保险人未在保单有效期内申请本项服务，则本项服务到期终止 — japan: the day after the policy ends", { benefit: "japan", on: "2026-07-01", diagnoses: [CANCER], quota: { total: 10, used: 0, reserved: 0 }, reasons: [["POLICY_NOT_IN_FORCE", null]] }],
  [
    "GENE_TEST.条件.1 初次罹患…恶性肿瘤 — a tumour first diagnosed in the waiting period stays excluded when recorded again after it",
    { benefit: "gene", on: "2025-11-01", diagnoses: [{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" }, CANCER], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"]] },
  ],
  [
    "GREEN_CHANNEL.条件.1 被保险人因初次罹患本保险产品条款保障范围内的重大疾病时 — the same for a critical-illness service: the later record reopens nothing",
    { benefit: "green", on: "2025-11-01", diagnoses: [{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" }, CANCER], reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"]] },
  ],
  [
    "ADVANCE.条件.1 当被保险人初次罹患本保险产品条款保障范围内的重大疾病时 — the record order does not matter: the earliest of the category decides",
    { benefit: "advance", on: "2025-11-01", diagnoses: [CRITICAL, { category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-07-15" }], quota: { total: null, used: 0, reserved: 0 }, reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-07-15"]] },
  ],
  [
    "MDT.条件.1 被保险人初次罹患本保险产品条款保障范围内的重大疾病 — another category first diagnosed after the waiting period qualifies for a critical-illness service",
    { benefit: "mdt", on: "2025-11-01", diagnoses: [{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" }, CRITICAL], reasons: [] },
  ],
  [
    "JAPAN.条件.1 初次罹患…恶性肿瘤 — …but not for a tumour service",
    { benefit: "japan", on: "2025-11-01", diagnoses: [{ category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" }, CRITICAL, CANCER], quota: { total: 10, used: 0, reserved: 0 }, reasons: [["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"]] },
  ],
  ["advance: first use warns of the liability review", { benefit: "advance", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: null, used: 0, reserved: 0 }, reasons: [], warnings: ["FIRST_ADVANCE_MAY_NEED_REVIEW"] }],
  [
    "ADVANCE.提示.2 如被保险人之前已因相同疾病住院成功申请过我司垫付服务 — an earlier advance for the illness: no warning",
    { benefit: "advance", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: null, used: 1, reserved: 0 }, advances: 1, reasons: [], warnings: [] },
  ],
  [
    "ADVANCE.提示.2 如被保险人是首次申请垫付服务 — advances used for another illness still warn for this one",
    { benefit: "advance", on: "2025-11-01", diagnoses: [CRITICAL], quota: { total: null, used: 3, reserved: 0 }, advances: 0, reasons: [], warnings: ["FIRST_ADVANCE_MAY_NEED_REVIEW"] },
  ],
];

describe("checkEligibility", () => {
  it.each(rows)("%s", (_name, row) => {
    const decision = checkEligibility({
      benefit: BENEFITS[row.benefit]!,
      policy: { ...POLICY, ...row.policy },
      diagnoses: row.diagnoses ?? [],
      quota: row.quota === undefined ? ONE_LEFT : row.quota,
      on: row.on,
      advances: { earlierAdvancesForIllness: row.advances ?? 0 },
    });
    expect(decision.reasons.map((r) => [r.code, r.date])).toEqual(row.reasons);
    expect(decision.eligible).toBe(row.reasons.length === 0);
    if (row.eligibleFrom !== undefined) expect(decision.eligibleFrom).toBe(row.eligibleFrom);
    if (row.warnings !== undefined) expect(decision.warnings.map((w) => w.code)).toEqual(row.warnings);
  });

  it("has zh and en text for every code, with the date in it", () => {
    for (const code of ELIGIBILITY_REASON_CODES) {
      const text = REASON_MESSAGES[code]("2026-01-05");
      expect(text.zh.length, code).toBeGreaterThan(4);
      expect(text.en.length, code).toBeGreaterThan(4);
    }
    expect(REASON_MESSAGES.WAITING_PERIOD("2025-08-30").en).toContain("2025-08-30");
  });
});

describe("countsEarlierAdvances", () => {
  it.each(BENEFIT_CODES.map((b) => [b]))("%s: true exactly when earlier advances for the illness change the answer", (code) => {
    const decide = (earlierAdvancesForIllness: number) =>
      checkEligibility({
        benefit: benefitByCode(code).benefit,
        policy: POLICY,
        diagnoses: [CANCER],
        quota: { total: null, used: 0, reserved: 0 },
        on: "2025-11-01",
        advances: { earlierAdvancesForIllness },
      });
    expect(countsEarlierAdvances(code)).toBe(JSON.stringify(decide(0)) !== JSON.stringify(decide(3)));
  });
});
