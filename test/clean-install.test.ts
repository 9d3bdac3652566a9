// npm ci prints no warning a newcomer must interpret (README, "Install"): every package in the
// lockfile accepts the Node range the project supports, and every install script npm would
// otherwise skip with a warning is approved in package.json's allowScripts. .ci/run also fails
// when npm ci prints a warning; this test catches a lockfile change before CI does.
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  engines?: { node?: string };
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as { packages: Record<string, LockEntry> };
const installed = Object.entries(lock.packages)
  .filter(([path]) => path.includes("node_modules/"))
  .map(([path, entry]) => ({ name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), ...entry }));

describe("a clean install", () => {
  it("installs no package whose engines exclude the oldest Node the project supports", () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    expect(oldest).toBe("20.19.0");
    const refusing = installed
      .filter((entry) => entry.engines?.node && !semver.satisfies(oldest, entry.engines.node))
      .map((entry) => `${entry.name}@${entry.version} wants node ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it("approves every dependency install script in allowScripts", () => {
    const withScripts = installed.filter((entry) => entry.hasInstallScript).map((entry) => entry.name);
    expect(withScripts.length).toBeGreaterThan(0);
    const unapproved = withScripts.filter((name) => pkg.allowScripts?.[name] !== true);
    expect(unapproved).toEqual([]);
  });
});
