// What caseMetrics is asked and answers (definitions: docs/metrics.md).

export type MetricDimension = "SERVICE" | "BENEFIT" | "STATUS" | "PROVINCE" | "CITY" | "MONTH" | "PARTNER" | "SLA_STATE" | "CLOCK";

export interface MetricsQuery {
  readonly groupBy: readonly MetricDimension[];
  readonly today: string;
  /** A past Shanghai day and the instant it ended: recompute from the event log as of then. */
  readonly asOf?: { readonly day: string; readonly end: Date } | null;
  readonly services?: readonly string[] | null;
  /** Shanghai dates of submission, both inclusive. */
  readonly submittedFrom?: string | null;
  readonly submittedTo?: string | null;
  readonly provinceCodes?: readonly string[] | null;
  readonly partnerCodes?: readonly string[] | null;
}

export interface MetricsRow {
  keys: Partial<Record<MetricDimension, string | null>>;
  cases: number;
  open: number;
  completed: number;
  sla_met: number;
  sla_breached: number;
  median: number | null;
  p90: number | null;
}
