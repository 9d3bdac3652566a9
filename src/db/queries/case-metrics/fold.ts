// The database answers counts per group with its turnaround histogram ("days:cases,…"); the
// measures are summed here, and the median and p90 are continuous percentiles of each group's
// histogram (exact).
import { percentileOfHistogram } from "../../../rules/metrics/percentile.js";
import type { MetricDimension, MetricsRow } from "./types.js";

/** Sums the rows of each group and takes the percentiles of its completed cases' turnaround. */
export function fold(dims: readonly MetricDimension[], rows: readonly Record<string, unknown>[]): MetricsRow[] {
  const groups = new Map<string, { row: MetricsRow; turnaround: Map<number, number> }>();
  for (const r of rows) {
    const keys = dims.map((_, i) => (r[`k${i}`] as string | null) ?? null);
    const id = JSON.stringify(keys);
    let group = groups.get(id);
    if (!group) {
      const row: MetricsRow = { keys: Object.fromEntries(dims.map((d, i) => [d, keys[i]])), cases: 0, open: 0, completed: 0, sla_met: 0, sla_breached: 0, median: null, p90: null };
      group = { row, turnaround: new Map() };
      groups.set(id, group);
    }
    group.row.cases += Number(r.cases);
    group.row.open += Number(r.open);
    group.row.completed += Number(r.completed);
    group.row.sla_met += Number(r.sla_met);
    group.row.sla_breached += Number(r.sla_breached);
    if (typeof r.turnaround === "string") {
      for (const entry of r.turnaround.split(",")) {
        const [days, count] = entry.split(":").map(Number) as [number, number];
        group.turnaround.set(days, (group.turnaround.get(days) ?? 0) + count);
      }
    }
  }
  const result: MetricsRow[] = [];
  for (const { row, turnaround } of groups.values()) {
    if (row.cases === 0) continue;
    row.median = percentileOfHistogram(turnaround, 0.5);
    row.p90 = percentileOfHistogram(turnaround, 0.9);
    result.push(row);
  }
  const compare = (a: string | null | undefined, b: string | null | undefined) => (a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? -1 : 1);
  return result.sort((a, b) => {
    for (const d of dims) {
      const c = compare(a.keys[d], b.keys[d]);
      if (c !== 0) return c;
    }
    return 0;
  });
}
