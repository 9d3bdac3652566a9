// Continuous percentiles (PostgreSQL's percentile_cont) over a histogram of whole working days, so
// the metrics can be summed from a rollup and still give the exact median and p90 (docs/metrics.md).

/** value → how many cases took that many working days. */
export type Histogram = ReadonlyMap<number, number>;

/**
 * The p-th continuous percentile (0 ≤ p ≤ 1) of the multiset the histogram describes: the values
 * sorted, position p·(n−1), interpolated between its neighbours. Null when the histogram is empty.
 */
export function percentileOfHistogram(histogram: Histogram, p: number): number | null {
  const entries = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const lower = valueAt(entries, Math.floor(rank));
  const upper = valueAt(entries, Math.ceil(rank));
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** The value at a 0-based position of the sorted multiset. */
function valueAt(entries: readonly (readonly [number, number])[], position: number): number {
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (position < seen) return value;
  }
  return entries[entries.length - 1]![0];
}
