// The catalogue in the graph's shape. The catalogue is static, so this runs once at load.
import { SERVICES } from "../../rules/catalogue/catalogue.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { SERVICE_TEXT } from "../../rules/catalogue/handbook-text.js";
import type { ServiceDefinition } from "../../rules/catalogue/service-definition.js";
import type { Service } from "../../schema/catalogue/service.type.js";

export function presentService(definition: ServiceDefinition): Service {
  const allBenefits = definition.benefits.map((b) => b.code);
  return {
    code: definition.code,
    name: definition.name,
    description: definition.description,
    benefits: definition.benefits.map((b) => ({
      code: b.code,
      name: b.name,
      quota: b.quota,
      unlimited: b.quota === null,
      standard: b.standard,
    })),
    steps: definition.steps.map((s) => ({ ...s })),
    slas: definition.slas.map((s) => ({
      milestone: s.milestone,
      startsWhen: s.startsWhen,
      workingDays: s.workingDays,
      upToWorkingDays: s.upToWorkingDays,
      benefits: [...(s.benefits ?? allBenefits)],
      source: s.source,
      startsAt: s.startsAt,
      metBy: [...s.metBy],
      pausedWhile: ["DOCUMENTS_INCOMPLETE", ...(s.pausedWhile ?? []).map((p) => p.reason)],
    })),
    requiredDocuments: [...definition.requiredDocuments],
    notes: [...definition.notes],
    hours: SERVICE_TEXT[definition.code].hours,
    conditions: [...SERVICE_TEXT[definition.code].conditions],
    standards: [...SERVICE_TEXT[definition.code].standards],
  };
}

/** The seven services in the handbook's order, in the graph's shape (built once). */
export const CATALOGUE: readonly Service[] = SERVICES.map(presentService);
const BY_CODE = new Map(CATALOGUE.map((s) => [s.code, s]));

/** The graph's view of a service. */
export function serviceView(code: ServiceCode): Service {
  return BY_CODE.get(code)!;
}
