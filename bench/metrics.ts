// The caseMetrics benchmark (docs/metrics.md): seeds BENCH_DATABASE_URL with 1,000,000 cases
// (--cases N to change), starts the production server on it and times caseMetrics over HTTP for
// the BI groupings, after a warm-up. Prints the timings and the query plan of the main grouping.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hsg_bench npm run bench:metrics
import postgres from "postgres";
import { SUMMARIES } from "../src/db/queries/case-metrics/summaries.js";
import { addDays } from "../src/rules/shared/dates.js";
import { benchDatabaseUrl, graphql, option, percentile, shanghaiToday, startServer, table } from "./lib.js";
import { seedBenchDatabase } from "./seed.js";

const QUERY = /* GraphQL */ `
  query Metrics($groupBy: [CaseMetricDimension!]!, $filter: CaseMetricsFilter) {
    caseMetrics(groupBy: $groupBy, filter: $filter) {
      keys { service benefit status provinceCode cityCode month partnerCode slaState }
      cases open completed slaMet slaBreached slaAttainment medianWorkingDaysToComplete p90WorkingDaysToComplete
    }
  }
`;

const url = benchDatabaseUrl();
const cases = Number(option("cases", "1000000"));
const policies = Number(option("policies", "100000"));
const runs = Number(option("runs", "15"));
const today = shanghaiToday();
const yearAgo = addDays(today, -365);

console.log(`seeding ${policies.toLocaleString("en")} policies and ${cases.toLocaleString("en")} cases…`);
const seeded = await seedBenchDatabase(url, { policies, cases, today, fresh: process.argv.includes("--fresh") });
console.log(seeded.reused ? "  reused the existing data" : `  seeded in ${seeded.seconds.toFixed(1)} s: ${JSON.stringify(seeded.rows)}`);

const scenarios: { name: string; groupBy: string[]; filter: Record<string, unknown>; target?: number }[] = [
  { name: "SERVICE×MONTH, a year", groupBy: ["SERVICE", "MONTH"], filter: { submittedFrom: yearAgo, submittedTo: today }, target: 300 },
  { name: "PROVINCE×SERVICE×STATUS", groupBy: ["PROVINCE", "SERVICE", "STATUS"], filter: {}, target: 500 },
  { name: "SERVICE×SLA_STATE, a year", groupBy: ["SERVICE", "SLA_STATE"], filter: { submittedFrom: yearAgo, submittedTo: today } },
  { name: "CITY×MONTH, one service", groupBy: ["CITY", "MONTH"], filter: { services: ["GREEN_CHANNEL"] } },
  { name: "SERVICE, as of 30 days ago", groupBy: ["SERVICE"], filter: { asOf: addDays(today, -30), submittedFrom: addDays(today, -60) } },
];

const server = await startServer(url);
try {
  const rows: (string | number)[][] = [];
  let failed = false;
  for (const s of scenarios) {
    const times: number[] = [];
    let groups = 0;
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const r = await graphql<{ caseMetrics: { cases: number }[] }>(server.url, QUERY, { groupBy: s.groupBy, filter: s.filter });
      const ms = performance.now() - t0;
      if (r.errors) throw new Error(`${s.name}: ${JSON.stringify(r.errors)}`);
      groups = r.data!.caseMetrics.length;
      if (i >= 2) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 0.5);
    const verdict = s.target === undefined ? "" : p50 < s.target ? `< ${s.target} ms ✓` : `≥ ${s.target} ms ✗`;
    if (s.target !== undefined && p50 >= s.target) failed = true;
    rows.push([s.name, groups, times[0]!.toFixed(0), p50.toFixed(0), percentile(times, 0.9).toFixed(0), times.at(-1)!.toFixed(0), verdict]);
  }
  console.log(`\ncaseMetrics over HTTP on ${cases.toLocaleString("en")} cases, ${runs} runs after 2 warm-up (ms):\n`);
  console.log(table(["grouping", "rows", "min", "p50", "p90", "max", "target (p50)"], rows));

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [{ deltas }] = (await sql`select count(*)::int as deltas from case_metric_delta`) as unknown as [{ deltas: number }];
  const sizes: (string | number)[][] = [];
  for (const s of SUMMARIES) {
    for (const table of [s.daily, s.monthly]) {
      const [size] = await sql.unsafe(`select count(*)::int as n, pg_size_pretty(pg_relation_size('${table}')) as bytes from ${table}`);
      sizes.push([s.name, table, size!.n.toLocaleString("en"), size!.bytes]);
    }
  }
  console.log(`\nsummaries for ${cases.toLocaleString("en")} cases (${deltas} deltas pending):\n`);
  console.log(table(["summary", "table", "rows", "size"], sizes));
  const plan = await sql.unsafe(`explain (analyze, costs off, timing off, summary on)
    select service_code, submitted_month, working_days_to_complete, sum(cases) from case_metric_service_daily
    where submitted_on >= '${yearAgo}' and submitted_on <= '${today}' group by 1, 2, 3`);
  console.log(`plan of a year of the service summary's daily table:\n${plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
  await sql.end();
  if (failed) process.exitCode = 1;
} finally {
  await server.stop();
}
