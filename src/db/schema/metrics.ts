// The maintained summary behind caseMetrics (docs/metrics.md): service_case rolled up by every
// dimension and the facts the measures need, per day and per month. A trigger on service_case
// appends +1/−1 deltas in the transaction that changes a case (append-only, so concurrent writers
// never wait on each other); compaction folds them into both rollups; a query reads whole months
// from the monthly rollup, the days at the window's edges from the daily one, and the pending
// deltas, so it is exact.
import { sql } from "drizzle-orm";
import { bigserial, check, date, integer, pgTable, smallint, text, unique } from "drizzle-orm/pg-core";

const factColumns = () => ({
  /** YYYY-MM of the Shanghai date of submission. */
  submittedMonth: text("submitted_month").notNull(),
  serviceCode: text("service_code").notNull(),
  benefitCode: text("benefit_code").notNull(),
  status: text("status").notNull(),
  provinceCode: text("province_code"),
  cityCode: text("city_code"),
  partnerCode: text("partner_code"),
  /** The first clock's state when it no longer depends on the day asked (met, missed, judged at closing, not started); null while pending. */
  slaOutcome: text("sla_outcome"),
  /** Only while the outcome is pending: the due date today is compared with. */
  slaDueOn: date("sla_due_on", { mode: "string" }),
  workingDaysToComplete: smallint("working_days_to_complete"),
});

/** Shanghai date of submission. */
const submittedOn = () => date("submitted_on", { mode: "string" }).notNull();

export const caseMetricRollup = pgTable(
  "case_metric_rollup",
  { submittedOn: submittedOn(), ...factColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_rollup_key")
      .on(t.submittedOn, t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.provinceCode, t.cityCode, t.partnerCode, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);

export const caseMetricDelta = pgTable(
  "case_metric_delta",
  { id: bigserial("id", { mode: "number" }).primaryKey(), submittedOn: submittedOn(), ...factColumns(), cases: integer("cases").notNull() },
  (t) => [check("case_metric_delta_unit", sql`${t.cases} in (-1, 1)`)],
);

export const caseMetricMonthly = pgTable(
  "case_metric_monthly",
  { ...factColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_monthly_key")
      .on(t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.provinceCode, t.cityCode, t.partnerCode, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);

// Coarser copies of the rollup for the groupings dashboards ask most (docs/metrics.md, decision
// 0040): the same facts without the city (region) or without city, province and partner
// (service). Compaction folds each delta into every summary in one statement, so all of them
// equal the daily rollup projected onto their columns; a query reads the smallest one that holds
// every dimension it groups or filters by.
const serviceColumns = () => {
  const { provinceCode: _p, cityCode: _c, partnerCode: _pa, ...rest } = factColumns();
  return rest;
};
const regionColumns = () => {
  const { cityCode: _c, ...rest } = factColumns();
  return rest;
};

export const caseMetricServiceDaily = pgTable(
  "case_metric_service_daily",
  { submittedOn: submittedOn(), ...serviceColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_service_daily_key")
      .on(t.submittedOn, t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);

export const caseMetricServiceMonthly = pgTable(
  "case_metric_service_monthly",
  { ...serviceColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_service_monthly_key")
      .on(t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);

export const caseMetricRegionDaily = pgTable(
  "case_metric_region_daily",
  { submittedOn: submittedOn(), ...regionColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_region_daily_key")
      .on(t.submittedOn, t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.provinceCode, t.partnerCode, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);

export const caseMetricRegionMonthly = pgTable(
  "case_metric_region_monthly",
  { ...regionColumns(), cases: integer("cases").notNull() },
  (t) => [
    unique("case_metric_region_monthly_key")
      .on(t.submittedMonth, t.serviceCode, t.benefitCode, t.status, t.provinceCode, t.partnerCode, t.slaOutcome, t.slaDueOn, t.workingDaysToComplete)
      .nullsNotDistinct(),
  ],
);
