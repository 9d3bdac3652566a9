import { describe, expect, it } from "vitest";
import type { ServiceCode } from "../catalogue/codes.js";
import { handbookService } from "../services/index.js";
import {
  checkAcceptingHospital,
  checkHospitalLevel,
  divisionOfDepartment,
  formatHospitalGrade,
  parseHospitalGrade,
  type DivisionKind,
  type HospitalLevelCode,
  type HospitalOwnership,
} from "./check-hospital-level.js";

const hospital = (grade: string, ownership: HospitalOwnership = "PUBLIC", division: DivisionKind = "GENERAL") => ({ grade: parseHospitalGrade(grade)!, ownership, division });

/** The level a service names, from its definition. */
const levelOf = (service: ServiceCode) => handbookService(service).submission?.hospitalLevel;

describe("checkHospitalLevel", () => {
  it.each<[string, ServiceCode, ReturnType<typeof hospital> | null, string | null, HospitalLevelCode[], HospitalLevelCode[]]>([
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a public 三级甲等 hospital's ordinary division passes", "GREEN_CHANNEL", hospital("三级甲等"), "心内科", [], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: 三级乙等 is not 三级甲等", "GREEN_CHANNEL", hospital("三级乙等"), null, ["HOSPITAL_GRADE_TOO_LOW"], []],
    ["GREEN_CHANNEL.标准.2.2 被保险人可在本服务覆盖城市的三级甲等医院安排就医: a 三级 hospital without 甲等 is refused", "GREEN_CHANNEL", hospital("三级"), null, ["HOSPITAL_GRADE_TOO_LOW"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: 二级甲等 is refused", "GREEN_CHANNEL", hospital("二级甲等"), null, ["HOSPITAL_GRADE_TOO_LOW"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a private 三级甲等 hospital is refused", "GREEN_CHANNEL", hospital("三级甲等", "PRIVATE"), null, ["HOSPITAL_NOT_PUBLIC"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a registry 国际部 is refused", "GREEN_CHANNEL", hospital("三级甲等", "PUBLIC", "INTERNATIONAL"), null, ["HOSPITAL_DIVISION_NOT_GENERAL"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: a 特需 department is refused", "GREEN_CHANNEL", hospital("三级甲等"), "特需门诊", ["HOSPITAL_DIVISION_NOT_GENERAL"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: every failure at once", "GREEN_CHANNEL", hospital("一级", "PRIVATE", "SPECIAL_NEEDS"), null, ["HOSPITAL_GRADE_TOO_LOW", "HOSPITAL_NOT_PUBLIC", "HOSPITAL_DIVISION_NOT_GENERAL"], []],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: unknown to the registry: a warning, not a refusal", "GREEN_CHANNEL", null, "心内科", [], ["HOSPITAL_NOT_VERIFIED"]],
    ["GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部: unknown, but its department says 国际医疗部", "GREEN_CHANNEL", null, "国际医疗部", ["HOSPITAL_DIVISION_NOT_GENERAL"], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: 二级 passes", "INPATIENT_ADVANCE", hospital("二级"), null, [], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: 三级乙等 passes", "INPATIENT_ADVANCE", hospital("三级乙等"), null, [], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: a 特需 division is still the hospital", "INPATIENT_ADVANCE", hospital("三级甲等", "PUBLIC", "SPECIAL_NEEDS"), "特需病房", [], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: 一级甲等 is refused", "INPATIENT_ADVANCE", hospital("一级甲等"), null, ["HOSPITAL_GRADE_TOO_LOW"], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: an ungraded hospital is refused", "INPATIENT_ADVANCE", hospital("未定级"), null, ["HOSPITAL_GRADE_TOO_LOW"], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: a private 三级甲等 hospital is refused", "INPATIENT_ADVANCE", hospital("三级甲等", "PRIVATE"), null, ["HOSPITAL_NOT_PUBLIC"], []],
    ["ADVANCE.介绍.1 中国大陆境内二级及以上公立医院: unknown to the registry: a warning", "INPATIENT_ADVANCE", null, null, [], ["HOSPITAL_NOT_VERIFIED"]],
    ["a service that names no level checks nothing", "MDT", hospital("一级", "PRIVATE"), null, [], []],
  ])("%s", (_name, service, registry, department, reasons, warnings) => {
    const decision = checkHospitalLevel(levelOf(service), registry, department);
    expect(decision.reasons).toEqual(reasons);
    expect(decision.warnings).toEqual(warnings);
  });

  it("names the clause it follows", () => {
    expect(checkHospitalLevel(levelOf("GREEN_CHANNEL"), null).clause).toBe("GREEN_CHANNEL.介绍.1");
    expect(checkHospitalLevel(levelOf("INPATIENT_ADVANCE"), null).clause).toBe("ADVANCE.介绍.1");
    expect(checkHospitalLevel(levelOf("MDT"), null).clause).toBeNull();
  });
});

describe("checkAcceptingHospital", () => {
  it.each([
    ["JAPAN.标准.2 服务医院范围：详见赴日医疗服务网络医院列表: a listed hospital", true, true, null],
    ["JAPAN.标准.2 服务医院范围：详见赴日医疗服务网络医院列表: a hospital not on the list", true, false, "ACCEPTING_HOSPITAL_NOT_LISTED"],
    ["JAPAN.标准.2 服务医院范围：详见赴日医疗服务网络医院列表: no hospital named", false, false, "ACCEPTING_HOSPITAL_REQUIRED"],
  ] as const)("%s", (_name, named, listed, code) => {
    expect(checkAcceptingHospital(named, listed)).toBe(code);
  });
});

describe("grades and divisions as the registry file writes them", () => {
  it.each([
    ["三级甲等", { level: 3, tier: "甲" }],
    ["三甲", { level: 3, tier: "甲" }],
    ["三级", { level: 3, tier: null }],
    ["二级乙等", { level: 2, tier: "乙" }],
    ["2级", { level: 2, tier: null }],
    ["一级丙等", { level: 1, tier: "丙" }],
    ["未定级", { level: null, tier: null }],
    ["甲等", null],
    ["四级", null],
    ["三", null],
  ])("%s", (text, grade) => {
    expect(parseHospitalGrade(text)).toEqual(grade);
    if (grade && grade.level !== null && text.endsWith("等")) expect(formatHospitalGrade(grade as never)).toBe(text.length === 2 ? `${text[0]}级${text[1]}等` : text);
  });

  it.each([
    ["心血管内科", "GENERAL"],
    ["特需门诊", "SPECIAL_NEEDS"],
    ["VIP病房", "SPECIAL_NEEDS"],
    ["国际医疗部", "INTERNATIONAL"],
    [null, "GENERAL"],
  ] as const)("department %s is in the %s division", (department, division) => {
    expect(divisionOfDepartment(department)).toBe(division);
  });
});
