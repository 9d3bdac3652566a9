// submitCase: replay check → transaction → lock the entitlement → re-check the key → load facts →
// decide with the rules → write case, documents, first event and reservation → payload.
// dryRun runs the same flow and writes nothing.
import { createHash } from "node:crypto";
import { transaction } from "../../db/driver/database.js";
import type { Context } from "../../context/context.js";
import { caseByIdempotencyKey, countEarlierAdmittedCases, type CaseRow } from "../../db/queries/cases-read.js";
import { adjustEntitlement, insertCase, insertDocuments, insertEvent, lockEntitlement } from "../../db/queries/case-writes.js";
import { diagnosesByPolicyIds, policiesWithInsuredByNo } from "../../db/queries/policies.js";
import { canSubmitCase } from "../../rules/access/case-scope.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { checkSubmission, countsEarlierAdvances } from "../../rules/case-workflow/check-submission.js";
import { decideDocuments } from "../../rules/case-workflow/complete-documents.js";
import { decideApplication } from "../../rules/case-workflow/decide-application.js";
import { illnessOf } from "../../rules/case-workflow/illness-of.js";
import { stageOf, workflowOf } from "../../rules/case-workflow/decide-transition.js";
import { OPENING_QUOTA } from "../../rules/quota/quota-change.js";
import { checkEligibility } from "../../rules/eligibility/check-eligibility.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import { caseProblem, type CaseCode } from "../../rules/case-workflow/case-codes.js";
import type { Problem } from "../../rules/shared/problem.js";
import type { Transaction } from "../../db/client.js";
import { hospitalsByIds, networkCodesByServices } from "../../db/queries/networks.js";
import type { RegionIndex } from "../../rules/network/region-index.js";
import type { ServiceDefinition } from "../../rules/catalogue/service-definition.js";
import type { FieldReason } from "../../rules/case-workflow/check-submission.js";
import { answerCoverage } from "../../rules/network/answer-coverage.js";
import { metricCityOf, resolvePlace } from "../../rules/network/region-index.js";
import { caseClockWrite, storeCaseClocks } from "../../services/case-clocks.js";
import { fromGlobalId } from "../../schema/shared/global-id.js";
import type { SubmitCaseInput, SubmitCasePayload } from "../../schema/case/case.inputs.js";
import { presentEligibility } from "../policy/present-entitlement.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { documentProblems, reasonProblem } from "./case-problems.js";
import { presentCase } from "./present-case.js";

/** An answer that writes nothing: every one is decided before the flow's first write. */
const refuse = (problems: readonly Problem[], eligibility: SubmitCasePayload["eligibility"] = null) =>
  rollBack<SubmitCasePayload>({ serviceCase: null, eligibility, userErrors: toUserErrors(problems) });

export async function submitCase(ctx: Context, input: SubmitCaseInput): Promise<SubmitCasePayload> {
  const principal = ctx.principal!;
  if (!canSubmitCase(principal, { policyNo: input.policyNo, serviceCode: benefitByCode(input.benefit).service.code })) throw forbidden("you may not submit this case (policy or service outside your scope)");
  const shapeProblems = inputProblems(input, ctx.now);
  if (shapeProblems.length > 0) return { serviceCase: null, eligibility: null, userErrors: toUserErrors(shapeProblems) };
  const hash = requestHash(input);

  const prior = await caseByIdempotencyKey(ctx.db, principal.subject, input.idempotencyKey);
  if (prior) return replay(prior, hash);

  try {
    const outcome = await inTransaction(ctx.db, async (tx) => {
      const [found] = await policiesWithInsuredByNo(tx, [input.policyNo]);
      const policy = found?.policy;
      if (!found || !policy) return refuse([caseProblem("UNKNOWN_POLICY", ["input", "policyNo"], { policyNo: input.policyNo })]);
      const entitlement = await lockEntitlement(tx, policy.id, input.benefit);
      // A racing retry with the same key may have committed while this one waited for the lock.
      const winner = await caseByIdempotencyKey(tx, principal.subject, input.idempotencyKey);
      if (winner) return rollBack(replay(winner, hash));

      const { service, benefit } = benefitByCode(input.benefit);
      const diagnoses = await diagnosesByPolicyIds(tx, [policy.id]);
      const hasMalignantTumor = diagnoses.some((d) => d.category === "MALIGNANT_TUMOR");
      const illness = illnessOf(input.diagnosisId ?? null, diagnoses, benefit.requiredDiagnosis);
      if ("problem" in illness) return refuse([illness.problem]);
      const documents = input.documents ?? [];
      const eligibility = checkEligibility({
        benefit,
        policy: { ...policy, status: policy.status as PolicyStatus },
        diagnoses: diagnoses.map((d) => ({ category: d.category as DiagnosisCategory, firstDiagnosedOn: d.firstDiagnosedOn })),
        quota: entitlement ? { total: entitlement.quotaTotal, used: entitlement.used, reserved: entitlement.reserved } : null,
        on: ctx.today,
      });
      const submission = checkSubmission(
        {
          benefit: input.benefit,
          today: ctx.today,
          plannedAdmissionDate: input.plannedAdmissionDate ?? null,
          hasSocialInsurance: policy.hasSocialInsurance,
          usesSocialInsuranceSettlement: input.usesSocialInsuranceSettlement ?? null,
          hasMalignantTumor,
          pathologyReportProvided: documents.some((d) => d.kind === "PATHOLOGY_REPORT"),
          earlierSuccessfulAdvances:
            entitlement && illness.diagnosisId && countsEarlierAdvances(input.benefit) ? await countEarlierAdmittedCases(tx, policy.id, input.benefit, illness.diagnosisId) : 0,
          careKind: input.careKind ?? null,
          insuredHasIdNumber: found.insured.idNumberHash !== null,
        },
        ctx.reference.calendar,
      );
      if (submission.missingInput.length > 0) return refuse(submission.missingInput);
      const network = await networkReasons(tx, service, input, ctx.reference.regions);
      if ("problems" in network) return refuse(network.problems);
      const application = decideApplication(eligibility, submission, network.reasons);
      const decision = presentEligibility(application);
      if (!application.eligible) return refuse(application.reasons.map(reasonProblem), decision);
      if (input.dryRun) return rollBack<SubmitCasePayload>({ serviceCase: null, eligibility: decision, userErrors: [] });

      const now = ctx.now;
      const opening = decideDocuments({
        benefit,
        hasMalignantTumor,
        careKind: input.careKind ?? null,
        documents: documents.map((d) => ({ kind: d.kind, receivedAt: d.receivedAt ?? now })),
        stage: null,
        completedAt: null,
        now,
      });
      const { missing } = opening;
      const complete = opening.completedAt !== null;
      const completedAt = opening.completedAt;
      const stage = stageOf(workflowOf(service.code), opening.stage);
      const clockWrite = caseClockWrite(
        { benefitCode: input.benefit, submittedAt: now, workingDaysToComplete: null, documentsCompletedAt: completedAt, milestones: {}, completedAt: null, closedAt: null },
        ctx.today,
        ctx.reference.calendar,
      );
      const row = await insertCase(tx, ctx.today.slice(0, 4), {
        policyId: policy.id,
        serviceCode: service.code,
        benefitCode: input.benefit,
        status: stage.status,
        stage: opening.stage,
        step: stage.step ?? 1,
        diagnosisId: illness.diagnosisId,
        careKind: input.careKind ?? null,
        hospitalName: input.hospitalName?.trim() || null,
        department: input.department?.trim() || null,
        applicant: input.applicant,
        partnerCode: principal.partnerCode ?? null,
        placeQuery: input.place?.trim() || null,
        placeCode: network.placeCode,
        provinceCode: network.provinceCode,
        cityCode: network.cityCode,
        hospitalId: network.hospitalId,
        plannedAdmissionDate: input.plannedAdmissionDate ?? null,
        usesSocialInsuranceSettlement: input.usesSocialInsuranceSettlement ?? null,
        quotaEffect: OPENING_QUOTA.effect,
        submittedBy: principal.subject,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        submittedAt: now,
        documentsCompletedAt: completedAt,
        lastEventAt: now,
        ...clockWrite.columns,
      });
      await storeCaseClocks(tx, row.id, clockWrite.clocks);
      await insertDocuments(
        tx,
        documents.map((d) => ({ caseId: row.id, kind: d.kind, reference: d.reference.trim(), receivedAt: d.receivedAt ?? now, addedBy: principal.subject })),
      );
      await insertEvent(tx, {
        caseId: row.id,
        at: now,
        actor: principal.subject,
        action: "SUBMIT",
        fromStatus: null,
        toStatus: row.status,
        quotaEffect: OPENING_QUOTA.effect,
        version: row.version,
        note: complete ? null : `missing: ${missing.join(", ")}`,
      });
      await adjustEntitlement(tx, policy.id, input.benefit, OPENING_QUOTA.delta);
      return commit<SubmitCasePayload>({ serviceCase: presentCase(row), eligibility: decision, userErrors: [] });
    });
    return "commit" in outcome ? outcome.commit : outcome.rollBack;
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Lost a race on the same key with a different request: answer as a replay would.
      const raced = await caseByIdempotencyKey(ctx.db, principal.subject, input.idempotencyKey);
      if (raced) return replay(raced, hash);
    }
    throw error;
  }
}

/**
 * 服务覆盖网络: a city-list service needs a covered place; MDT and Japan take a network hospital
 * when one is named. Unknown or ambiguous places are refused with what was understood.
 */
async function networkReasons(
  tx: Transaction,
  service: ServiceDefinition,
  input: SubmitCaseInput,
  index: RegionIndex,
): Promise<{ reasons: FieldReason[]; placeCode: string | null; provinceCode: string | null; cityCode: string | null; hospitalId: string | null } | { problems: Problem<CaseCode>[] }> {
  const reasons: FieldReason[] = [];
  let placeCode: string | null = null;
  let provinceCode: string | null = null;
  let cityCode: string | null = null;
  let hospitalId: string | null = null;
  if (service.network === "CITY_LIST") {
    if (!input.place?.trim()) {
      return { problems: [caseProblem("PLACE_REQUIRED", ["input", "place"])] };
    }
    const lookup = resolvePlace(index, input.place);
    const listed = lookup.kind === "UNKNOWN" ? new Set<string>() : new Set((await networkCodesByServices(tx, [service.code])).map((r) => r.regionCode));
    const answer = answerCoverage(service.code, service.network, input.place, lookup, index, listed);
    if (!answer.region) {
      const candidates = answer.candidates.length > 0 ? `: ${answer.candidates.slice(0, 5).map((c) => `${c.name} ${c.code}`).join(", ")}` : "";
      return { problems: [caseProblem("UNKNOWN_PLACE", ["input", "place"], { place: input.place, candidates })] };
    }
    if (!answer.covered) reasons.push({ code: "PLACE_NOT_COVERED", date: null, field: ["input", "place"] });
    placeCode = answer.region.code;
    provinceCode = answer.region.provinceCode;
    cityCode = metricCityOf(answer.region, index);
  }
  if (input.hospitalId) {
    const id = fromGlobalId(input.hospitalId);
    const [hospital] = id?.type === "Hospital" ? await hospitalsByIds(tx, [id.key]) : [];
    if (!hospital || hospital.serviceCode !== service.code) reasons.push({ code: "HOSPITAL_NOT_IN_NETWORK", date: null, field: ["input", "hospitalId"] });
    else hospitalId = hospital.id;
  }
  return { reasons, placeCode, provinceCode, cityCode, hospitalId };
}

function replay(prior: CaseRow, hash: string): SubmitCasePayload {
  if (prior.requestHash !== hash) {
    return {
      serviceCase: null,
      eligibility: null,
      userErrors: toUserErrors([caseProblem("IDEMPOTENCY_KEY_REUSED", ["input", "idempotencyKey"], { caseNo: prior.caseNo })]),
    };
  }
  return { serviceCase: presentCase(prior), eligibility: null, userErrors: [] };
}

function inputProblems(input: SubmitCaseInput, now: Date): Problem<CaseCode>[] {
  const problems: Problem<CaseCode>[] = [];
  const key = input.idempotencyKey.trim();
  if (key.length === 0 || key.length > 200) {
    problems.push(caseProblem("INVALID_IDEMPOTENCY_KEY", ["input", "idempotencyKey"]));
  }
  if ((input.place?.length ?? 0) > 100) {
    problems.push(caseProblem("INVALID_PLACE", ["input", "place"]));
  }
  if (input.applicant === "FAMILY_MEMBER" && input.benefit !== "FAMILY_DOCTOR") {
    problems.push(caseProblem("APPLICANT_NOT_FOR_BENEFIT", ["input", "applicant"]));
  }
  if (input.careKind && input.benefit !== "GREEN_CHANNEL_INPATIENT_OR_SURGERY") {
    problems.push(caseProblem("FIELD_NOT_FOR_BENEFIT", ["input", "careKind"], { field: "careKind" }));
  }
  for (const name of ["hospitalName", "department"] as const) {
    const value = input[name];
    if (value == null) continue;
    if (benefitByCode(input.benefit).service.code !== "GREEN_CHANNEL") {
      problems.push(caseProblem("FIELD_NOT_FOR_BENEFIT", ["input", name], { field: name }));
    } else if (value.trim().length === 0 || value.length > 100) {
      problems.push(caseProblem("INVALID_TEXT", ["input", name], { field: name }));
    }
  }
  if (input.plannedAdmissionDate && input.benefit !== "INPATIENT_ADVANCE_PAYMENT") {
    problems.push(caseProblem("FIELD_NOT_FOR_BENEFIT", ["input", "plannedAdmissionDate"], { field: "plannedAdmissionDate" }));
  }
  return [...problems, ...documentProblems(input.documents ?? [], now, "documents")];
}

/** What makes two submissions "the same request" for an idempotency key. */
function requestHash(input: SubmitCaseInput): string {
  const canonical = {
    policyNo: input.policyNo,
    benefit: input.benefit,
    applicant: input.applicant,
    place: input.place ?? null,
    hospitalId: input.hospitalId ?? null,
    plannedAdmissionDate: input.plannedAdmissionDate ?? null,
    usesSocialInsuranceSettlement: input.usesSocialInsuranceSettlement ?? null,
    diagnosisId: input.diagnosisId ?? null,
    careKind: input.careKind ?? null,
    hospitalName: input.hospitalName ?? null,
    department: input.department ?? null,
    documents: (input.documents ?? []).map((d) => [d.kind, d.reference, d.receivedAt?.toISOString() ?? null]),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}
