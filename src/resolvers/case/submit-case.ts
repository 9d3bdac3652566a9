// submitCase: load → decide → write. The input's shape and the replay check come first; then, in
// one transaction, the policy, the locked entitlement, a racing retry, the diagnoses, the advances
// made and the network's answer are read; decideSubmission (src/rules) refuses or says exactly what
// to write; the case, its documents, its first event and the reservation are written. A dry run
// runs the same flow and writes nothing.
import type { Context } from "../../context/context.js";
import { admittedIllnessesRows, caseByIdempotencyKey, type CaseRow } from "../../db/queries/cases-read.js";
import { adjustEntitlement, insertCase, insertDocuments, insertEvent, lockEntitlement } from "../../db/queries/case-writes.js";
import { DIAGNOSIS_ROWS, policiesWithInsuredByNo, rowsOfPolicy } from "../../db/queries/policies.js";
import { canSubmitCase } from "../../rules/access/case-scope.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { caseProblem } from "../../rules/case-workflow/case-codes.js";
import { decideSubmission } from "../../rules/case-workflow/decide-submission.js";
import { submissionInputProblems, submissionRequestHash } from "../../rules/case-workflow/submission-input.js";
import { workflowOf } from "../../rules/case-workflow/decide-transition.js";
import { countsEarlierAdvances } from "../../rules/eligibility/check-eligibility.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import type { SubmitCaseInput, SubmitCasePayload } from "../../schema/case/case.inputs.js";
import { presentEligibility } from "../policy/present-entitlement.js";
import { forbidden } from "../shared/forbidden.js";
import { commit, inTransaction, rollBack } from "../shared/in-transaction.js";
import { toUserErrors } from "../shared/user-errors.js";
import { caseClockWrite, storeCaseClocks } from "../../services/case-clocks.js";
import { reasonProblem } from "./case-problems.js";
import { presentCase } from "./present-case.js";
import { submissionNetwork } from "./submission-network.js";

export async function submitCase(ctx: Context, input: SubmitCaseInput): Promise<SubmitCasePayload> {
  const principal = ctx.principal!;
  const { service, benefit } = benefitByCode(input.benefit);
  if (!canSubmitCase(principal, { policyNo: input.policyNo, serviceCode: service.code })) throw forbidden("you may not submit this case (policy or service outside your scope)");
  const shapeProblems = submissionInputProblems(input, ctx.now);
  if (shapeProblems.length > 0) return { serviceCase: null, eligibility: null, userErrors: toUserErrors(shapeProblems) };
  const hash = submissionRequestHash(input);
  const prior = await caseByIdempotencyKey(ctx.db, principal.subject, input.idempotencyKey);
  if (prior) return replay(prior, hash);

  try {
    const outcome = await inTransaction(ctx.db, async (tx) => {
      // Load.
      const [found] = await policiesWithInsuredByNo(tx, [input.policyNo]);
      if (!found) return refuse([caseProblem("UNKNOWN_POLICY", ["input", "policyNo"], { policyNo: input.policyNo })]);
      const { policy, insured } = found;
      const entitlement = await lockEntitlement(tx, policy.id, input.benefit);
      // A racing retry with the same key may have committed while this one waited for the lock.
      const winner = await caseByIdempotencyKey(tx, principal.subject, input.idempotencyKey);
      if (winner) return rollBack(replay(winner, hash));
      const advances = entitlement && countsEarlierAdvances(input.benefit) ? [input.benefit] : [];
      const [diagnoses, admittedAdvances] = await rowsOfPolicy(tx, policy.id, [DIAGNOSIS_ROWS, admittedIllnessesRows(advances)] as const);
      const network = await submissionNetwork(tx, service, input, ctx.reference.regions);
      if ("problems" in network) return refuse(network.problems);

      // Decide.
      const decision = decideSubmission(
        { ...input, requestHash: hash },
        {
          service,
          benefit,
          workflow: workflowOf(service.code),
          policy: { ...policy, status: policy.status as PolicyStatus },
          submitter: { subject: principal.subject, partnerCode: principal.partnerCode ?? null },
          insuredHasIdNumber: insured.idNumberHash !== null,
          entitlement: entitlement && { total: entitlement.quotaTotal, used: entitlement.used, reserved: entitlement.reserved },
          diagnoses: diagnoses.map((d) => ({ id: d.id, category: d.category as DiagnosisCategory, firstDiagnosedOn: d.firstDiagnosedOn })),
          admittedAdvances,
          network,
          today: ctx.today,
          now: ctx.now,
          calendar: ctx.reference.calendar,
        },
        reasonProblem,
      );
      const eligibility = decision.application && presentEligibility(decision.application);
      if (decision.outcome === "REFUSED") return refuse(decision.problems, eligibility);
      if (decision.outcome === "DRY_RUN") return rollBack<SubmitCasePayload>({ serviceCase: null, eligibility, userErrors: [] });

      // Write.
      const { opening } = decision;
      const clocks = caseClockWrite({ ...opening.case, workingDaysToComplete: null, milestones: {}, completedAt: null, closedAt: null }, ctx.today, ctx.reference.calendar);
      const row = await insertCase(tx, ctx.today.slice(0, 4), { ...opening.case, ...clocks.columns });
      await storeCaseClocks(tx, row.id, clocks.clocks);
      await insertDocuments(tx, opening.documents.map((d) => ({ ...d, caseId: row.id })));
      await insertEvent(tx, { ...opening.event, caseId: row.id, version: row.version });
      await adjustEntitlement(tx, policy.id, input.benefit, opening.quotaDelta);
      return commit<SubmitCasePayload>({ serviceCase: presentCase(row), eligibility, userErrors: [] });
    });
    return "commit" in outcome ? outcome.commit : outcome.rollBack;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Lost a race on the same key with a different request: answer as a replay would.
    const raced = await caseByIdempotencyKey(ctx.db, principal.subject, input.idempotencyKey);
    if (raced) return replay(raced, hash);
    throw error;
  }
}

/** An answer that writes nothing: every one is decided before the flow's first write. */
function refuse(problems: Parameters<typeof toUserErrors>[0], eligibility: SubmitCasePayload["eligibility"] = null) {
  return rollBack<SubmitCasePayload>({ serviceCase: null, eligibility, userErrors: toUserErrors(problems) });
}

function replay(prior: CaseRow, hash: string): SubmitCasePayload {
  if (prior.requestHash !== hash) {
    return { serviceCase: null, eligibility: null, userErrors: toUserErrors([caseProblem("IDEMPOTENCY_KEY_REUSED", ["input", "idempotencyKey"], { caseNo: prior.caseNo })]) };
  }
  return { serviceCase: presentCase(prior), eligibility: null, userErrors: [] };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}
