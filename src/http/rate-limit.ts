// Requests per minute per caller: one fixed window per caller, counted in Redis when REDIS_URL is
// set, so that every process behind a load balancer counts against one limit; in this process's
// memory otherwise. An unreachable Redis never fails a request: the count falls back to the
// in-process window (with a warning) until Redis answers again.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "../logging/logger.js";

export interface RateLimitSettings {
  readonly perMinute: number;
  /** redis:// URL of the shared counter; null: this process only. */
  readonly redisUrl?: string | null;
  /** Keys in Redis start with it (default "hsg:rate"). */
  readonly keyPrefix?: string;
  /** Failed authentications one address may make in a minute (default 20; 0: not counted). */
  readonly authFailuresPerMinute?: number;
  /** How long an address past that limit may present no credentials at all (default 900 s). */
  readonly authBackoffSeconds?: number;
}

export interface RateLimit {
  /** Seconds to wait when over the limit; 0 when the call may go ahead. */
  take(caller: string): Promise<number>;
  /** Seconds this address must wait before it may present credentials again; 0 when it may. */
  authBlocked(address: string): Promise<number>;
  /** Counts a failed authentication from this address; the seconds of back-off when it crossed the limit, else 0. */
  authFailed(address: string): Promise<number>;
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;

export function createRateLimit(settings: RateLimitSettings, logger: Logger): RateLimit {
  const authFailures = settings.authFailuresPerMinute ?? 20;
  const backoff = settings.authBackoffSeconds ?? 900;
  if (settings.perMinute <= 0 && authFailures <= 0) return { take: async () => 0, authBlocked: async () => 0, authFailed: async () => 0, close: async () => undefined };
  const keyPrefix = settings.keyPrefix ?? "hsg:rate";
  const memory = new RateLimiterMemory({ points: Math.max(1, settings.perMinute), duration: WINDOW_SECONDS, keyPrefix });
  // Failed authentications per address: past the limit the address is blocked for the back-off
  // (its next credentials are not even checked: no hash, no database look-up).
  const failureOptions = { points: Math.max(1, authFailures), duration: WINDOW_SECONDS, blockDuration: backoff, keyPrefix: `${keyPrefix}:auth-failed` };
  const failureMemory = new RateLimiterMemory(failureOptions);
  let redis: Redis | null = null;
  let limiter: RateLimiterMemory | RateLimiterRedis = memory;
  let failures: RateLimiterMemory | RateLimiterRedis = failureMemory;
  if (settings.redisUrl) {
    redis = new Redis(settings.redisUrl, {
      // a request never waits for Redis: refused at once while it is away, the in-process count answers
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    });
    let shared = false;
    let warned = false;
    redis.on("ready", () => {
      shared = true;
      warned = false;
      logger.info("rate limit shared through Redis");
    });
    redis.on("error", (error: Error) => {
      if (warned) return;
      warned = true;
      logger.warn({ err: { message: error.message }, wasShared: shared }, "Redis unreachable: rate limit counted in this process until it is back");
      shared = false;
    });
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points: settings.perMinute,
      duration: WINDOW_SECONDS,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
    failures = new RateLimiterRedis({ storeClient: redis, ...failureOptions, rejectIfRedisNotReady: true, insuranceLimiter: failureMemory });
  }
  const waitOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return {
    async authBlocked(address) {
      if (authFailures <= 0) return 0;
      try {
        const res = await failures.get(address);
        return res && res.consumedPoints > authFailures ? waitOf(res) : 0;
      } catch {
        // Redis away: ask the in-process count
        const res = await failureMemory.get(address);
        return res && res.consumedPoints > authFailures ? waitOf(res) : 0;
      }
    },
    async authFailed(address) {
      if (authFailures <= 0) return 0;
      try {
        await failures.consume(address);
        return 0;
      } catch (outcome) {
        return outcome instanceof RateLimiterRes ? waitOf(outcome) : 0;
      }
    },
    async take(caller) {
      if (settings.perMinute <= 0) return 0;
      try {
        await limiter.consume(caller);
        return 0;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        return 0; // the counter failed (and so did its fallback): the request goes ahead
      }
    },
    async close() {
      redis?.disconnect();
    },
  };
}
