// A case's hold on its benefit's quota (DESIGN: Cases). Reserved when the case opens; consumed when
// the handbook deems the service rendered (服务完成; 视为已完成; 计入服务次数) and released at
// the endings it does not count. Which action does which is each service's workflow (QuotaRule).
// used + reserved never exceeds the quota: the entitlement row's CHECK and its row lock hold that.
import type { QuotaEffect } from "../case-workflow/codes.js";
import type { QuotaRule } from "../case-workflow/workflow-definition.js";

export type QuotaChange = "NONE" | "CONSUME" | "RELEASE";

export interface QuotaDecision {
  readonly change: QuotaChange;
  readonly effect: QuotaEffect;
}

/** A reservation is consumed or released once; a case that holds none is left as it is. */
export function decideQuota(rule: QuotaRule | undefined, current: QuotaEffect): QuotaDecision {
  if (rule === undefined || current !== "RESERVED") return { change: "NONE", effect: current };
  return rule === "CONSUME" ? { change: "CONSUME", effect: "CONSUMED" } : { change: "RELEASE", effect: "RELEASED" };
}

/** What each change does to the entitlement's counters. */
export const QUOTA_DELTA: Record<QuotaChange, { readonly reserved: number; readonly used: number } | null> = {
  NONE: null,
  CONSUME: { reserved: -1, used: 1 },
  RELEASE: { reserved: -1, used: 0 },
};

/** What opening a case does: it reserves one use. */
export const OPENING_QUOTA = { effect: "RESERVED", delta: { reserved: 1, used: 0 } } as const satisfies { effect: QuotaEffect; delta: { reserved: number; used: number } };
