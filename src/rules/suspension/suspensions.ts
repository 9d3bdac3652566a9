// MDT.提示.1.4 (proxy attendance not supported during the epidemic): a service feature an operator suspends
// for a period. Which features can be suspended, whether one is suspended on a day, and what a
// suspension must say. Pure: the suspensions and the date in, the answer out.
import { problemMaker, type MessageTable } from "../shared/outcome-codes.js";
import type { Problem } from "../shared/problem.js";

export const SUSPENDABLE_FEATURES = ["MDT_PROXY_ATTENDANCE"] as const;
export type SuspendableFeature = (typeof SUSPENDABLE_FEATURES)[number];

export interface SuspensionFacts {
  readonly feature: SuspendableFeature;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** The suspension of `feature` in force on `on` (both ends included), if any. */
export function suspensionOn(suspensions: readonly SuspensionFacts[], feature: SuspendableFeature, on: string): SuspensionFacts | null {
  return suspensions.find((s) => s.feature === feature && s.startsOn <= on && on <= s.endsOn) ?? null;
}

export const SUSPENSION_CODES = ["INVALID_PERIOD", "PERIOD_IN_PAST", "INVALID_REASON", "UNKNOWN_SUSPENSION"] as const;
export type SuspensionCode = (typeof SUSPENSION_CODES)[number];

export const SUSPENSION_MESSAGES = {
  INVALID_PERIOD: () => ({ zh: "暂停期间的结束日期不能早于开始日期，且不超过366天。", en: "A suspension ends on or after its start, at most 366 days later." }),
  PERIOD_IN_PAST: () => ({ zh: "暂停期间须包含今天或之后的日期。", en: "A suspension must end today or later." }),
  INVALID_REASON: () => ({ zh: "请填写1–500个字符的原因。", en: "Give a reason of 1–500 characters." }),
  UNKNOWN_SUSPENSION: () => ({ zh: "没有这条暂停记录。", en: "No such suspension." }),
} satisfies MessageTable<SuspensionCode>;

export const suspensionProblem = problemMaker(SUSPENSION_MESSAGES);

/** What a new suspension must say: a period that is not over and not longer than a year, and a reason. */
export function validateSuspension(input: { readonly startsOn: string; readonly endsOn: string; readonly reason: string }, today: string): Problem<SuspensionCode>[] {
  const problems: Problem<SuspensionCode>[] = [];
  const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000;
  if (!(days >= 0 && days <= 366)) problems.push(suspensionProblem("INVALID_PERIOD", ["input", "endsOn"]));
  else if (input.endsOn < today) problems.push(suspensionProblem("PERIOD_IN_PAST", ["input", "endsOn"]));
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 500) problems.push(suspensionProblem("INVALID_REASON", ["input", "reason"]));
  return problems;
}
