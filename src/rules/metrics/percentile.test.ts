import { describe, expect, it } from "vitest";
import { percentileOfHistogram } from "./percentile.js";

const expand = (values: number[]) => {
  const h = new Map<number, number>();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return h;
};

describe("percentileOfHistogram (percentile_cont over whole days)", () => {
  it.each([
    ["empty", [], 0.5, null],
    ["one value", [4], 0.5, 4],
    ["one value, p90", [4], 0.9, 4],
    ["odd count median", [1, 3, 7], 0.5, 3],
    ["even count median interpolates", [1, 2, 3, 10], 0.5, 2.5],
    ["p90 of 0..10", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    ["p90 interpolates", [0, 10], 0.9, 9],
    ["repeated values", [2, 2, 2, 2, 8], 0.5, 2],
    ["p90 across repeats", [1, 1, 1, 1, 1, 1, 1, 1, 1, 5], 0.9, 1.4],
    ["order of input does not matter", [9, 0, 5], 0.5, 5],
    ["p0 is the minimum", [3, 6, 9], 0, 3],
    ["p1 is the maximum", [3, 6, 9], 1, 9],
  ])("%s", (_name, values, p, expected) => {
    const result = percentileOfHistogram(expand(values as number[]), p as number);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected as number, 10);
  });

  it("ignores buckets with no cases (a rollup row counted down to zero)", () => {
    expect(percentileOfHistogram(new Map([[1, 0], [4, 2], [9, 0]]), 0.5)).toBe(4);
    expect(percentileOfHistogram(new Map([[1, 0]]), 0.5)).toBeNull();
  });
});
