// The service catalogue of the 2022 handbook, read from the services' own definitions (src/rules/services):
// look-ups of services, benefits and their SLA clocks.
import { BENEFIT_CODES, type BenefitCode, type ServiceCode } from "./codes.js";
import type { BenefitDefinition, ServiceDefinition, SlaDefinition } from "./service-definition.js";
import { HANDBOOK_SERVICES } from "../services/index.js";

/** In the handbook's order (and SERVICE_CODES'). */
export const SERVICES: readonly ServiceDefinition[] = HANDBOOK_SERVICES.map((s) => s.catalogue);

const SERVICE_BY_CODE = new Map<ServiceCode, ServiceDefinition>(SERVICES.map((s) => [s.code, s]));
const BENEFIT_BY_CODE = new Map<BenefitCode, { service: ServiceDefinition; benefit: BenefitDefinition }>(
  SERVICES.flatMap((service) => service.benefits.map((benefit) => [benefit.code, { service, benefit }] as const)),
);

export function serviceByCode(code: ServiceCode): ServiceDefinition {
  const service = SERVICE_BY_CODE.get(code);
  if (!service) throw new Error(`no service ${code} in the catalogue`);
  return service;
}

export function benefitByCode(code: BenefitCode): { service: ServiceDefinition; benefit: BenefitDefinition } {
  const entry = BENEFIT_BY_CODE.get(code);
  if (!entry) throw new Error(`no benefit ${code} in the catalogue`);
  return entry;
}

/** What a policy has when it lists no benefits: all but those a policy must list (JAPAN_TREATMENT). */
export const STANDARD_BENEFITS: readonly BenefitCode[] = BENEFIT_CODES.filter((code) => benefitByCode(code).benefit.standard);

/** The SLA clocks that run for a case of this benefit (an SLA without `benefits` runs for all of its service's). */
export function slasForBenefit(benefit: BenefitCode | Pick<BenefitDefinition, "code">): readonly SlaDefinition[] {
  const code = typeof benefit === "string" ? benefit : benefit.code;
  const { service } = benefitByCode(code);
  return service.slas.filter((sla) => !sla.benefits || sla.benefits.includes(code));
}
