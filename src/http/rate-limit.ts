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
}

export interface RateLimit {
  /** Seconds to wait when over the limit; 0 when the call may go ahead. */
  take(caller: string): Promise<number>;
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;

export function createRateLimit(settings: RateLimitSettings, logger: Logger): RateLimit {
  if (settings.perMinute <= 0) return { take: async () => 0, close: async () => undefined };
  const keyPrefix = settings.keyPrefix ?? "hsg:rate";
  const memory = new RateLimiterMemory({ points: settings.perMinute, duration: WINDOW_SECONDS, keyPrefix });
  let redis: Redis | null = null;
  let limiter: RateLimiterMemory | RateLimiterRedis = memory;
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
  }
  return {
    async take(caller) {
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
