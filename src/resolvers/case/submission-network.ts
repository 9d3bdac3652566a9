// What the network says of the place and hospital a submission asks for (服务覆盖网络): a city-list
// service needs a covered place; MDT and Japan take a network hospital when one is named; the green
// channel and the advance check a named hospital's level. It reads what it needs (the service's listed
// regions, the hospital, the registry) and answers with reasons and warnings for decideSubmission,
// or problems that refuse the request outright (an unknown or ambiguous place).
import type { Transaction } from "../../db/client.js";
import { hospitalsByIds, networkCodesByServices } from "../../db/queries/networks.js";
import type { ServiceDefinition } from "../../rules/catalogue/service-definition.js";
import { caseProblem, type CaseCode } from "../../rules/case-workflow/case-codes.js";
import type { FieldReason } from "../../rules/case-workflow/submission-rules.js";
import { answerCoverage } from "../../rules/network/answer-coverage.js";
import { metricCityOf, resolvePlace, type RegionIndex } from "../../rules/network/region-index.js";
import type { Problem } from "../../rules/shared/problem.js";
import { fromGlobalId } from "../../schema/shared/global-id.js";
import type { SubmitCaseInput } from "../../schema/case/case.inputs.js";
import { hospitalLevelReasons } from "./hospital-level.js";

export interface SubmissionNetwork {
  readonly reasons: FieldReason[];
  readonly warnings: FieldReason[];
  readonly placeCode: string | null;
  readonly provinceCode: string | null;
  readonly cityCode: string | null;
  readonly hospitalId: string | null;
}

/**
 * 服务覆盖网络: a city-list service needs a covered place; MDT and Japan take a network hospital
 * when one is named. Unknown or ambiguous places are refused with what was understood.
 */
export async function submissionNetwork(
  tx: Transaction,
  service: ServiceDefinition,
  input: SubmitCaseInput,
  index: RegionIndex,
): Promise<SubmissionNetwork | { problems: Problem<CaseCode>[] }> {
  const reasons: FieldReason[] = [];
  const warnings: FieldReason[] = [];
  let placeCode: string | null = null;
  let provinceCode: string | null = null;
  let cityCode: string | null = null;
  let hospitalId: string | null = null;
  if (service.network === "CITY_LIST") {
    if (!input.place?.trim()) {
      return { problems: [caseProblem("PLACE_REQUIRED", ["input", "place"])] };
    }
    const lookup = resolvePlace(index, input.place);
    const listed = lookup.kind === "UNKNOWN" ? new Set<string>() : new Set((await networkCodesByServices(tx, [service.code])).map((r) => r.regionCode));
    const answer = answerCoverage(service, input.place, lookup, index, listed);
    if (!answer.region) {
      const candidates = answer.candidates.length > 0 ? `: ${answer.candidates.slice(0, 5).map((c) => `${c.name} ${c.code}`).join(", ")}` : "";
      return { problems: [caseProblem("UNKNOWN_PLACE", ["input", "place"], { place: input.place, candidates })] };
    }
    if (!answer.covered) reasons.push({ code: "PLACE_NOT_COVERED", date: null, field: ["input", "place"] });
    placeCode = answer.region.code;
    provinceCode = answer.region.provinceCode;
    cityCode = metricCityOf(answer.region, index);
  }
  if (input.hospitalId) {
    const id = fromGlobalId(input.hospitalId);
    const [hospital] = id?.type === "Hospital" ? await hospitalsByIds(tx, [id.key]) : [];
    if (!hospital || hospital.serviceCode !== service.code) reasons.push({ code: "HOSPITAL_NOT_IN_NETWORK", date: null, field: ["input", "hospitalId"] });
    else hospitalId = hospital.id;
  }
  // GREEN_CHANNEL.介绍.1 三级甲等公立医院普通部, ADVANCE.介绍.1 二级及以上公立医院: the named hospital's level.
  const level = await hospitalLevelReasons(tx, service.code, input.hospitalName, input.department);
  reasons.push(...level.reasons);
  warnings.push(...level.warnings);
  return { reasons, warnings, placeCode, provinceCode, cityCode, hospitalId };
}
