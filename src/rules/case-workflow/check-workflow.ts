// A workflow definition is checked when it loads: every stage an action names exists, every stage
// but a legacy one is reached from the openings, and from every open stage some ending can be
// reached. A definition that fails does not load (defineWorkflow throws), so no test needs a list
// of stages to excuse.
import { isClosed, type CaseStage } from "./codes.js";
import type { Workflow } from "./workflow-definition.js";

/** The stages a case is opened at (submitCase, addCaseDocuments: complete-documents.ts). */
export const OPENING_STAGES: readonly CaseStage[] = ["AWAITING_DOCUMENTS", "SUBMITTED"];

export function workflowProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  const declared = new Map(workflow.stages.map((s) => [s.stage, s]));
  if (declared.size !== workflow.stages.length) problems.push("a stage is declared twice");
  const moves = workflow.actions.filter((a) => !a.refusal);
  for (const rule of workflow.actions) {
    for (const stage of [...rule.from, ...(rule.to ? [rule.to] : [])]) {
      if (!declared.has(stage)) problems.push(`${rule.action} names ${stage}, which is not a stage`);
    }
  }
  for (const stage of OPENING_STAGES) if (!declared.has(stage)) problems.push(`the opening stage ${stage} is missing`);

  const reached = closure(OPENING_STAGES, (stage) => moves.filter((a) => a.from.includes(stage) && a.to).map((a) => a.to!));
  for (const s of workflow.stages) {
    if (s.legacy && reached.has(s.stage)) problems.push(`${s.stage} is marked legacy but an action reaches it`);
    if (!s.legacy && !reached.has(s.stage)) problems.push(`${s.stage} is reached by no action (an orphan stage)`);
  }
  const endings = workflow.stages.filter((s) => isClosed(s.status)).map((s) => s.stage);
  for (const s of workflow.stages) {
    if (isClosed(s.status)) continue;
    const onward = closure([s.stage], (stage) => moves.filter((a) => a.from.includes(stage) && a.to).map((a) => a.to!));
    if (!endings.some((e) => onward.has(e))) problems.push(`no ending can be reached from ${s.stage}`);
  }
  return problems;
}

/** The definition as it is, once it passes workflowProblems; otherwise it does not load. */
export function defineWorkflow(workflow: Workflow): Workflow {
  const problems = workflowProblems(workflow);
  if (problems.length > 0) throw new Error(`${workflow.service}'s workflow: ${problems.join("; ")}`);
  return workflow;
}

function closure(start: readonly CaseStage[], next: (stage: CaseStage) => CaseStage[]): Set<CaseStage> {
  const seen = new Set<CaseStage>(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const to of next(queue.shift()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
