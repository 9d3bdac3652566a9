// `npm run bench:gc -- [--base <dir>] [--op a|b|t] [--rate 100] [--seconds 20] [--rounds 3]`: what
// garbage collection costs the production build under a steady load, as users arrive (an open
// loop at `rate` requests a second, each timed from when it was due), and, with `--base` (a copy of
// dist/ from before a change, as for bench:ab), the same for that build in rotated rounds. Prints
// per round the young-generation collections (scavenges) and their mean pause, the full
// collections and their pauses, and the requests' p50 and p99, read from each server's /metrics
// (prom-client's GC histogram). A request whose objects something in the old generation points
// into is copied and promoted by every scavenge (docs/decisions/0101-no-accessors-made-per-request.md):
// it shows here as longer scavenges and more full collections.
//   BENCH_DATABASE_URL=… npm run bench:gc -- --base dist-base --op a
import { isAbsolute, join } from "node:path";
import { benchDatabaseUrl, benchPolicyNos, graphql, openLoop, option, percentile, startServer, table, type ServerProcess } from "./lib.js";
import { CONSOLE_PAGE, EMPTY, ENTITLEMENTS } from "./operations.js";
import { median } from "./peer-answers.js";

const url = benchDatabaseUrl();
const base = option("base", "");
const op = option("op", "a");
const rate = Number(option("rate", "100"));
const seconds = Number(option("seconds", "20"));
const rounds = Number(option("rounds", "3"));

const sample = await benchPolicyNos(url);
let n = 0;
const request: Record<string, () => [string, Record<string, unknown>]> = {
  t: () => [EMPTY, {}],
  a: () => [ENTITLEMENTS, { policyNo: sample[n++ % sample.length] }],
  b: () => [CONSOLE_PAGE, { prefix: `BP${String(n++ % 100).padStart(5, "0")}` }],
};
const next = request[op];
if (!next) throw new Error(`--op must be one of ${Object.keys(request).join(", ")}`);

const env = { DATABASE_POOL_MAX: "4" };
const targets: { name: string; server: ServerProcess }[] = [];
if (base) targets.push({ name: "baseline", server: await startServer(url, env, [], isAbsolute(base) ? join(base, "server.js") : `${base.replace(/\/$/, "")}/server.js`) });
targets.push({ name: "current", server: await startServer(url, env) });

/** Collections so far by kind ("minor", "major", …): how many, and their pauses in ms. */
async function collections(server: ServerProcess): Promise<Map<string, { count: number; ms: number }>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const byKind = new Map<string, { count: number; ms: number }>();
  for (const [, part, kind, value] of text.matchAll(/^hsg_nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} (\S+)$/gm)) {
    const entry = byKind.get(kind!) ?? { count: 0, ms: 0 };
    if (part === "count") entry.count = Number(value);
    else entry.ms = Number(value) * 1000;
    byKind.set(kind!, entry);
  }
  return byKind;
}

/** `rate` requests a second for `duration` seconds (an open loop), each answer checked. */
function load(server: ServerProcess, duration: number): Promise<number[]> {
  return openLoop(rate, duration, async () => {
    const [query, variables] = next!();
    const { data, errors } = await graphql(server.url, query, variables);
    if (errors || !data) throw new Error(`the server answered ${JSON.stringify(errors).slice(0, 200)}`);
  });
}

interface Round {
  scavenges: number;
  scavengeMs: number;
  fulls: number;
  fullMs: number;
  p50: number;
  p99: number;
}
const results = new Map<string, Round[]>(targets.map(({ name }) => [name, []]));
for (const { server } of targets) await load(server, 3);
for (let round = 0; round < rounds; round++) {
  for (const { name, server } of round % 2 ? [...targets].reverse() : targets) {
    const before = await collections(server);
    const timings = await load(server, seconds);
    const after = await collections(server);
    const delta = (kind: string) => ({
      count: (after.get(kind)?.count ?? 0) - (before.get(kind)?.count ?? 0),
      ms: (after.get(kind)?.ms ?? 0) - (before.get(kind)?.ms ?? 0),
    });
    const minor = delta("minor");
    const major = delta("major");
    results.get(name)!.push({ scavenges: minor.count, scavengeMs: minor.count ? minor.ms / minor.count : 0, fulls: major.count, fullMs: major.ms, p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) });
  }
}
for (const { server } of targets) await server.stop();

const rows = [...results].flatMap(([name, list]) =>
  list.map((r, i) => [name, i + 1, r.scavenges, r.scavengeMs.toFixed(2), r.fulls, r.fullMs.toFixed(1), r.p50.toFixed(2), r.p99.toFixed(2)]),
);
console.log(`(${op}) at ${rate} requests a second, ${seconds} s a round, ${rounds} rounds`);
console.log(table(["target", "round", "scavenges", "mean scavenge ms", "full GCs", "full GC ms in all", "p50 ms", "p99 ms"], rows));
const medians = [...results].map(([name, list]) => [
  name,
  median(list.map((r) => r.scavenges)),
  median(list.map((r) => r.scavengeMs)).toFixed(2),
  median(list.map((r) => r.fulls)),
  median(list.map((r) => r.fullMs)).toFixed(1),
  median(list.map((r) => r.p50)).toFixed(2),
  median(list.map((r) => r.p99)).toFixed(2),
]);
console.log(table(["target (medians)", "scavenges", "mean scavenge ms", "full GCs", "full GC ms in all", "p50 ms", "p99 ms"], medians));
