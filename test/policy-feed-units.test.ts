// The policy feed's line reader and progress output, without a database.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startReader, workerNice } from "../src/db/policy-feed/reader.js";
import { threadsInIdleClass } from "../src/db/policy-feed/idle-class.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { InputTooLargeError, linesOf } from "../src/db/policy-feed/lines.js";
import { progressReporter } from "../src/db/policy-feed/progress.js";
import { orderedIds } from "../src/db/policy-feed/merge-batch.js";
import type { ImportSummary } from "../src/db/policy-feed/import-policies.js";

async function collect(chunks: (string | Buffer)[], max?: number): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of linesOf(source(), max)) out.push(line);
  return out;
}

describe("linesOf", () => {
  it("splits on LF and CRLF across chunks, keeps blank lines and a last line without a newline", async () => {
    expect(await collect(["a\r\nb", "c\n\nd\r", "\ne"])).toEqual(["a", "bc", "", "d", "e"]);
  });

  it("decodes a character split between chunks", async () => {
    const bytes = Buffer.from("保单\n");
    expect(await collect([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(["保单"]);
  });

  it("stops at its byte limit", async () => {
    await expect(collect(["12345\n", "67890\n"], 8)).rejects.toBeInstanceOf(InputTooLargeError);
  });
});

describe("progressReporter", () => {
  const summary = (read: number): ImportSummary => ({ id: "r", read, inserted: read, updated: 0, unchanged: 0, rejected: 1, resumedAfterLine: 0 });

  it("draws a bar with rate and time left on a terminal", () => {
    const written: string[] = [];
    let now = 0;
    const progress = progressReporter({ isTTY: true, write: (t) => written.push(t) > 0 }, 1000, () => now);
    now = 10_000;
    progress.update(summary(50_000), 250);
    expect(written[0]).toMatch(/^\r\[#{8}\.{22}\] 25\.0% 50,000 read, 5,000\/s, 30s left, 1 rejected/);
  });

  it("writes log lines at most every interval otherwise", () => {
    const written: string[] = [];
    let now = 0;
    const progress = progressReporter({ isTTY: false, write: (t) => written.push(t) > 0 }, 1000, () => now, 5000);
    now = 6000;
    progress.update(summary(10), 100);
    now = 7000;
    progress.update(summary(20), 200);
    now = 12_000;
    progress.update(summary(30), 300);
    expect(written).toHaveLength(2);
    expect(written.every((l) => l.startsWith("policies:import ") && l.endsWith("\n"))).toBe(true);
  });
});

describe("orderedIds", () => {
  it("makes UUIDs of version 7 that ascend in the order they are made, past 4096 in one millisecond", () => {
    const next = orderedIds();
    const ids = Array.from({ length: 5_000 }, () => next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.abs(parseInt(ids[0]!.replace(/-/g, "").slice(0, 12), 16) - Date.now())).toBeLessThan(60_000);
  });
});

describe("the feed's reader thread runs at a lower priority than the graph", () => {
  it("reads FEED_WORKER_NICE: 19 unless set, 0 to 19, anything else refused", () => {
    const cases: [string | undefined, number | string][] = [
      [undefined, 19],
      ["", 19],
      ["0", 0],
      ["10", 10],
      ["19", 19],
      ["20", "FEED_WORKER_NICE"],
      ["-5", "FEED_WORKER_NICE"],
      ["low", "FEED_WORKER_NICE"],
    ];
    for (const [value, expected] of cases) {
      const env = value === undefined ? {} : { FEED_WORKER_NICE: value };
      if (typeof expected === "number") expect(workerNice(env), String(value)).toBe(expected);
      else expect(() => workerNice(env), String(value)).toThrow(expected);
    }
  });

  it.runIf(process.platform === "linux")("lowers the worker thread's own nice value and leaves the process's other threads as they were", async () => {
    const niceOfThreads = () =>
      readdirSync("/proc/self/task").map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]));
    const before = niceOfThreads();
    const reader = startReader({ format: "JSONL", today: "2026-12-06", batchSize: 10, skipThrough: 0 }, createPiiProtector(randomBytes(32)), "worker");
    try {
      await reader.push(["{}"]);
      await reader.end("flush");
      while (await reader.next()); // the worker has read the line and answered: it is running
      const after = niceOfThreads();
      expect(after.filter((n) => n === 19).length).toBeGreaterThan(before.filter((n) => n === 19).length);
      expect(Number(readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ")[16])).toBe(before[0]);
    } finally {
      await reader.close();
    }
  });

  // Record 0102: a nice value still lets the feed finish its time slice before a woken read runs;
  // the idle class does not.
  it.runIf(process.platform === "linux")("at 19 puts the worker thread, and only it, in the idle class", async () => {
    expect(threadsInIdleClass().idle).toEqual([]);
    const reader = startReader({ format: "JSONL", today: "2026-12-06", batchSize: 10, skipThrough: 0 }, createPiiProtector(randomBytes(32)), "worker");
    try {
      await reader.push(["{}"]);
      await reader.end("flush");
      while (await reader.next()); // the worker is running
      const { idle, other } = threadsInIdleClass();
      expect(idle).toHaveLength(1);
      expect(other).toContain(process.pid); // the main thread (the graph's, in an API process) keeps its class
    } finally {
      await reader.close();
    }
  });

  it.runIf(process.platform === "linux")("puts the importing command whole in the idle class, threads started later too (a process of its own)", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "test/support/idle-class-process.ts"], { encoding: "utf8" });
    const report = JSON.parse(out) as { entered: boolean; before: number; idle: number; other: number; workerIdle: boolean };
    expect(report.entered).toBe(true);
    expect(report.before).toBe(0);
    expect(report.other).toBe(0);
    expect(report.idle).toBeGreaterThan(1);
    expect(report.workerIdle).toBe(true);
  });
});
