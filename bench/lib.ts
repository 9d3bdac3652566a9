// Shared pieces of the benchmarks: arguments, the production server as a child process, timing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { ENTITLEMENTS } from "./operations.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BENCH_ADMIN_KEY = "bench-admin-key-0123456789";
/** The key the benchmarks' servers and imports seal personal data with (32 bytes of 7, as hex). */
export const BENCH_PII_KEY = Buffer.alloc(32, 7).toString("hex");

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may wipe, e.g. postgres://postgres@127.0.0.1:5432/hsg_bench");
    process.exit(2);
  }
  return url;
}

/** The Shanghai date today. */
export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm run build` unless dist/ is newer than every source file. */
export function ensureBuild(): void {
  const built = join(ROOT, "dist/server.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, "src"))) return;
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/**
 * A port nothing listens on: the system's pick, or the next free one from BENCH_PORT_BASE when set (a
 * range kept for the benchmark; not 4190, which fetch refuses as a "bad port").
 */
let nextPort = Number(process.env.BENCH_PORT_BASE ?? 0);
async function freePort(): Promise<number> {
  if (nextPort > 0) {
    for (let tries = 0; tries < 50; tries++) {
      const port = nextPort++;
      if ((await listenOn(port).catch(() => 0)) === port) return port;
    }
    throw new Error("no free port from BENCH_PORT_BASE");
  }
  return listenOn(0);
}

async function listenOn(wanted: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Node CPU time of the server process so far, in ms (from /proc). */
  cpuMs(): number;
  /** Resident memory of the server process, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100;

/**
 * The Node flags the server runs with in production (package.json's `config.nodeFlags`, which
 * `npm start` and docs/deploy.md use): the benchmarks start it the same way.
 */
export const SERVER_NODE_FLAGS: readonly string[] = (
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { config?: { nodeFlags?: string } }).config?.nodeFlags ?? ""
)
  .split(" ")
  .filter(Boolean);

/** Starts `node dist/server.js` (the production build, with `SERVER_NODE_FLAGS`) on a database and waits until it is ready. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
  /** Another build of the server (bench:ab's baseline), relative to the project root. */
  entry = "dist/server.js",
): Promise<ServerProcess> {
  if (entry === "dist/server.js") ensureBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      ADMIN_API_KEY: BENCH_ADMIN_KEY,
      PII_ENCRYPTION_KEY: BENCH_PII_KEY,
      // As in production: a JSON line per request on stdout, read by a collector process of its own.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const collector = collectLogs(child.stdout!);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not become ready in 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    child,
    ...processMeters(pid),
    stop: () => stopServer(child, collector),
  };
}

/**
 * A benchmark server of ours (`node --import tsx [nodeArgs] <script>`), started on a database; it
 * prints "ready" when it listens.
 */
export async function startScript(
  script: string,
  databaseUrl: string,
  poolMax: number,
  extra: { readonly nodeArgs?: readonly string[]; readonly env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", ...(extra.nodeArgs ?? []), script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: databaseUrl, PORT: String(port), DATABASE_POOL_MAX: String(poolMax), BENCH_ADMIN_KEY, ...extra.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const collector = collectLogs(child.stdout!);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    ...processMeters(child.pid!),
    stop: () => stopServer(child, collector),
  };
}

/** SIGTERM, then wait until the server has exited and its collector has passed on its last lines. */
async function stopServer(child: ChildProcess, collector: ChildProcess): Promise<void> {
  const collected = collector.exitCode !== null ? Promise.resolve() : new Promise((resolve) => collector.once("exit", resolve));
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await collected;
}

/**
 * The server's log collector: a process of its own (grep, reading the pipe directly, so the load
 * generator in this process spends nothing on it) that drops the request lines and passes warnings
 * and errors (pino levels 40 and up) to stderr.
 */
function collectLogs(stdout: Readable): ChildProcess {
  return spawn("grep", ["--line-buffered", "-E", '^\\{"level":[4-6][0-9][,}]'], { stdio: [stdout, process.stderr, "inherit"] });
}

/** CPU time (ms, user + system) and resident memory (MB: now and at its peak) of a process, from /proc. */
export function processMeters(pid: number): { cpuMs(): number; rssMb(): number; peakMb(): number } {
  const memory = (field: string) => {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
  };
  return {
    cpuMs() {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(stat[11]) + Number(stat[12])) * 1000) / CLOCK_TICKS;
    },
    rssMb: () => memory("VmRSS"),
    /** The most it has been resident so far. */
    peakMb: () => memory("VmHWM"),
  };
}

/**
 * CPU time (ms) the PostgreSQL servers named by BENCH_DATABASE_DIRS (data folders, comma-separated,
 * e.g. a cluster's primary and standbys) have spent so far: each postmaster and every process it
 * started, those that ended included (the kernel adds a reaped child's time to its parent's).
 * Null when the variable is unset (a server elsewhere).
 */
export function databaseCpuMs(): Record<string, number> | null {
  const dirs = process.env.BENCH_DATABASE_DIRS?.split(",").map((d) => d.trim()).filter(Boolean);
  if (!dirs?.length) return null;
  const ticks = (pid: number, withChildren: boolean) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return Number(stat[11]) + Number(stat[12]) + (withChildren ? Number(stat[13]) + Number(stat[14]) : 0);
    } catch {
      return 0; // ended meanwhile
    }
  };
  const result: Record<string, number> = {};
  for (const dir of dirs) {
    const postmaster = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = spawnSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
    result[dir] = ((ticks(postmaster, true) + children.reduce((sum, pid) => sum + ticks(pid, false), 0)) * 1000) / CLOCK_TICKS;
  }
  return result;
}

export async function graphql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}, key = BENCH_ADMIN_KEY): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

/** (a), the front end's entitlements request for one policy, through the graph at `url`; throws unless it answers the policy. */
export async function readEntitlements(url: string, policyNo: string): Promise<void> {
  const { data, errors } = await graphql<{ policy: unknown }>(url, ENTITLEMENTS, { policyNo });
  if (errors || !data?.policy) throw new Error(`(a) answered ${JSON.stringify(errors ?? data).slice(0, 200)}`);
}

/**
 * Up to `limit` of the seeded benchmark policies' numbers (`BP…`), in a fixed order that is not the
 * numbers' own; throws when the database holds none.
 */
export async function benchPolicyNos(url: string, limit = 5000): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const nos = (await sql<{ policy_no: string }[]>`select policy_no from policy where policy_no like 'BP%' order by md5(policy_no) limit ${limit}`).map((r) => r.policy_no);
    if (nos.length === 0) throw new Error("BENCH_DATABASE_URL holds no benchmark policies: run `npm run bench` first");
    return nos;
  } finally {
    await sql.end();
  }
}

/**
 * An open loop: `send(i)` started `rate` times a second for `seconds`, on a fixed schedule whatever
 * the answers do (as users arrive), each timed from when it was due (or from when it was sent, if
 * the timer let it go a little early), so a stall counts in every request it delays. The timings in
 * ms, sorted.
 */
export async function openLoop(rate: number, seconds: number, send: (i: number) => Promise<unknown>): Promise<number[]> {
  const timings: number[] = [];
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const from = Math.min(due, performance.now());
    pending.push(send(i).then(() => void timings.push(performance.now() - from)));
  }
  await Promise.all(pending);
  return timings.sort((a, b) => a - b);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}
