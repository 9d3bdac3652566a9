import { describe, expect, it } from "vitest";
import { checkDigit, maskResidentId, parseResidentId } from "./resident-id.js";
import { maskPhone, normalizePhone } from "../policy/phone.js";

const TODAY = "2026-03-02";

describe("GB 11643 resident ID numbers", () => {
  it.each([
    ["the standard's example", "11010519491231002X", { normalized: "11010519491231002X", birthDate: "1949-12-31" }],
    ["a lower-case x is accepted", "11010519491231002x", { normalized: "11010519491231002X", birthDate: "1949-12-31" }],
    ["a Shanghai number", `31010419900307${"123"}${checkDigit("31010419900307123")}`, { birthDate: "1990-03-07" }],
    ["spaces around are trimmed", " 11010519491231002X ", { normalized: "11010519491231002X" }],
    ["15 digits (old format)", "110105491231002", { problem: "FORMAT" }],
    ["letters inside", "1101051949123100AX", { problem: "FORMAT" }],
    ["a wrong check digit", "110105194912310021", { problem: "CHECK_DIGIT" }],
    ["30 February", `11010519900230${"123"}${checkDigit("11010519900230123")}`, { problem: "BIRTH_DATE" }],
    ["born tomorrow", `11010520260303${"123"}${checkDigit("11010520260303123")}`, { problem: "BIRTH_DATE" }],
    ["born before 1900", `11010518991231${"123"}${checkDigit("11010518991231123")}`, { problem: "BIRTH_DATE" }],
  ])("%s", (_name, input, expected) => {
    expect(parseResidentId(input, TODAY)).toMatchObject(expected);
  });

  it("masks the birth date and sequence, keeping area and the last four", () => {
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X");
  });
});

describe("mainland mobile numbers", () => {
  it.each([
    ["plain", "13812345678", "13812345678"],
    ["+86 and spaces", "+86 138 1234 5678", "13812345678"],
    ["86 prefix and hyphens", "86-138-1234-5678", "13812345678"],
    ["a landline", "021-12345678", null],
    ["starts 12", "12812345678", null],
    ["10 digits", "1381234567", null],
  ])("%s", (_name, input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it("masks the middle four", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});
