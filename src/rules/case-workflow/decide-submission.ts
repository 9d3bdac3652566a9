// submitCase's decision, whole: the facts the flow loads in, a refusal or exactly what to write out
// (the case's fields, its documents, its first event, the quota change). Pure: no await, no I/O.
// The rules it joins each cite their clauses: eligibility (check-eligibility.ts, 初次罹患 and the
// first advance), the illness (illness-of.ts), the request's own rules (check-submission.ts), the
// network's answer (the caller's, decided from the place and hospital), the documents
// (complete-documents.ts), the opening stage of the service's workflow and the quota (quota-change.ts).
import type { WorkingCalendar } from "../calendar/calendar-data.js";
import type { BenefitDefinition, ServiceDefinition } from "../catalogue/service-definition.js";
import type { BenefitCode, DocumentKind } from "../catalogue/codes.js";
import { checkEligibility, countsEarlierAdvances, type PolicyFacts, type QuotaFacts } from "../eligibility/check-eligibility.js";
import { OPENING_QUOTA } from "../quota/quota-change.js";
import type { Problem } from "../shared/problem.js";
import { checkSubmission } from "./check-submission.js";
import type { FieldReason } from "./submission-rules.js";
import { handbookService } from "../services/index.js";
import type { Applicant, CaseStage, CaseStatus, QuotaEffect } from "./codes.js";
import { decideApplication, type ApplicationDecision } from "./decide-application.js";
import { decideDocuments } from "./complete-documents.js";
import { illnessOf, type IllnessFacts } from "./illness-of.js";
import type { CareKind } from "./submission-rules.js";
import type { Workflow } from "./workflow-definition.js";

/** The request as sent; a field left out is null. */
export interface SubmissionRequest {
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly benefit: BenefitCode;
  readonly applicant: Applicant;
  readonly place?: string | null;
  readonly hospitalName?: string | null;
  readonly department?: string | null;
  readonly diagnosisId?: string | null;
  readonly careKind?: CareKind | null;
  readonly plannedAdmissionDate?: string | null;
  readonly usesSocialInsuranceSettlement?: boolean | null;
  readonly outOfArea?: boolean | null;
  readonly documents?: readonly { readonly kind: DocumentKind; readonly reference: string; readonly receivedAt?: Date | null }[] | null;
  readonly dryRun?: boolean | null;
}

/** Who submits: the principal's subject and, for a partner, its code. */
export interface Submitter {
  readonly subject: string;
  readonly partnerCode: string | null;
}

/** The network's answer for the place and hospital asked for (decided before, from what was loaded). */
export interface NetworkAnswer {
  readonly reasons: readonly FieldReason[];
  readonly warnings: readonly FieldReason[];
  readonly placeCode: string | null;
  readonly provinceCode: string | null;
  readonly cityCode: string | null;
  readonly hospitalId: string | null;
}

export interface SubmissionFacts {
  readonly service: Pick<ServiceDefinition, "code">;
  readonly benefit: BenefitDefinition;
  readonly workflow: Workflow;
  readonly policy: PolicyFacts & { readonly id: string; readonly hasSocialInsurance: boolean };
  readonly submitter: Submitter;
  readonly insuredHasIdNumber: boolean;
  /** The benefit's entitlement on the policy (locked by the caller); null when the policy does not list it. */
  readonly entitlement: QuotaFacts | null;
  /** The policy's diagnoses, ordered by first diagnosis. */
  readonly diagnoses: readonly IllnessFacts[];
  /** Advances of this policy that reached admission, per illness (ADVANCE.提示.2). */
  readonly admittedAdvances: readonly { readonly diagnosisId: string; readonly n: number }[];
  readonly network: NetworkAnswer;
  readonly today: string;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
}

/** The case row opening writes (its number is drawn by the insert). */
export interface OpenedCase {
  readonly policyId: string;
  readonly serviceCode: string;
  readonly benefitCode: BenefitCode;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly step: number;
  readonly diagnosisId: string | null;
  readonly careKind: CareKind | null;
  readonly hospitalName: string | null;
  readonly department: string | null;
  readonly applicant: Applicant;
  readonly partnerCode: string | null;
  readonly placeQuery: string | null;
  readonly placeCode: string | null;
  readonly provinceCode: string | null;
  readonly cityCode: string | null;
  readonly hospitalId: string | null;
  readonly plannedAdmissionDate: string | null;
  readonly usesSocialInsuranceSettlement: boolean | null;
  readonly outOfArea: boolean | null;
  readonly advanceSharePercent: number | null;
  readonly quotaEffect: QuotaEffect;
  readonly submittedBy: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly submittedAt: Date;
  readonly documentsCompletedAt: Date | null;
  readonly lastEventAt: Date;
}

/** What opening the case writes: the case, its documents, its first event and the reservation. */
export interface CaseOpening {
  readonly case: OpenedCase;
  readonly documents: readonly { readonly kind: DocumentKind; readonly reference: string; readonly receivedAt: Date; readonly addedBy: string }[];
  readonly event: { readonly at: Date; readonly actor: string; readonly action: "SUBMIT"; readonly fromStatus: null; readonly toStatus: CaseStatus; readonly quotaEffect: QuotaEffect; readonly note: string | null };
  readonly quotaDelta: { readonly reserved: number; readonly used: number };
}

export type SubmissionDecision =
  | { readonly outcome: "REFUSED"; readonly problems: readonly Problem[]; readonly application: ApplicationDecision | null }
  | { readonly outcome: "DRY_RUN"; readonly application: ApplicationDecision }
  | { readonly outcome: "OPEN"; readonly application: ApplicationDecision; readonly opening: CaseOpening };

/** Reasons the application is refused for, as userErrors (the caller words them). */
export type ReasonToProblem = (reason: ApplicationDecision["reasons"][number]) => Problem;

export function decideSubmission(sent: SubmissionRequest, facts: SubmissionFacts, reasonProblem: ReasonToProblem): SubmissionDecision {
  const { benefit, policy } = facts;
  const request = normalised(sent);
  const illness = illnessOf(request.diagnosisId, facts.diagnoses, benefit.requiredDiagnosis, policy, facts.today);
  if ("problem" in illness) return { outcome: "REFUSED", problems: [illness.problem], application: null };

  const earlierAdvances =
    facts.entitlement && illness.diagnosisId && countsEarlierAdvances(request.benefit)
      ? (facts.admittedAdvances.find((a) => a.diagnosisId === illness.diagnosisId)?.n ?? 0)
      : 0;
  const eligibility = checkEligibility({
    benefit,
    policy,
    diagnoses: facts.diagnoses,
    quota: facts.entitlement,
    on: facts.today,
    advances: { earlierAdvancesForIllness: earlierAdvances },
  });
  const hasMalignantTumor = facts.diagnoses.some((d) => d.category === "MALIGNANT_TUMOR");
  const submission = checkSubmission(
    {
      benefit: request.benefit,
      today: facts.today,
      plannedAdmissionDate: request.plannedAdmissionDate,
      hasSocialInsurance: policy.hasSocialInsurance,
      usesSocialInsuranceSettlement: request.usesSocialInsuranceSettlement,
      hasMalignantTumor,
      pathologyReportProvided: request.documents.some((d) => d.kind === "PATHOLOGY_REPORT"),
      careKind: request.careKind,
      insuredHasIdNumber: facts.insuredHasIdNumber,
    },
    facts.calendar,
  );
  if (submission.missingInput.length > 0) return { outcome: "REFUSED", problems: submission.missingInput, application: null };

  const application = decideApplication(
    eligibility,
    { ...submission, warnings: [...submission.warnings, ...facts.network.warnings] },
    [...illness.reasons, ...facts.network.reasons],
  );
  if (!application.eligible) return { outcome: "REFUSED", problems: application.reasons.map(reasonProblem), application };
  if (request.dryRun) return { outcome: "DRY_RUN", application };

  const now = facts.now;
  const documents = request.documents.map((d) => ({ kind: d.kind, reference: d.reference.trim(), receivedAt: d.receivedAt ?? now, addedBy: facts.submitter.subject }));
  const opened = decideDocuments({ benefit, hasMalignantTumor, careKind: request.careKind, documents, stage: null, completedAt: null, now });
  const stage = facts.workflow.stages.find((s) => s.stage === opened.stage);
  if (!stage) throw new Error(`${facts.service.code} has no opening stage ${opened.stage}`);
  const advanceShare = handbookService(facts.service.code).submission?.advanceShare;
  const share = advanceShare
    ? advanceShare({
        hasSocialInsurance: policy.hasSocialInsurance,
        usesSocialInsuranceSettlement: request.usesSocialInsuranceSettlement,
        outOfArea: request.outOfArea,
        illnessIsMalignantTumor: facts.diagnoses.some((d) => d.id === illness.diagnosisId && d.category === "MALIGNANT_TUMOR"),
      })
    : null;
  const { network } = facts;
  return {
    outcome: "OPEN",
    application,
    opening: {
      case: {
        policyId: policy.id,
        serviceCode: facts.service.code,
        benefitCode: request.benefit,
        status: stage.status,
        stage: opened.stage,
        step: stage.step ?? 1,
        diagnosisId: illness.diagnosisId,
        careKind: request.careKind,
        hospitalName: request.hospitalName?.trim() || null,
        department: request.department?.trim() || null,
        applicant: request.applicant,
        partnerCode: facts.submitter.partnerCode,
        placeQuery: request.place?.trim() || null,
        placeCode: network.placeCode,
        provinceCode: network.provinceCode,
        cityCode: network.cityCode,
        hospitalId: network.hospitalId,
        plannedAdmissionDate: request.plannedAdmissionDate,
        usesSocialInsuranceSettlement: request.usesSocialInsuranceSettlement,
        outOfArea: request.outOfArea,
        advanceSharePercent: share,
        quotaEffect: OPENING_QUOTA.effect,
        submittedBy: facts.submitter.subject,
        idempotencyKey: request.idempotencyKey,
        requestHash: request.requestHash,
        submittedAt: now,
        documentsCompletedAt: opened.completedAt,
        lastEventAt: now,
      },
      documents,
      event: {
        at: now,
        actor: facts.submitter.subject,
        action: "SUBMIT",
        fromStatus: null,
        toStatus: stage.status,
        quotaEffect: OPENING_QUOTA.effect,
        note: opened.completedAt !== null ? null : `missing: ${opened.missing.join(", ")}`,
      },
      quotaDelta: OPENING_QUOTA.delta,
    },
  };
}

function normalised(sent: SubmissionRequest) {
  return {
    ...sent,
    place: sent.place ?? null,
    hospitalName: sent.hospitalName ?? null,
    department: sent.department ?? null,
    diagnosisId: sent.diagnosisId ?? null,
    careKind: sent.careKind ?? null,
    plannedAdmissionDate: sent.plannedAdmissionDate ?? null,
    usesSocialInsuranceSettlement: sent.usesSocialInsuranceSettlement ?? null,
    outOfArea: sent.outOfArea ?? null,
    documents: sent.documents ?? [],
    dryRun: sent.dryRun ?? false,
  };
}
