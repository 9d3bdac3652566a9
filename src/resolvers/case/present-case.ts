import type { CaseListRow, CaseRow } from "../../db/queries/cases.js";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import type { Applicant, CaseStatus, QuotaEffect } from "../../rules/case-workflow/codes.js";
import type { CaseTimeline } from "../../rules/sla/compute-sla-clocks.js";
import { shanghaiDate } from "../../context/clock.js";
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
    applicant: row.applicant as Applicant,
    partner: null,
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

const day = (instant: Date | null): string | null => (instant ? shanghaiDate(instant) : null);

/** The case's events as Shanghai dates, for the SLA rules. */
export type TimelineFields = Pick<
  CaseRow,
  "documentsCompletedAt" | "approvedAt" | "decidedAt" | "investigationRequestedAt" | "scheduledAt" | "startedAt" | "completedAt" | "closedAt"
>;

export function caseTimeline(row: TimelineFields): CaseTimeline {
  return {
    documentsCompletedOn: day(row.documentsCompletedAt),
    approvedOn: day(row.approvedAt),
    decidedOn: day(row.decidedAt),
    investigationRequestedOn: day(row.investigationRequestedAt),
    scheduledOn: day(row.scheduledAt),
    startedOn: day(row.startedAt),
    completedOn: day(row.completedAt),
    closedOn: day(row.closedAt),
  };
}
