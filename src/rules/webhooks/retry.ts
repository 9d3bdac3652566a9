// When a failed delivery is tried again (docs/webhooks.md): exponential backoff with full jitter
// in its upper half, capped, for a bounded number of attempts; then the delivery is FAILED.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 10_000, maxDelayMs: 3_600_000 };

/**
 * After `attempts` failed attempts: null when no attempt is left, else the wait before the next,
 * base·2^(attempts−1) capped at the maximum, then drawn uniformly from its upper half (`random` in [0, 1)).
 */
export function nextRetryDelay(policy: RetryPolicy, attempts: number, random: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
