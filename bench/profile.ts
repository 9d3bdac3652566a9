// `npm run bench:profile -- --op a|b|c|t [--seconds 10] [--env "K=V …"]` (t: `{ __typename }`, the cost of a request itself): CPU profile of the production build under one
// benchmark operation. Starts `node --cpu-prof dist/server.js` on BENCH_DATABASE_URL (already seeded by
// `npm run bench`), loads it with autocannon, stops it, and prints where the time went: self time by
// function and by package. The .cpuprofile file is kept for Chrome's DevTools.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { BENCH_ADMIN_KEY, benchDatabaseUrl, option, startServer } from "./lib.js";
import { CONSOLE_PAGE, EMPTY, ENTITLEMENTS, SUBMIT } from "./operations.js";

const QUERIES: Record<string, string> = { t: EMPTY, a: ENTITLEMENTS, b: CONSOLE_PAGE, c: SUBMIT };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const url = benchDatabaseUrl();
const op = option("op", "b");
const seconds = Number(option("seconds", "10"));
const query = QUERIES[op];
if (!query) throw new Error(`--op must be one of ${Object.keys(QUERIES).join(", ")}`);

const sql = postgres(url, { max: 1 });
const sample = (
  await sql<{ policy_no: string }[]>`select policy_no from policy where policy_no like 'BP%' and status = 'ACTIVE' order by md5(policy_no || ${String(Date.now())}) limit 5000`
).map((r) => r.policy_no);
await sql.end();
const prefixes = Array.from({ length: 100 }, (_, i) => `BP${String(i).padStart(5, "0")}`);
let n = 0;
const runId = Date.now().toString(36);
const variables = () =>
  op === "a"
    ? { policyNo: sample[n++ % sample.length] }
    : op === "c"
      ? { input: { idempotencyKey: `profile-${runId}-${n}`, policyNo: sample[n++ % sample.length], benefit: "FAMILY_DOCTOR", applicant: "INSURED" } }
      : { prefix: prefixes[n++ % prefixes.length] };

const dir = mkdtempSync(join(tmpdir(), "hsg-prof-"));
/** Environment for the server (`--env "OTEL_EXPORTER_OTLP_ENDPOINT=… OTEL_TRACES_SAMPLER_ARG=0.1"`), to profile a setting. */
const env = Object.fromEntries(option("env", "").split(" ").filter(Boolean).map((pair) => pair.split("=", 2) as [string, string]));
if (process.env.DATABASE_POOL_MAX) env.DATABASE_POOL_MAX = process.env.DATABASE_POOL_MAX;
const server = await startServer(url, env, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
const body = () => JSON.stringify({ query, variables: variables() });
const run = (duration: number) =>
  autocannon({
    url: `${server.url}/graphql`,
    method: "POST",
    connections: 16,
    duration,
    headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
await run(2);
const cpuBefore = server.cpuMs();
const result = await run(seconds);
const cpuMs = server.cpuMs() - cpuBefore;
await server.stop();
console.log(`op (${op}): ${result.requests.average} req/s, p99 ${result.latency.p99} ms, ${(cpuMs / result.requests.total).toFixed(2)} CPU ms/request`);

const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
// Shares of the time the process was busy: idle (waiting on sockets) is left out.
const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
for (const id of idle) self.delete(id);
const total = [...self.values()].reduce((a, b) => a + b, 0);

function packageOf(u: string): string {
  if (!u) return "(native/gc/idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1]!;
  // Async context (AsyncLocalStorage and the promise hooks it turns on) apart from the rest of Node.
  if (/^node:(internal\/)?async_(hooks|local_storage)/.test(u)) return "node:async_hooks";
  if (u.startsWith("node:")) return "node:internal";
  const d = /\/dist\/(.+)$/.exec(u);
  return d ? `app:${d[1]!.split("/").slice(0, 2).join("/")}` : u;
}
const fnTotals = new Map<string, number>();
const pkgTotals = new Map<string, number>();
for (const [id, t] of self) {
  const { functionName, url: u, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anonymous)"} ${packageOf(u)}:${lineNumber + 1}`;
  fnTotals.set(key, (fnTotals.get(key) ?? 0) + t);
  pkgTotals.set(packageOf(u), (pkgTotals.get(packageOf(u)) ?? 0) + t);
}
const top = (m: Map<string, number>, k: number) =>
  [...m].sort((x, y) => y[1] - x[1]).slice(0, k).map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`).join("\n");
// What tracing costs in this run: OpenTelemetry's packages, the async context, the app's tracing modules.
const isTracing = (u: string) => u.includes("/@opentelemetry/") || packageOf(u) === "node:async_hooks" || /\/dist\/(logging\/tracing|http\/tracing-plugin|db\/driver\/traced|process\/tracing)\.js$/.test(u);
const tracingTime = [...self].filter(([id]) => isTracing(byId.get(id)!.callFrame.url)).reduce((a, [, t]) => a + t, 0);
console.log(`\ntracing (OpenTelemetry, async context, the app's tracing modules): ${((100 * tracingTime) / total).toFixed(1)} % of busy time`);
console.log(`\nself time by package\n${top(pkgTotals, 20)}\n\nself time by function\n${top(fnTotals, Number(option("top", "40")))}\n\nprofile: ${join(dir, file)}`);
