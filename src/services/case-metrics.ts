// The one place case metrics are computed, for the graph and the CSV export alike. It returns a
// result, never throws for a bad filter: each edge says "no" in its own format (a GraphQL
// BAD_USER_INPUT error, a CSV 400). docs/decisions/0022-case-metrics-service.md.
import { shanghaiMidnight } from "../context/clock.js";
import type { Executor } from "../db/client.js";
import { caseMetrics, type MetricsRow as CaseMetricsQueryRow } from "../db/queries/case-metrics.js";
import type { BenefitCode, ServiceCode } from "../rules/catalogue/codes.js";
import type { CaseStatus } from "../rules/case-workflow/codes.js";
import { addDays } from "../rules/shared/dates.js";
import type { SlaState } from "../rules/sla/compute-sla-clocks.js";
import type { CaseMetricDimension, CaseMetricsFilter, CaseMetricsRow } from "../schema/metrics/case-metrics.type.js";

/** A filter the metrics cannot be computed for: which of its fields, and why. */
export interface CaseMetricsRefusal {
  readonly code: "BAD_USER_INPUT";
  /** The filter's field, as the GraphQL argument path names it. */
  readonly field: "filter.submittedTo" | "filter.asOf";
  readonly message: string;
}

export type CaseMetricsResult = { readonly ok: true; readonly rows: CaseMetricsRow[] } | { readonly ok: false; readonly refusal: CaseMetricsRefusal };

export async function computeCaseMetrics(
  db: Executor,
  today: string,
  groupBy: readonly CaseMetricDimension[],
  filter: CaseMetricsFilter | null | undefined,
): Promise<CaseMetricsResult> {
  if (filter?.submittedFrom && filter.submittedTo && filter.submittedTo < filter.submittedFrom) {
    return { ok: false, refusal: { code: "BAD_USER_INPUT", field: "filter.submittedTo", message: "submittedTo is before submittedFrom" } };
  }
  if (filter?.asOf && filter.asOf > today) {
    return { ok: false, refusal: { code: "BAD_USER_INPUT", field: "filter.asOf", message: `asOf ${filter.asOf} is after today (${today})` } };
  }
  const asOf = filter?.asOf && filter.asOf < today ? { day: filter.asOf, end: shanghaiMidnight(addDays(filter.asOf, 1)) } : null;
  const rows = await caseMetrics(db, {
    groupBy,
    today,
    asOf,
    services: filter?.services,
    provinceCodes: filter?.provinceCodes,
    partnerCodes: filter?.partnerCodes,
    submittedFrom: filter?.submittedFrom ?? null,
    submittedTo: filter?.submittedTo ?? null,
  });
  return { ok: true, rows: rows.map(presentRow) };
}

function presentRow(r: CaseMetricsQueryRow): CaseMetricsRow {
  return {
    keys: {
      service: (r.keys.SERVICE as ServiceCode | undefined) ?? null,
      benefit: (r.keys.BENEFIT as BenefitCode | undefined) ?? null,
      status: (r.keys.STATUS as CaseStatus | undefined) ?? null,
      provinceCode: r.keys.PROVINCE ?? null,
      cityCode: r.keys.CITY ?? null,
      month: r.keys.MONTH ?? null,
      partnerCode: r.keys.PARTNER ?? null,
      slaState: (r.keys.SLA_STATE as SlaState | undefined) ?? null,
      clock: r.keys.CLOCK ?? null,
    },
    cases: r.cases,
    open: r.open,
    completed: r.completed,
    slaMet: r.sla_met,
    slaBreached: r.sla_breached,
    slaAttainment: r.sla_met + r.sla_breached === 0 ? null : r.sla_met / (r.sla_met + r.sla_breached),
    medianWorkingDaysToComplete: r.median,
    p90WorkingDaysToComplete: r.p90,
  };
}
