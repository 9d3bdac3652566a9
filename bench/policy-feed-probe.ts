// npm run bench:policy-feed:probe -- <postgres-url> [seconds=10] [concurrency=4] [rate] [--graph <http-url>]
// Reads one policy's entitlements (the statement behind (a), policy → entitlements) for `seconds`,
// and prints the count, p50 and p99 in ms: run it idle, then while an import runs, to see what the
// feed costs the graph's reads. With `--graph`, each read is (a) itself, the front end's
// entitlements request, sent to the graph server at that address (as ADMIN, with the benchmarks'
// key: start the server with ADMIN_API_KEY set to it) instead of the statement to the database. Without `rate`, `concurrency` clients read in a closed loop, as
// fast as they can (the reads themselves then fill a core, and any other work shows as queueing).
// With `rate` (reads a second), reads start on a fixed schedule whatever the answers do (an
// open loop, as users arrive), over a pool of `concurrency`, each timed from when it was due, so a
// stall is counted in every read it delays.
import postgres from "postgres";
import { openLoop, readEntitlements } from "./lib.js";

const args = process.argv.slice(2);
const graphAt = args.indexOf("--graph");
const graph = graphAt >= 0 ? args.splice(graphAt, 2)[1] : undefined;
const [url, secondsArg, concurrencyArg, rateArg] = args;
if (!url) {
  process.stderr.write("usage: npm run bench:policy-feed:probe -- <postgres-url> [seconds] [concurrency] [rate] [--graph <http-url>]\n");
  process.exit(2);
}
const seconds = Number(secondsArg ?? 10);
const concurrency = Number(concurrencyArg ?? 4);
const sql = postgres(url, { max: concurrency, onnotice: () => {} });
const numbers = (await sql<{ policy_no: string }[]>`select policy_no from policy tablesample system (1) limit 2000`).map((r) => r.policy_no);
if (numbers.length === 0) throw new Error("no policies to read");
const statement = (policyNo: string) => sql`select e.benefit_code, e.quota_total, e.used, e.reserved
                  from policy p join entitlement e on e.policy_id = p.id
                 where p.policy_no = ${policyNo} order by e.benefit_code`;
const read = graph ? (policyNo: string) => readEntitlements(graph, policyNo) : statement;
// Untimed first reads: connections opened, code compiled (a fresh process's first requests are slow).
for (let i = 0; i < 50; i++) await Promise.all(Array.from({ length: concurrency }, (_, w) => read(numbers[(i * concurrency + w) % numbers.length]!)));
const timings: number[] = [];
const until = performance.now() + seconds * 1000;

if (rateArg) timings.push(...(await openLoop(Number(rateArg), seconds, (i) => read(numbers[i % numbers.length]!))));
else await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    let i = worker;
    while (performance.now() < until) {
      const policyNo = numbers[i++ % numbers.length]!;
      const t0 = performance.now();
      await read(policyNo);
      timings.push(performance.now() - t0);
    }
  }),
);
await sql.end();
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
process.stdout.write(`${JSON.stringify({ reads: timings.length, perSecond: Math.round(timings.length / seconds), p50: Number(at(0.5)), p99: Number(at(0.99)) })}\n`);
