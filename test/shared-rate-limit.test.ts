// One rate limit for every process: counted in Redis when REDIS_URL is set; in each process when
// Redis is away, without failing a request. Redis runs on 127.0.0.1:6379 (.ci/run starts it).
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimit } from "../src/http/rate-limit.js";
import { createLogger } from "../src/logging/logger.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const silent = createLogger("silent");

function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe("the rate limit", () => {
  it("two limiters on one Redis share one limit", async () => {
    const keyPrefix = `hsg-test:${randomUUID()}`;
    const { logger: loggerA, lines } = capturedLogger();
    const a = createRateLimit({ perMinute: 10, redisUrl: REDIS_URL, keyPrefix }, loggerA);
    const b = createRateLimit({ perMinute: 10, redisUrl: REDIS_URL, keyPrefix }, silent);
    try {
      await until(() => lines.some((l) => l.includes("shared through Redis")));
      const waits: number[] = [];
      for (let i = 0; i < 20; i++) waits.push(await (i % 2 === 0 ? a : b).take("api-key:1"));
      expect(waits.filter((w) => w === 0)).toHaveLength(10);
      expect(waits.slice(10).every((w) => w > 0 && w <= 60)).toBe(true);
      expect(await a.take("api-key:2")).toBe(0); // another caller has its own
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("without Redis each process counts alone, with a warning, and no request fails", async () => {
    const { logger, lines } = capturedLogger();
    const a = createRateLimit({ perMinute: 5, redisUrl: "redis://127.0.0.1:1", keyPrefix: `hsg-test:${randomUUID()}` }, logger);
    try {
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) waits.push(await a.take("api-key:1"));
      expect(waits.map((w) => w === 0)).toEqual([true, true, true, true, true, false, false, false]);
      await until(() => lines.some((l) => l.includes("Redis unreachable")));
      expect(lines.some((l) => l.includes("Redis unreachable"))).toBe(true);
    } finally {
      await a.close();
    }
  });

  it("is off at 0", async () => {
    const off = createRateLimit({ perMinute: 0, redisUrl: REDIS_URL }, silent);
    for (let i = 0; i < 5; i++) expect(await off.take("x")).toBe(0);
    await off.close();
  });
});

describe("two servers on one Redis", () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    const rateLimit = { redisUrl: REDIS_URL, keyPrefix: `hsg-test:${randomUUID()}` };
    for (let i = 0; i < 2; i++) servers.push(await startTestServer("pglite", { config: { rateLimitPerMinute: 6, rateLimit } }));
    await new Promise((r) => setTimeout(r, 300)); // both connected
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it("answer 429 past one combined limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await servers[i % 2]!.post(JSON.stringify({ query: "{ services { code } }" }))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
  });
});

describe("failed authentication (#28 row 4)", () => {
  const randomToken = () => `guess-${randomUUID()}`;

  it("300 random bearer tokens at a 20/min limit: the address is refused with 429 after 20 failures, and its next guesses are not checked", async () => {
    const server = await startTestServer("pglite", { config: { rateLimitPerMinute: 20, authFailures: { perMinute: 20, backoffSeconds: 900 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) statuses.push((await server.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: `Bearer ${randomToken()}` })).status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
      expect(statuses.slice(21).every((s) => s === 429)).toBe(true);
      // even the right key waits out the back-off from this address
      const admin = await server.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: "Bearer test-admin-key-0123456789" });
      expect(admin.status).toBe(429);
      const retryAfter = (admin.json as { errors: { extensions: { retryAfterSeconds: number } }[] }).errors[0]!.extensions.retryAfterSeconds;
      expect(retryAfter).toBeGreaterThan(60);
      expect(retryAfter).toBeLessThanOrEqual(900);
    } finally {
      await server.stop();
    }
  });

  it("two servers on one Redis count one address's failures together", async () => {
    const rateLimit = { redisUrl: REDIS_URL, keyPrefix: `hsg-test:${randomUUID()}` };
    const servers = [];
    for (let i = 0; i < 2; i++) servers.push(await startTestServer("pglite", { config: { rateLimitPerMinute: 0, rateLimit, authFailures: { perMinute: 6, backoffSeconds: 120 } } }));
    try {
      await new Promise((r) => setTimeout(r, 300)); // both connected
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await servers[i % 2]!.post(JSON.stringify({ query: "{ viewer { role } }" }), { authorization: `Bearer ${randomToken()}` })).status);
      expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
      expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
      // anonymous callers from the address are still served (no credentials to check)
      expect((await servers[1]!.post(JSON.stringify({ query: "{ services { code } }" }))).status).toBe(200);
    } finally {
      for (const server of servers) await server.stop();
    }
  });
});
