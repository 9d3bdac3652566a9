import type { CaseListRow } from "../../db/queries/case-rows.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import type { Applicant, CaseStage, CaseStatus, QuotaEffect } from "../../rules/case-workflow/codes.js";
import type { ServiceCase } from "../../schema/case/service-case.type.js";
import { toGlobalId } from "../../schema/shared/global-id.js";

export function presentCase(row: CaseListRow): ServiceCase {
  return {
    id: toGlobalId("ServiceCase", row.caseNo),
    rowId: row.id,
    policyId: row.policyId,
    serviceCode: row.serviceCode,
    caseNo: row.caseNo,
    benefit: row.benefitCode as BenefitCode,
    status: row.status as CaseStatus,
    stage: row.stage as CaseStage,
    stepOrder: row.step,
    applicant: row.applicant as Applicant,
    partnerCode: row.partnerCode,
    place: null,
    hospital: null,
    plannedAdmissionDate: row.plannedAdmissionDate,
    scheduledFor: row.scheduledFor,
    accompanimentHours: Number(row.accompanimentHours),
    submittedAt: row.submittedAt,
    documentsCompletedAt: row.documentsCompletedAt,
    closedAt: row.closedAt,
    quotaEffect: row.quotaEffect as QuotaEffect,
    version: row.version,
  };
}
