// JAPAN.标准.2 (the hospitals are those of the network list): when the Japanese hospital's acceptance is
// recorded (RECORD_HOSPITAL_ACCEPTANCE, 服务流程 6), the accepting hospital is named — by hospitalId,
// by name, or as the case's own network hospital from submission — and must be one of the listed
// hospitals (the rule: src/rules/network/check-hospital-level.ts). A hospital given to any other
// action is refused rather than ignored.
import type { Executor } from "../../db/client.js";
import type { CaseRow } from "../../db/queries/cases-read.js";
import { hospitalsByIds, networkHospitalByName, type HospitalRow } from "../../db/queries/networks.js";
import { caseProblem, type CaseCode } from "../../rules/case-workflow/case-codes.js";
import { WORKFLOWS } from "../../rules/case-workflow/workflows.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { checkAcceptingHospital } from "../../rules/network/check-hospital-level.js";
import type { Problem } from "../../rules/shared/problem.js";
import { fromGlobalId } from "../../schema/shared/global-id.js";
import type { TransitionCaseInput } from "../../schema/case/case.inputs.js";

/** The hospital to record on the case (undefined: no change), or why the transition is refused. */
export async function acceptingHospital(
  executor: Executor,
  current: CaseRow,
  input: Pick<TransitionCaseInput, "action" | "hospitalId" | "hospitalName">,
): Promise<{ hospitalId?: string } | { problems: Problem<CaseCode>[] }> {
  const byId = input.hospitalId ?? null;
  const byName = input.hospitalName?.trim() || null;
  const field = ["input", byId ? "hospitalId" : "hospitalName"];
  const checked = WORKFLOWS[current.serviceCode as ServiceCode].actions.some((rule) => rule.action === input.action && rule.checksAcceptingHospital);
  if (!checked) {
    return byId || input.hospitalName != null ? { problems: [caseProblem("HOSPITAL_NOT_FOR_ACTION", field)] } : {};
  }
  if (byName && byName.length > 100) return { problems: [caseProblem("INVALID_TEXT", ["input", "hospitalName"], { field: "hospitalName" })] };
  let hospital: HospitalRow | null = null;
  if (byId) {
    const id = fromGlobalId(byId);
    [hospital = null] = id?.type === "Hospital" ? await hospitalsByIds(executor, [id.key]) : [];
  } else if (byName) {
    hospital = await networkHospitalByName(executor, current.serviceCode, byName);
  } else if (current.hospitalId) {
    [hospital = null] = await hospitalsByIds(executor, [current.hospitalId]);
  }
  const named = Boolean(byId || byName || current.hospitalId);
  const listed = hospital !== null && hospital.serviceCode === current.serviceCode;
  const code = checkAcceptingHospital(named, listed);
  if (code === "ACCEPTING_HOSPITAL_REQUIRED") return { problems: [caseProblem(code, ["input", "hospitalId"])] };
  if (code === "ACCEPTING_HOSPITAL_NOT_LISTED") return { problems: [caseProblem(code, field, { hospital: hospital?.nameZh ?? byName ?? byId ?? "" })] };
  return { hospitalId: hospital!.id };
}
