// What a case still needs before its SLA clocks may start (handbook: 服务时效自收到完整资料开始计算).
// The benefit's own list (catalogue), plus: the inpatient-or-surgery green channel accepts the
// surgery notice for the admission notice (住院通知单 / 手术通知单); an advance payment for a
// malignant tumour needs the pathology report (住院垫付 服务条件 4: 如被保人确诊癌症，则病理报告为必须递交的资料).
// Clauses: GREEN_CHANNEL.条件.3, GREEN_CHANNEL.标准.2.4, GREEN_CHANNEL.标准.2.5, ADVANCE.条件.4, SECOND_OPINION.提示.2, MDT.条件.3.
import type { BenefitDefinition } from "../catalogue/service-definition.js";
import type { DocumentKind } from "../catalogue/codes.js";

export interface DocumentFacts {
  readonly benefit: Pick<BenefitDefinition, "code" | "requiredDocuments">;
  readonly hasMalignantTumor: boolean;
  readonly received: readonly DocumentKind[];
}

export function missingDocuments({ benefit, hasMalignantTumor, received }: DocumentFacts): DocumentKind[] {
  const have = new Set(received);
  const required = [...benefit.requiredDocuments];
  if (benefit.code === "INPATIENT_ADVANCE_PAYMENT" && hasMalignantTumor) required.push("PATHOLOGY_REPORT");
  return [...new Set(required)].filter((kind) => {
    if (have.has(kind)) return false;
    if (kind === "ADMISSION_NOTICE" && benefit.code === "GREEN_CHANNEL_INPATIENT_OR_SURGERY") return !have.has("SURGERY_NOTICE");
    return true;
  });
}
