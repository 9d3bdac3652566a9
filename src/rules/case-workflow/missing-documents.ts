// What a case still needs before its SLA clocks may start (handbook: the time limits count from
// complete documents, e.g. GREEN_CHANNEL.标准.2.6). The benefit's own list (catalogue), as its service's
// definition reads it (`submission.documentNeeds`: a notice of the kind asked for, a report a
// diagnosis calls for). The benefits' own lists: GREEN_CHANNEL.条件.3, ADVANCE.条件.4,
// SECOND_OPINION.提示.2, MDT.条件.3, GENE_TEST.条件.2, JAPAN.条件.2 (open-ended lists: the outpatient
// record is the minimum).
import { benefitByCode } from "../catalogue/catalogue.js";
import type { BenefitDefinition } from "../catalogue/service-definition.js";
import type { DocumentKind } from "../catalogue/codes.js";
import { handbookService } from "../services/index.js";
import type { CareKind, DocumentNeed } from "./submission-rules.js";

export interface DocumentFacts {
  readonly benefit: Pick<BenefitDefinition, "code" | "requiredDocuments">;
  readonly hasMalignantTumor: boolean;
  readonly careKind?: CareKind | null;
  readonly received: readonly DocumentKind[];
}

export function missingDocuments({ benefit, hasMalignantTumor, careKind = null, received }: DocumentFacts): DocumentKind[] {
  const have = new Set(received);
  const needs = handbookService(benefitByCode(benefit.code).service.code).submission?.documentNeeds;
  const listed: readonly DocumentNeed[] = needs
    ? needs({ benefit: benefit.code, hasMalignantTumor, careKind }, benefit.requiredDocuments)
    : benefit.requiredDocuments.map((kind) => [kind] as const);
  const missing = listed.filter((anyOf) => !anyOf.some((kind) => have.has(kind))).map((anyOf) => anyOf[0]);
  return [...new Set(missing)];
}
