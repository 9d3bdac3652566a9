import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock } from "./client.js";

describe("the embedded database's lock file", () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), "hsg-lock-")), "pglite");

  it("is taken, refused to a second taker while held, and released", () => {
    const dataDir = dir();
    const release = acquireDirLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    expect(() => acquireDirLock(dataDir)).toThrow(/in use by process/);
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    acquireDirLock(dataDir)();
  });

  it("is taken over from a process that no longer exists", () => {
    const dataDir = dir();
    acquireDirLock(dataDir)();
    writeFileSync(`${dataDir}.lock`, "2147483646");
    const release = acquireDirLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });
});
