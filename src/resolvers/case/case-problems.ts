// Userror wording shared by the case flows.
import type { EligibilityReason, EligibilityReasonCode } from "../../rules/eligibility/reason-codes.js";
import { reasonMessage } from "../../rules/eligibility/reason-codes.js";
import { problem, type Problem } from "../../rules/shared/problem.js";
import type { DocumentInput } from "../../schema/case/case.inputs.js";

const REASON_FIELD: Partial<Record<EligibilityReasonCode, string>> = {
  BENEFIT_NOT_ON_POLICY: "benefit",
  QUOTA_EXHAUSTED: "benefit",
  NOT_MALIGNANT_TUMOR: "benefit",
  PLACE_NOT_COVERED: "place",
  HOSPITAL_NOT_IN_NETWORK: "hospitalId",
};

/** An eligibility reason as a userError: its code, the input field it is about, its text. */
export function reasonProblem(reason: EligibilityReason & { field?: readonly string[] }): Problem {
  return { code: reason.code, field: reason.field ?? ["input", REASON_FIELD[reason.code] ?? "policyNo"], message: reasonMessage(reason) };
}

export function unknownCase(): Problem {
  return problem("UNKNOWN_CASE", ["input", "caseId"], "没有这个案件。", "No case with this id.");
}

export function staleVersion(current: number): Problem {
  return problem(
    "STALE_VERSION",
    ["input", "expectedVersion"],
    `案件已被修改（当前版本 ${current}），请刷新后重试。`,
    `The case has changed (now version ${current}); reload and try again.`,
  );
}

/** Documents must say where they are and cannot arrive in the future. */
export function documentProblems(documents: readonly DocumentInput[], now: Date, path: string): Problem[] {
  const problems: Problem[] = [];
  documents.forEach((doc, i) => {
    const at = ["input", path, String(i)];
    if (doc.reference.trim().length === 0 || doc.reference.length > 500) {
      problems.push(problem("INVALID_DOCUMENT_REFERENCE", [...at, "reference"], "资料引用须为1–500个字符。", "A document reference is 1–500 characters."));
    }
    if (doc.receivedAt && doc.receivedAt.getTime() > now.getTime() + 60_000) {
      problems.push(problem("RECEIVED_IN_FUTURE", [...at, "receivedAt"], "收到时间不能晚于现在。", "receivedAt cannot be in the future."));
    }
  });
  return problems;
}
