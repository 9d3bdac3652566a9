// The hospital level a service names, checked against the insurer's hospital registry.
//
// GREEN_CHANNEL.介绍.1 (3A public hospitals, their ordinary division) — grade 三级甲等, public, the
// ordinary division (not 特需 or 国际部). GREEN_CHANNEL.标准.2.2 (a 3A hospital of a covered city).
// ADVANCE.介绍.1 (public hospitals of grade 2 or above) — grade 二级 or above, public.
// JAPAN.标准.2 (the hospitals of the network list) — the accepting hospital is one of the listed
// Japanese hospitals (checkAcceptingHospital).
//
// A hospital the registry does not know is accepted with a warning (HOSPITAL_NOT_VERIFIED): the
// registry is the insurer's list and may lag behind; refusing every hospital it lacks would refuse
// good cases. A hospital it knows and that fails the level is refused, with the reason.
import type { EligibilityReasonCode } from "../eligibility/reason-codes.js";

/** 医院等级: 级 (1–3) and 等 (甲/乙/丙); null where the hospital is not graded or its 等 not given. */
export interface HospitalGrade {
  readonly level: 1 | 2 | 3 | null;
  readonly tier: "甲" | "乙" | "丙" | null;
}

export const HOSPITAL_OWNERSHIPS = ["PUBLIC", "PRIVATE"] as const;
export type HospitalOwnership = (typeof HOSPITAL_OWNERSHIPS)[number];

/** 普通部, 特需 (special-needs, self-paid) and 国际部 (international) divisions. */
export const DIVISION_KINDS = ["GENERAL", "SPECIAL_NEEDS", "INTERNATIONAL"] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

/** What the registry knows of a mainland hospital (or of one division of it). */
export interface RegistryHospital {
  readonly grade: HospitalGrade;
  readonly ownership: HospitalOwnership;
  readonly division: DivisionKind;
}

/** What a service asks of the hospital, with the clause that says so (its definition's `submission.hospitalLevel`). */
export interface HospitalRequirement {
  readonly minLevel: 1 | 2 | 3;
  readonly tier: "甲" | null;
  readonly ownership: HospitalOwnership;
  readonly division: DivisionKind | null;
  readonly clause: string;
}

export type HospitalLevelCode = Extract<
  EligibilityReasonCode,
  "HOSPITAL_GRADE_TOO_LOW" | "HOSPITAL_NOT_PUBLIC" | "HOSPITAL_DIVISION_NOT_GENERAL" | "HOSPITAL_NOT_VERIFIED"
>;

export interface HospitalLevelDecision {
  /** Why the hospital is refused; empty when it passes or cannot be verified. */
  readonly reasons: readonly HospitalLevelCode[];
  /** HOSPITAL_NOT_VERIFIED when the registry does not know the hospital. */
  readonly warnings: readonly HospitalLevelCode[];
  /** The clause the decision follows; null when the service names no level. */
  readonly clause: string | null;
}

const SPECIAL_NEEDS_WORDS = /特需|vip|贵宾/i;
const INTERNATIONAL_WORDS = /国际医疗|国际部|国际门诊|國際|international/i;

/** The division a department's name says it is in (特需门诊 → SPECIAL_NEEDS); GENERAL when it says nothing. */
export function divisionOfDepartment(department: string | null): DivisionKind {
  if (!department) return "GENERAL";
  const text = department.normalize("NFKC");
  if (SPECIAL_NEEDS_WORDS.test(text)) return "SPECIAL_NEEDS";
  if (INTERNATIONAL_WORDS.test(text)) return "INTERNATIONAL";
  return "GENERAL";
}

/**
 * The level check of a named mainland hospital. `registry` is the registry's entry for the name
 * (null: not in the registry); `department` the department asked for, whose name may itself say
 * 特需 or 国际 (the green channel's 普通部 is then not met, whatever the registry says).
 */
export function checkHospitalLevel(need: HospitalRequirement | undefined, registry: RegistryHospital | null, department: string | null = null): HospitalLevelDecision {
  if (!need) return { reasons: [], warnings: [], clause: null };
  const reasons: HospitalLevelCode[] = [];
  if (need.division && divisionOfDepartment(department) !== need.division) reasons.push("HOSPITAL_DIVISION_NOT_GENERAL");
  if (!registry) return { reasons, warnings: reasons.length ? [] : ["HOSPITAL_NOT_VERIFIED"], clause: need.clause };
  const { level, tier } = registry.grade;
  const gradeMet = level !== null && (level > need.minLevel || (level === need.minLevel && (need.tier === null || tier === need.tier)));
  if (!gradeMet) reasons.unshift("HOSPITAL_GRADE_TOO_LOW");
  if (registry.ownership !== need.ownership) reasons.push("HOSPITAL_NOT_PUBLIC");
  if (need.division && registry.division !== need.division && !reasons.includes("HOSPITAL_DIVISION_NOT_GENERAL")) reasons.push("HOSPITAL_DIVISION_NOT_GENERAL");
  return { reasons, warnings: [], clause: need.clause };
}

/**
 * JAPAN.标准.2 (the hospitals of the network list): the hospital that accepts the insured is one of
 * the listed Japanese hospitals. `listed`: the hospital named at acceptance was found in the list.
 */
export function checkAcceptingHospital(named: boolean, listed: boolean): "ACCEPTING_HOSPITAL_REQUIRED" | "ACCEPTING_HOSPITAL_NOT_LISTED" | null {
  if (!named) return "ACCEPTING_HOSPITAL_REQUIRED";
  return listed ? null : "ACCEPTING_HOSPITAL_NOT_LISTED";
}

/** Reads 三级甲等, 三甲, 二级, 二级乙等, 一级, 未定级 …; null when the text is no grade. */
export function parseHospitalGrade(text: string): HospitalGrade | null {
  const t = text.normalize("NFKC").replace(/\s/g, "");
  if (/^(未定级|未评级|无)$/.test(t)) return { level: null, tier: null };
  const m = /^([一二三123])(?:级)?([甲乙丙])?(?:等)?$/.exec(t);
  if (!m || (!t.includes("级") && !m[2])) return null;
  const level = ({ 一: 1, 二: 2, 三: 3, "1": 1, "2": 2, "3": 3 } as const)[m[1] as "一"];
  return { level, tier: (m[2] as HospitalGrade["tier"]) ?? null };
}

export function formatHospitalGrade(grade: HospitalGrade): string {
  if (grade.level === null) return "未定级";
  return `${"一二三"[grade.level - 1]}级${grade.tier ? `${grade.tier}等` : ""}`;
}
