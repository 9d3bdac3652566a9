// The maintained summaries behind today's caseMetrics (docs/metrics.md, decision 0040) and the SQL
// lists the queries share. Every summary holds the same facts keyed by a different set of places:
// the full rollup (province, city, partner), region (province, partner) and service (neither). A
// query reads the smallest that holds every dimension it groups or filters by, so its cost follows
// the groups asked for rather than the cases.
import { sql, type SQL } from "drizzle-orm";
import { CLOSED_STATUSES } from "../../../rules/case-workflow/codes.js";
import type { MetricDimension } from "./types.js";

/** `('COMPLETED', 'REJECTED', 'CANCELLED', 'NO_SHOW')`, written from the rule's constant. */
export const CLOSED: SQL = sql.raw(`(${CLOSED_STATUSES.map((s) => `'${s}'`).join(", ")})`);

export type PlaceColumn = "province_code" | "city_code" | "partner_code";
export type FactColumn = "service_code" | "benefit_code" | PlaceColumn;

/** The facts every summary holds besides its places: month, service, benefit, status, the clock and the turnaround. */
const COMMON = ["submitted_month", "service_code", "benefit_code", "status", "sla_outcome", "sla_due_on", "working_days_to_complete"] as const;

export interface Summary {
  readonly name: string;
  readonly daily: string;
  readonly dailyKey: string;
  readonly monthly: string;
  readonly monthlyKey: string;
  readonly places: readonly PlaceColumn[];
  /** Its columns besides the submission day, in one list for SELECT and GROUP BY. */
  readonly columns: string;
}

function summary(name: string, daily: string, dailyKey: string, monthly: string, monthlyKey: string, places: readonly PlaceColumn[]): Summary {
  return { name, daily, dailyKey, monthly, monthlyKey, places, columns: [...COMMON, ...places].join(", ") };
}

/** Smallest first. */
export const SUMMARIES: readonly Summary[] = [
  summary("service", "case_metric_service_daily", "case_metric_service_daily_key", "case_metric_service_monthly", "case_metric_service_monthly_key", []),
  summary("region", "case_metric_region_daily", "case_metric_region_daily_key", "case_metric_region_monthly", "case_metric_region_monthly_key", ["province_code", "partner_code"]),
  summary("place", "case_metric_rollup", "case_metric_rollup_key", "case_metric_monthly", "case_metric_monthly_key", ["province_code", "city_code", "partner_code"]),
];

const PLACE_OF: Partial<Record<MetricDimension, PlaceColumn>> = { PROVINCE: "province_code", CITY: "city_code", PARTNER: "partner_code" };

/** The smallest summary that holds every place a query groups or filters by. */
export function summaryFor(groupBy: readonly MetricDimension[], filtersBy: readonly PlaceColumn[]): Summary {
  const needed = new Set<PlaceColumn>([...groupBy.flatMap((d) => PLACE_OF[d] ?? []), ...filtersBy]);
  return SUMMARIES.find((s) => [...needed].every((p) => s.places.includes(p))) ?? SUMMARIES[SUMMARIES.length - 1]!;
}
