import { describe, expect, it } from "vitest";
import type { RequiredDiagnosis } from "../catalogue/service-definition.js";
import { illnessOf } from "./illness-of.js";

const DIAGNOSES = [
  { id: "d-heart", category: "CRITICAL_ILLNESS" },
  { id: "d-tumour", category: "MALIGNANT_TUMOR" },
];

describe("illnessOf", () => {
  it.each<[string, string | null, RequiredDiagnosis, string | null | "UNKNOWN_DIAGNOSIS"]>([
    ["the named diagnosis", "d-tumour", "CRITICAL_ILLNESS", "d-tumour"],
    ["a diagnosis of another policy is refused", "d-other", "CRITICAL_ILLNESS", "UNKNOWN_DIAGNOSIS"],
    ["critical illness: the earliest diagnosis", null, "CRITICAL_ILLNESS", "d-heart"],
    ["malignant tumour: the earliest tumour", null, "MALIGNANT_TUMOR", "d-tumour"],
    ["no diagnosis condition: none", null, "NONE", null],
  ])("%s", (_name, named, required, expected) => {
    const result = illnessOf(named, DIAGNOSES, required);
    expect("problem" in result ? result.problem.code : result.diagnosisId).toBe(expected);
  });

  it("no qualifying diagnosis: none (eligibility refuses the application)", () => {
    expect(illnessOf(null, [DIAGNOSES[0]!], "MALIGNANT_TUMOR")).toEqual({ diagnosisId: null });
  });
});
