// The parts most workflows share: opening, review, rejection, and the endings' stages (each workflow
// lists the endings it reaches; check-workflow.ts refuses one it cannot).
import { t } from "../catalogue/text.js";
import type { CaseStage } from "../case-workflow/codes.js";
import type { ActionRule, StageDefinition } from "../case-workflow/workflow-definition.js";

export const OPEN_BEFORE_REVIEW: readonly CaseStage[] = ["SUBMITTED", "AWAITING_DOCUMENTS"];

/** Opened with documents incomplete or complete (submitCase and addCaseDocuments, complete-documents.ts), at `step`. */
export function openingStages(step: number): StageDefinition[] {
  return [
    { stage: "AWAITING_DOCUMENTS", status: "AWAITING_DOCUMENTS", step, name: t("待补充资料", "Awaiting documents") },
    { stage: "SUBMITTED", status: "SUBMITTED", step, name: t("资料齐全，待审核", "Documents complete, awaiting review") },
  ];
}

export const REJECTED: StageDefinition = { stage: "REJECTED", status: "REJECTED", step: null, name: t("审核未通过", "Rejected") };
export const CANCELLED: StageDefinition = { stage: "CANCELLED", status: "CANCELLED", step: null, name: t("已取消", "Cancelled") };
export const NO_SHOW: StageDefinition = { stage: "NO_SHOW", status: "NO_SHOW", step: null, name: t("未按时就医（视为已完成）", "No-show (counts as completed)") };

/** A stage kept for cases opened under the shared workflow that came before this service's own: shown, never entered. */
export const legacy = (stage: StageDefinition): StageDefinition => ({ ...stage, legacy: true });
export function startReview(step: { clause: string }): ActionRule {
  return { action: "START_REVIEW", from: ["SUBMITTED"], to: "UNDER_REVIEW", records: ["REVIEW_STARTED"], ...step };
}

export function approve(from: readonly CaseStage[], step: { clause: string }): ActionRule {
  return { action: "APPROVE", from, to: "APPROVED", records: ["APPROVED", "REVIEW_RESULT"], ...step };
}

/** A case that does not qualify gives its reservation back. */
export function reject(from: readonly CaseStage[], step: { clause: string }): ActionRule {
  return { action: "REJECT", from, to: "REJECTED", records: ["REVIEW_RESULT"], quota: "RELEASE", ...step };
}
