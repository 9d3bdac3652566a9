// `npm run bench:bare`: operation (a) on the production build, on the same graph without Apollo's
// request pipeline (bench/bare-graph-server.ts) and on the raw-SQL floor, in alternating rounds, so
// that how much of the gap to the floor is Apollo's, and how much is the graph's own, is measured
// rather than argued. BENCH_DATABASE_URL must be seeded already (`npm run bench`).
//   BENCH_DATABASE_URL=… npm run bench:bare [-- --rounds 2] [--duration 15] [--pool 4]
import autocannon from "autocannon";
import { BENCH_ADMIN_KEY, benchDatabaseUrl, benchPolicyNos, graphql, option, startScript, startServer, table, type ServerProcess } from "./lib.js";
import { ENTITLEMENTS } from "./operations.js";

const url = benchDatabaseUrl();
const rounds = Number(option("rounds", "2"));
const duration = Number(option("duration", "15"));
const poolMax = Number(option("pool", "4"));

const sample = await benchPolicyNos(url);
let n = 0;
const next = () => sample[n++ % sample.length]!;

const graph = await startServer(url, { DATABASE_POOL_MAX: String(poolMax) });
const bare = await startScript("bench/bare-graph-server.ts", url, poolMax);
const floor = await startScript("bench/floor-server.ts", url, poolMax);
const targets: { name: string; server: ServerProcess; path: string; body: () => string; auth: boolean }[] = [
  { name: "graph (Apollo)", server: graph, path: "/graphql", body: () => JSON.stringify({ query: ENTITLEMENTS, variables: { policyNo: next() } }), auth: true },
  { name: "graph without Apollo", server: bare, path: "/graphql", body: () => JSON.stringify({ query: ENTITLEMENTS, variables: { policyNo: next() } }), auth: true },
  { name: "raw-SQL floor", server: floor, path: "/a", body: () => JSON.stringify({ policyNo: next() }), auth: false },
];

try {
  // The two graphs answer alike.
  for (const policyNo of sample.slice(0, 20)) {
    const [a, b] = await Promise.all([graphql(graph.url, ENTITLEMENTS, { policyNo }), graphql(bare.url, ENTITLEMENTS, { policyNo })]);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the graph without Apollo answers ${policyNo} differently`);
  }
  const rows: (string | number)[][] = [];
  for (let round = 1; round <= rounds; round++) {
    const measured = [];
    for (const target of targets) {
      const run = (seconds: number) =>
        autocannon({
          url: `${target.server.url}${target.path}`,
          method: "POST",
          connections: 16,
          duration: seconds,
          headers: { "content-type": "application/json", ...(target.auth ? { authorization: `Bearer ${BENCH_ADMIN_KEY}` } : {}) },
          requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: target.body() }) }],
        });
      await run(3);
      const cpu0 = target.server.cpuMs();
      const result = await run(duration);
      const cpuMs = (target.server.cpuMs() - cpu0) / result.requests.total;
      if (result.non2xx + result.errors > 0) throw new Error(`${target.name}: ${result.non2xx + result.errors} failed responses`);
      measured.push({ name: target.name, rps: result.requests.average, p99: result.latency.p99, cpuMs });
      process.stderr.write(`  round ${round}, ${target.name}: ${result.requests.average.toFixed(0)} req/s\n`);
    }
    const floorRps = measured.at(-1)!.rps;
    for (const m of measured) rows.push([round, m.name, m.rps.toFixed(0), `${((m.rps / floorRps) * 100).toFixed(0)} %`, m.p99, m.cpuMs.toFixed(2)]);
  }
  console.log(`\n(a) entitlements, 16 connections, ${duration} s per run, pool ${poolMax}\n`);
  console.log(table(["round", "target", "req/s", "of floor", "p99 ms", "CPU ms/request"], rows));
} finally {
  await Promise.all([graph.stop(), bare.stop(), floor.stop()]);
}
