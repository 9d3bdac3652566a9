import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, nextRetryDelay } from "./retry.js";

describe("nextRetryDelay", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 6000 };
  it.each([
    [1, 0, 500],
    [1, 0.999999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [4, 0, 3000], // 8000 capped at 6000
    [4, 0.999999, 6000],
  ])("after %i failed attempts with random %f waits %i ms", (attempts, random, expected) => {
    expect(nextRetryDelay(policy, attempts, random)).toBe(expected);
  });

  it("stops at the limit", () => {
    expect(nextRetryDelay(policy, 5, 0.5)).toBeNull();
    expect(nextRetryDelay(policy, 6, 0.5)).toBeNull();
  });

  it("documents the default: 8 attempts over about 21 minutes at most", () => {
    const waits = Array.from({ length: 7 }, (_, i) => nextRetryDelay(DEFAULT_RETRY, i + 1, 0.999999)!);
    expect(waits).toEqual([10000, 20000, 40000, 80000, 160000, 320000, 640000]);
    expect(nextRetryDelay(DEFAULT_RETRY, 8, 0)).toBeNull();
  });
});
