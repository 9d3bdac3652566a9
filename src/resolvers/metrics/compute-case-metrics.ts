// The one place case metrics are computed for the graph and the CSV export.
import { GraphQLError } from "graphql";
import { shanghaiMidnight } from "../../context/clock.js";
import type { Executor } from "../../db/client.js";
import { caseMetrics } from "../../db/queries/case-metrics.js";
import type { BenefitCode, ServiceCode } from "../../rules/catalogue/codes.js";
import type { CaseStatus } from "../../rules/case-workflow/codes.js";
import { addDays } from "../../rules/shared/dates.js";
import type { SlaState } from "../../rules/sla/compute-sla-clocks.js";
import type { CaseMetricDimension, CaseMetricsFilter, CaseMetricsRow } from "../../schema/metrics/case-metrics.type.js";

export async function computeCaseMetrics(
  db: Executor,
  today: string,
  groupBy: readonly CaseMetricDimension[],
  filter: CaseMetricsFilter | null | undefined,
): Promise<CaseMetricsRow[]> {
  if (filter?.submittedFrom && filter.submittedTo && filter.submittedTo < filter.submittedFrom) {
    throw new GraphQLError("submittedTo is before submittedFrom", { extensions: { code: "BAD_USER_INPUT", argumentName: "filter.submittedTo" } });
  }
  if (filter?.asOf && filter.asOf > today) {
    throw new GraphQLError(`asOf ${filter.asOf} is after today (${today})`, { extensions: { code: "BAD_USER_INPUT", argumentName: "filter.asOf" } });
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
  return rows.map((r) => ({
    keys: {
      service: (r.keys.SERVICE as ServiceCode | undefined) ?? null,
      benefit: (r.keys.BENEFIT as BenefitCode | undefined) ?? null,
      status: (r.keys.STATUS as CaseStatus | undefined) ?? null,
      provinceCode: r.keys.PROVINCE ?? null,
      cityCode: r.keys.CITY ?? null,
      month: r.keys.MONTH ?? null,
      partnerCode: r.keys.PARTNER ?? null,
      slaState: (r.keys.SLA_STATE as SlaState | undefined) ?? null,
    },
    cases: r.cases,
    open: r.open,
    completed: r.completed,
    slaMet: r.sla_met,
    slaBreached: r.sla_breached,
    slaAttainment: r.sla_met + r.sla_breached === 0 ? null : r.sla_met / (r.sla_met + r.sla_breached),
    medianWorkingDaysToComplete: r.median,
    p90WorkingDaysToComplete: r.p90,
  }));
}
