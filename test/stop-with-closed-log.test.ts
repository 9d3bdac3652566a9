// A server always stops: SIGTERM and the end of its log reader, in either order, with and without
// traffic, end the process within 5 s. A log write that fails with EPIPE is dropped, not retried;
// the forced exit holds even when the event loop never comes back.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

type Order = "close, then SIGTERM" | "SIGTERM, then close" | "together";
interface Outcome {
  readonly withinMs: number | null;
  readonly code: number | null;
  readonly signal: string | null;
}

function start(script: string, env: Record<string, string>) {
  // node itself (with tsx's loader), not the tsx wrapper: the signals and exit codes are the server's own
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (let i = 0; i < 1800; i++) {
      const match = pattern.exec(stdout);
      if (match) return match;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${script} did not start`);
  };
  return { child, exited, waitFor };
}

async function stop(server: ReturnType<typeof start>, order: Order): Promise<Outcome> {
  const closeReader = () => server.child.stdout.destroy();
  const term = () => server.child.kill("SIGTERM");
  if (order === "close, then SIGTERM") {
    closeReader();
    await new Promise((r) => setTimeout(r, 50));
    term();
  } else if (order === "SIGTERM, then close") {
    term();
    closeReader();
  } else {
    closeReader();
    term();
  }
  const started = performance.now();
  const outcome = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
  if (outcome) return { withinMs: performance.now() - started, ...outcome };
  server.child.kill("SIGKILL");
  await server.exited;
  return { withinMs: null, code: null, signal: null };
}

async function server(order: Order, traffic: boolean): Promise<Outcome> {
  const p = start("src/server.ts", { PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "memory://", SEED_DEMO: "0", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "0" });
  const port = Number((await p.waitFor(/"port":(\d+)/))[1]);
  let sending = traffic;
  const load = (async () => {
    while (sending) {
      const requests = Array.from({ length: 8 }, () =>
        fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ services { code } }"}' }).then(
          (r) => r.text(),
          () => null,
        ),
      );
      await Promise.all(requests);
    }
  })();
  if (traffic) await new Promise((r) => setTimeout(r, 300));
  const outcome = await stop(p, order);
  sending = false;
  await load;
  return outcome;
}

async function harness(order: Order, env: Record<string, string>): Promise<Outcome> {
  const p = start("test/support/shutdown-harness.ts", env);
  await p.waitFor(/"msg":"ready"/);
  return stop(p, order);
}

describe("stopping with the log reader gone", () => {
  it("the server exits 0 within 5 s, in each order, with and without traffic", async () => {
    // three processes at once: each takes a while to start on a busy machine
    const runs: [Order, boolean][] = [
      ["close, then SIGTERM", true],
      ["SIGTERM, then close", false],
      ["together", true],
    ];
    const outcomes = await Promise.all(runs.map(async ([order, traffic]) => ({ order, traffic, ...(await server(order, traffic)) })));
    for (const o of outcomes) expect({ order: o.order, traffic: o.traffic, stopped: o.withinMs !== null, code: o.code }).toEqual({ order: o.order, traffic: o.traffic, stopped: true, code: 0 });
  }, 240_000);

  it("a stop that never ends: exit 1 at the deadline, or SIGKILL from the watchdog when the event loop is blocked", async () => {
    const orders: Order[] = ["close, then SIGTERM", "SIGTERM, then close", "together"];
    const outcomes = await Promise.all([
      ...orders.map(async (order) => ({ order, blocked: false, ...(await harness(order, { HARNESS_CHATTER: "1" })) })),
      ...orders.map(async (order) => ({ order, blocked: true, ...(await harness(order, { HARNESS_BLOCK: "1", HARNESS_CHATTER: "1" })) })),
    ]);
    for (const o of outcomes) {
      expect({ order: o.order, blocked: o.blocked, stopped: o.withinMs !== null }).toEqual({ order: o.order, blocked: o.blocked, stopped: true });
      if (o.blocked) expect(o.signal === "SIGKILL" || o.code === 1).toBe(true);
      else expect(o.code).toBe(1);
    }
  }, 240_000);
});
