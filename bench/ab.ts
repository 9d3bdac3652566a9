// `npm run bench:ab -- --base <dir> [--op t|a|b|c|o] [--rounds 6] [--duration 5] [--env "K=V …"] [--node "--flag"] [--before <op> [--before-base <op>]]`: one operation on two
// production builds side by side — a baseline kept in <dir> (a copy of dist/ from before a change,
// relative to the project root, so it loads the same node_modules; or the absolute path of another
// checkout's dist/, built with its own node_modules) and the current dist/ — in
// rotated rounds on the same seeded BENCH_DATABASE_URL. Prints each round's req/s and server CPU
// ms/request (with BENCH_DATABASE_DIRS, PostgreSQL's too), and the medians of the per-round ratios: a change's before/after measured in one run,
// which holds on a machine too noisy for absolute numbers.
//   cp -r dist dist-base; <change>; npm run build; BENCH_DATABASE_URL=… npm run bench:ab -- --base dist-base --op b
// `--before b`: before each of its measurements the current build serves (b) for as long as it is
// measured (`--before-base` for the baseline), as a server of mixed traffic does; with `--base dist`
// the same build after (b) against the same build serving --op alone.
//   BENCH_DATABASE_URL=… npm run bench:ab -- --base dist --op a --before b
import { isAbsolute, join } from "node:path";
import autocannon from "autocannon";
import { BENCH_ADMIN_KEY, benchDatabaseUrl, benchPolicyNos, databaseCpuMs, option, startServer, table, type ServerProcess } from "./lib.js";
import { CONSOLE_PAGE, EMPTY, ENTITLEMENTS, OBJECT_PAGE, SUBMIT } from "./operations.js";
import { median } from "./peer-answers.js";

const url = benchDatabaseUrl();
const base = option("base", "");
if (!base) throw new Error("--base <dir>: a copy of dist/ from before the change (e.g. `cp -r dist dist-base`)");
const op = option("op", "b");
const rounds = Number(option("rounds", "6"));
const duration = Number(option("duration", "5"));
const poolMax = option("pool", "4");

const sample = await benchPolicyNos(url);
const prefixes = Array.from({ length: 100 }, (_, i) => `BP${String(i).padStart(5, "0")}`);
let n = 0;
const runId = Date.now().toString(36);
/** The request bodies of an operation, one a call. */
const bodyOf = (op: string): (() => string) =>
  op === "t"
    ? () => JSON.stringify({ query: EMPTY })
    : op === "c"
      ? () => JSON.stringify({ query: SUBMIT, variables: { input: { idempotencyKey: `ab-${runId}-${n}`, policyNo: sample[n++ % sample.length], benefit: "FAMILY_DOCTOR", applicant: "INSURED" } } })
    : op === "a"
      ? () => JSON.stringify({ query: ENTITLEMENTS, variables: { policyNo: sample[n++ % sample.length] } })
      : () => JSON.stringify({ query: op === "o" ? OBJECT_PAGE : CONSOLE_PAGE, variables: { prefix: prefixes[n++ % prefixes.length] } });
const body = bodyOf(op);
/** What each side serves, unmeasured, before each of its measurements (`--before`, `--before-base`); none by default. */
const before = { baseline: option("before-base", ""), current: option("before", "") };

const env = { DATABASE_POOL_MAX: poolMax };
/** Node flags for either side (`--base-node "--max-semi-space-size=32"`), to measure a runtime setting. */
const nodeFlags = (name: string) => option(name, "").split(" ").filter(Boolean);
/** Environment for either side (`--env GRAPHQL_TRUSTED_DOCUMENTS=require`), to measure a setting. */
const envOf = (name: string) => Object.fromEntries(option(name, "").split(" ").filter(Boolean).map((pair) => pair.split("=", 2) as [string, string]));
const targets: { name: string; server: ServerProcess }[] = [
  { name: "baseline", server: await startServer(url, { ...env, ...envOf("base-env") }, nodeFlags("base-node"), isAbsolute(base) ? join(base, "server.js") : `${base.replace(/\/$/, "")}/server.js`) },
  { name: "current", server: await startServer(url, { ...env, ...envOf("env") }, nodeFlags("node")) },
];

/** PostgreSQL's CPU so far (BENCH_DATABASE_DIRS, as bench:peer counts it), in ms; null when not counted. */
const databaseCpu = () => {
  const dirs = databaseCpuMs();
  return dirs ? Object.values(dirs).reduce((sum, ms) => sum + ms, 0) : null;
};

async function measure(server: ServerProcess, seconds: number, send = body): Promise<{ rps: number; cpu: number; db: number | null; p99: number; bad: number }> {
  let bad = 0;
  const dbBefore = databaseCpu();
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: "POST",
    connections: 16,
    duration: seconds,
    headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, body: send() }), onResponse: (status: number, text: string) => void ((status !== 200 || text.includes('"errors"') || (op === "c" && !/"caseNo"|"code"/.test(text))) && bad++) }],
  });
  const requests = Math.max(1, result.requests.total);
  const dbAfter = databaseCpu();
  const db = dbBefore !== null && dbAfter !== null ? (dbAfter - dbBefore) / requests : null;
  return { rps: result.requests.total / seconds, cpu: (server.cpuMs() - cpuBefore) / requests, db, p99: result.latency.p99, bad: bad + result.non2xx + result.errors };
}

for (const t of targets) await measure(t.server, 2);
const rows: (string | number)[][] = [];
const ratios = { rps: [] as number[], cpu: [] as number[], total: [] as number[] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? targets : [...targets].reverse();
  const got = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const t of order) {
    const first = before[t.name as keyof typeof before];
    if (first) await measure(t.server, duration, bodyOf(first));
    got.set(t.name, await measure(t.server, duration));
  }
  const b = got.get("baseline")!;
  const c = got.get("current")!;
  ratios.rps.push(c.rps / b.rps);
  ratios.cpu.push(c.cpu / b.cpu);
  if (b.db !== null && c.db !== null) ratios.total.push((c.cpu + c.db) / (b.cpu + b.db));
  const db = (m: typeof b) => (m.db === null ? [] : [m.db.toFixed(2)]);
  rows.push([round + 1, b.rps.toFixed(0), c.rps.toFixed(0), b.cpu.toFixed(2), c.cpu.toFixed(2), ...db(b), ...db(c), b.p99, c.p99, b.bad + c.bad]);
}
for (const t of targets) await t.server.stop();
const dbColumns = ratios.total.length ? ["PostgreSQL CPU ms base", "PostgreSQL CPU ms current"] : [];
console.log(table(["round", "req/s base", "req/s current", "CPU ms base", "CPU ms current", ...dbColumns, "p99 base", "p99 current", "bad"], rows));
const total = ratios.total.length ? `, node + PostgreSQL CPU ms/request ${median(ratios.total).toFixed(2)}` : "";
const after = (side: keyof typeof before) => (before[side] ? ` after (${before[side]})` : "");
console.log(`\n(${op}) current${after("current")} ÷ baseline${after("baseline")}, median of ${rounds} rounds: req/s ${median(ratios.rps).toFixed(2)}, CPU ms/request ${median(ratios.cpu).toFixed(2)}${total}`);
