// The server as a process: bad configuration exits 1 naming each variable; SIGTERM finishes the
// request in flight and exits 0.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_KEYS } from "../src/db/seed/seed-demo.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(tsx, ["src/server.ts"], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("the server process", () => {
  it("exits 1 with one line per bad variable", async () => {
    const p = run({ PORT: "http", SEED_DEMO: "maybe", DATABASE_URL: "mysql://nope" });
    expect(await p.exited).toBe(1);
    for (const name of ["PORT", "SEED_DEMO", "DATABASE_URL"]) expect(p.err()).toContain(name);
  });

  it("refuses demo data, with its public keys, in production", async () => {
    const p = run({ NODE_ENV: "production", PII_ENCRYPTION_KEY: "a".repeat(64), DATABASE_URL: "memory://", SEED_DEMO: "1" });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain("SEED_DEMO");
  });

  it("prints the GraphiQL address and every demo key once, as lines for a person with LOG_FORMAT=pretty", async () => {
    const p = run({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "memory://", LOG_FORMAT: "pretty", SLA_SWEEP_SECONDS: "0" });
    for (let i = 0; i < 300 && !/serving GraphQL at/.test(p.out()); i++) await new Promise((r) => setTimeout(r, 100));
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    const out = p.out();
    expect(out.match(/serving GraphQL at http:\/\/localhost:\d+\/graphql/g)).toHaveLength(1);
    for (const demo of DEMO_KEYS) expect(out.split(demo.key)).toHaveLength(2);
    expect(out).not.toMatch(/^\{"level"/m);
  }, 60_000);

  it("finishes a request in flight on SIGTERM and exits 0", async () => {
    const p = run({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "memory://", SEED_DEMO: "0" });
    let port = 0;
    for (let i = 0; i < 300 && !port; i++) {
      await new Promise((r) => setTimeout(r, 100));
      port = Number(/"port":(\d+)/.exec(p.out())?.[1] ?? 0);
    }
    expect(port).toBeGreaterThan(0);
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ calendar(from: \"2025-01-01\", to: \"2025-12-31\") { date workingDay } services { code } }" }),
    });
    await new Promise((r) => setTimeout(r, 5));
    p.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { calendar: unknown[] } }).data.calendar).toHaveLength(365);
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain("shutting down");
  }, 60_000);
});
