// What a service's own definition says of a submission, besides eligibility: who may apply, the
// optional fields its benefits take, the request's own checks, the documents it needs beyond the
// benefit's list, the hospital level it names and the share an advance covers. Each service fills in
// what is its own (src/rules/services/<service>.ts); the engines (check-submission.ts,
// missing-documents.ts, submission-input.ts, check-hospital-level.ts) read it and name no service.
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import type { EligibilityReason } from "../eligibility/reason-codes.js";
import type { HospitalRequirement } from "../network/check-hospital-level.js";
import type { Problem } from "../shared/problem.js";

export const CARE_KINDS = ["INPATIENT", "SURGERY"] as const;
/** Green channel 住院或手术协调: which of the two the insured needs (服务流程 2). */
export type CareKind = (typeof CARE_KINDS)[number];

/** The submission's optional fields that only some benefits take. */
export const BENEFIT_FIELDS = ["careKind", "hospitalName", "department", "plannedAdmissionDate", "outOfArea"] as const;
export type BenefitField = (typeof BENEFIT_FIELDS)[number];

/** What a service's own checks read of a submission. */
export interface SubmissionFacts {
  readonly benefit: BenefitCode;
  readonly today: string;
  readonly plannedAdmissionDate: string | null;
  readonly hasSocialInsurance: boolean;
  readonly usesSocialInsuranceSettlement: boolean | null;
  readonly hasMalignantTumor: boolean;
  readonly pathologyReportProvided: boolean;
  readonly careKind: CareKind | null;
  readonly insuredHasIdNumber: boolean;
}

export interface FieldReason extends EligibilityReason {
  /** The input field the reason is about. */
  readonly field: readonly string[];
}

export interface SubmissionDecision {
  readonly reasons: readonly FieldReason[];
  readonly warnings: readonly FieldReason[];
  /** Input the request must carry for this benefit and does not. */
  readonly missingInput: readonly Problem[];
}

/** What decides the documents a case needs, besides the benefit's own list. */
export interface DocumentNeedFacts {
  readonly benefit: BenefitCode;
  readonly hasMalignantTumor: boolean;
  readonly careKind: CareKind | null;
}

/** One document a case needs: any of these kinds will do; the first is the one asked for. */
export type DocumentNeed = readonly [DocumentKind, ...DocumentKind[]];

export interface AdvanceShareFacts {
  readonly hasSocialInsurance: boolean;
  readonly usesSocialInsuranceSettlement: boolean | null;
  /** Treated outside the insured's social-insurance area (异地就医); null: not said. */
  readonly outOfArea: boolean | null;
  /** The illness the case is for is a malignant tumour. */
  readonly illnessIsMalignantTumor: boolean;
}

export interface SubmissionRules {
  /** The insured's family may apply too (FAMILY_DOCTOR.介绍.1); otherwise the insured only. */
  readonly familyMayApply?: true;
  /** The optional fields this service's benefits take: the benefits that take each, or all of them. */
  readonly fields?: { readonly [F in BenefitField]?: "ALL_BENEFITS" | readonly BenefitCode[] };
  /** The request's own checks (each reason with its field); none when omitted. */
  readonly check?: (facts: SubmissionFacts, calendar: WorkingCalendar) => SubmissionDecision;
  /** The documents a case needs, given the benefit's own list; that list when omitted. */
  readonly documentNeeds?: (facts: DocumentNeedFacts, listed: readonly DocumentKind[]) => readonly DocumentNeed[];
  /** The hospital level the service names, checked against the registry when a hospital is named. */
  readonly hospitalLevel?: HospitalRequirement;
  /** An earlier use for the same illness shortens the review; the first may take longer (FIRST_ADVANCE_MAY_NEED_REVIEW). */
  readonly countsEarlierUses?: true;
  /** The share of the costs an advance covers, where the handbook says one. */
  readonly advanceShare?: (facts: AdvanceShareFacts) => number | null;
}

/** The details a case of a service carries besides the common ones (ServiceCase.visit, .advance, .mdtPanel). */
export type CaseDetail = "VISIT" | "ADVANCE" | "MDT_PANEL";
