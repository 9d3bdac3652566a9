// What a case still needs before its SLA clocks may start (handbook: 服务时效自收到完整资料开始计算).
// The benefit's own list (catalogue), plus: the inpatient-or-surgery green channel needs the notice of
// its kind (GREEN_CHANNEL.标准.2.4: 住院绿通 …相关资料及住院通知单; GREEN_CHANNEL.标准.2.5: 手术绿通 …相关资料及手术通知单); an advance
// payment for a malignant tumour needs the pathology report (ADVANCE.条件.4: 如被保人确诊癌症，则病理报告为
// 必须递交的资料). The benefits' own lists: GREEN_CHANNEL.条件.3, ADVANCE.条件.4, SECOND_OPINION.提示.2,
// MDT.条件.3, GENE_TEST.条件.2, JAPAN.条件.2 (open-ended lists: the outpatient record is the minimum).
import type { BenefitDefinition } from "../catalogue/service-definition.js";
import type { DocumentKind } from "../catalogue/codes.js";

export const CARE_KINDS = ["INPATIENT", "SURGERY"] as const;
/** Green channel 住院或手术协调: which of the two the insured needs (服务流程 2). */
export type CareKind = (typeof CARE_KINDS)[number];

export interface DocumentFacts {
  readonly benefit: Pick<BenefitDefinition, "code" | "requiredDocuments">;
  readonly hasMalignantTumor: boolean;
  readonly careKind?: CareKind | null;
  readonly received: readonly DocumentKind[];
}

export function missingDocuments({ benefit, hasMalignantTumor, careKind = null, received }: DocumentFacts): DocumentKind[] {
  const have = new Set(received);
  const required = [...benefit.requiredDocuments];
  if (benefit.code === "INPATIENT_ADVANCE_PAYMENT" && hasMalignantTumor) required.push("PATHOLOGY_REPORT");
  if (benefit.code === "GREEN_CHANNEL_INPATIENT_OR_SURGERY") {
    const notice: DocumentKind = careKind === "SURGERY" ? "SURGERY_NOTICE" : "ADMISSION_NOTICE";
    // Without a stated kind, either notice will do (cases opened before the kind was asked).
    const noticed = careKind === null ? have.has("ADMISSION_NOTICE") || have.has("SURGERY_NOTICE") : have.has(notice);
    const others: DocumentKind[] = [...new Set(required.filter((k) => k !== "ADMISSION_NOTICE"))].filter((k) => !have.has(k));
    return noticed ? others : [...others, notice];
  }
  return [...new Set(required)].filter((kind) => !have.has(kind));
}
