// npm run bench:policy-feed:probe -- <postgres-url> [seconds=10] [concurrency=4]
// Reads one policy's entitlements (the statement behind (a), policy → entitlements) in a loop
// from `concurrency` clients for `seconds`, and prints the count, p50 and p99 in ms: run it idle,
// then while an import runs, to see what the feed costs the graph's reads.
import postgres from "postgres";

const [url, secondsArg, concurrencyArg] = process.argv.slice(2);
if (!url) {
  process.stderr.write("usage: npm run bench:policy-feed:probe -- <postgres-url> [seconds] [concurrency]\n");
  process.exit(2);
}
const seconds = Number(secondsArg ?? 10);
const concurrency = Number(concurrencyArg ?? 4);
const sql = postgres(url, { max: concurrency, onnotice: () => {} });
const numbers = (await sql<{ policy_no: string }[]>`select policy_no from policy tablesample system (1) limit 2000`).map((r) => r.policy_no);
if (numbers.length === 0) throw new Error("no policies to read");
const timings: number[] = [];
const until = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    let i = worker;
    while (performance.now() < until) {
      const policyNo = numbers[i++ % numbers.length]!;
      const t0 = performance.now();
      await sql`select e.benefit_code, e.quota_total, e.used, e.reserved
                  from policy p join entitlement e on e.policy_id = p.id
                 where p.policy_no = ${policyNo} order by e.benefit_code`;
      timings.push(performance.now() - t0);
    }
  }),
);
await sql.end();
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
process.stdout.write(`${JSON.stringify({ reads: timings.length, perSecond: Math.round(timings.length / seconds), p50: Number(at(0.5)), p99: Number(at(0.99)) })}\n`);
