import { describe, expect, it } from "vitest";
import type { RequiredDiagnosis } from "../catalogue/service-definition.js";
import { illnessOf, type IllnessFacts } from "./illness-of.js";

const POLICY = { waitingPeriodEndsOn: "2025-08-29" };
const ON = "2025-12-01";
const HEART: IllnessFacts = { id: "d-heart", category: "CRITICAL_ILLNESS", firstDiagnosedOn: "2025-09-10" };
const TUMOUR: IllnessFacts = { id: "d-tumour", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-10-01" };
// 初次罹患: a tumour first diagnosed inside the waiting period, recorded again after it.
const TUMOUR_IN_WAITING: IllnessFacts = { id: "d-tumour-early", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-01" };
const TUMOUR_AGAIN: IllnessFacts = { id: "d-tumour-again", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-11-01" };

type Expected = string | null | "UNKNOWN_DIAGNOSIS" | [string, string | null];

describe("illnessOf", () => {
  it.each<[string, string | null, IllnessFacts[], RequiredDiagnosis, Expected]>([
    ["the named diagnosis", "d-tumour", [HEART, TUMOUR], "CRITICAL_ILLNESS", "d-tumour"],
    ["a diagnosis of another policy is refused", "d-other", [HEART, TUMOUR], "CRITICAL_ILLNESS", "UNKNOWN_DIAGNOSIS"],
    ["critical illness: the earliest diagnosis", null, [HEART, TUMOUR], "CRITICAL_ILLNESS", "d-heart"],
    ["malignant tumour: the earliest tumour", null, [HEART, TUMOUR], "MALIGNANT_TUMOR", "d-tumour"],
    ["no diagnosis condition: none", null, [HEART, TUMOUR], "NONE", null],
    ["GENE_TEST.条件.1 初次罹患…恶性肿瘤 — naming a critical illness that is no tumour", "d-heart", [HEART, TUMOUR], "MALIGNANT_TUMOR", ["NOT_MALIGNANT_TUMOR", null]],
    [
      "GENE_TEST.条件.1 被保险人因初次罹患本保险产品条款保障范围内的恶性肿瘤时 — a later record of a tumour first diagnosed in the waiting period is refused with the first date",
      "d-tumour-again",
      [TUMOUR_IN_WAITING, TUMOUR_AGAIN],
      "MALIGNANT_TUMOR",
      ["DIAGNOSED_IN_WAITING_PERIOD", "2025-08-01"],
    ],
    ["GREEN_CHANNEL.条件.1 被保险人因初次罹患本保险产品条款保障范围内的重大疾病时 — naming no diagnosis never attaches to the excluded category", null, [TUMOUR_IN_WAITING, TUMOUR_AGAIN], "CRITICAL_ILLNESS", null],
    ["…but attaches to a category first diagnosed after the waiting period", null, [TUMOUR_IN_WAITING, HEART, TUMOUR_AGAIN], "CRITICAL_ILLNESS", "d-heart"],
    ["a diagnosis not yet made on the day asked about is not the illness", null, [{ ...HEART, firstDiagnosedOn: "2025-12-02" }], "CRITICAL_ILLNESS", null],
  ])("%s", (_name, named, diagnoses, required, expected) => {
    const result = illnessOf(named, diagnoses, required, POLICY, ON);
    if ("problem" in result) return expect(result.problem.code).toBe(expected);
    if (result.reasons.length > 0) return expect([result.reasons[0]!.code, result.reasons[0]!.date]).toEqual(expected);
    expect(result.diagnosisId).toBe(expected);
  });

  it("a refusal names the diagnosisId field", () => {
    const result = illnessOf("d-tumour-again", [TUMOUR_IN_WAITING, TUMOUR_AGAIN], "MALIGNANT_TUMOR", POLICY, ON);
    expect("reasons" in result && result.reasons[0]?.field).toEqual(["input", "diagnosisId"]);
  });
});
