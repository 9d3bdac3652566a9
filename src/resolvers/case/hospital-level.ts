// The named mainland hospital's level at submission (GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部,
// ADVANCE.介绍.1 二级及以上公立医院): looked up in the insurer's registry, decided by the rule
// (src/rules/network/check-hospital-level.ts). Known and failing: refused, with the field; unknown:
// accepted with the HOSPITAL_NOT_VERIFIED warning. No name: nothing to check yet (the hospital is
// confirmed with the insured later, GREEN_CHANNEL.流程.2).
import type { Executor } from "../../db/client.js";
import { registryHospitalByName, type RegistryHospitalRow } from "../../db/queries/networks.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import type { FieldReason } from "../../rules/case-workflow/submission-rules.js";
import {
  checkHospitalLevel,
  divisionOfDepartment,
  type DivisionKind,
  type HospitalGrade,
  type HospitalOwnership,
  type RegistryHospital,
} from "../../rules/network/check-hospital-level.js";
import { handbookService } from "../../rules/services/index.js";

export async function hospitalLevelReasons(
  executor: Executor,
  service: ServiceCode,
  hospitalName: string | null | undefined,
  department: string | null | undefined,
): Promise<{ reasons: FieldReason[]; warnings: FieldReason[] }> {
  const name = hospitalName?.trim();
  const need = handbookService(service).submission?.hospitalLevel;
  if (!need || !name) return { reasons: [], warnings: [] };
  const row = await registryHospitalByName(executor, name);
  const decision = checkHospitalLevel(need, row ? registryEntry(row) : null, department?.trim() || null);
  const byDepartment = divisionOfDepartment(department?.trim() || null) !== "GENERAL";
  const field = (code: string) => ["input", code === "HOSPITAL_DIVISION_NOT_GENERAL" && byDepartment ? "department" : "hospitalName"];
  return {
    reasons: decision.reasons.map((code) => ({ code, date: null, field: field(code) })),
    warnings: decision.warnings.map((code) => ({ code, date: null, field: field(code) })),
  };
}

function registryEntry(row: RegistryHospitalRow): RegistryHospital {
  return {
    grade: { level: row.gradeLevel as HospitalGrade["level"], tier: row.gradeTier as HospitalGrade["tier"] },
    ownership: row.ownership as HospitalOwnership,
    division: row.division as DivisionKind,
  };
}
