// The registry of the handbook's seven services, in the handbook's order (and SERVICE_CODES'): the
// one place that lists them. A service and its parts live in its own file beside this one.
import type { ServiceCode } from "../catalogue/codes.js";
import { familyDoctorService } from "./family-doctor.js";
import { geneTestService } from "./gene-test.js";
import { greenChannelService } from "./green-channel.js";
import { inpatientAdvanceService } from "./inpatient-advance.js";
import { japanCareService } from "./japan-care.js";
import { mdtService } from "./mdt.js";
import { secondOpinionService } from "./second-opinion.js";
import type { HandbookService } from "./service.js";

export const HANDBOOK_SERVICES: readonly HandbookService[] = [
  familyDoctorService,
  greenChannelService,
  inpatientAdvanceService,
  secondOpinionService,
  mdtService,
  geneTestService,
  japanCareService,
];

for (const service of HANDBOOK_SERVICES) {
  if (service.catalogue.code !== service.code || service.workflow.service !== service.code) {
    throw new Error(`${service.code}: its catalogue and workflow must name the same service`);
  }
}

export const HANDBOOK_SERVICE_BY_CODE: ReadonlyMap<ServiceCode, HandbookService> = new Map(HANDBOOK_SERVICES.map((s) => [s.code, s]));

export function handbookService(code: ServiceCode): HandbookService {
  const service = HANDBOOK_SERVICE_BY_CODE.get(code);
  if (!service) throw new Error(`no service ${code} in the handbook`);
  return service;
}
