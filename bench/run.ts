// `npm run bench`: seeds BENCH_DATABASE_URL (100,000 policies, 300,000 cases; --large: 1,000,000),
// starts the production build on it and the raw-SQL floor beside it, loads each over loopback with
// autocannon (16 connections, warm-up, fixed duration) for (t) an empty request and (a)–(d), checks
// the answers against the floor's data and the quotas against the cases, prints a table and writes
// bench/RESULTS.md.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/hsg_bench npm run bench [-- --large] [--duration 20] [--soak 300]
// With --peer (`npm run bench:peer`): (a) and (b) on the graph, PostGraphile 5 and the floor side by
// side in rotated rounds (--rounds, 5), after checking that PostGraphile answers as the graph does;
// its own section of RESULTS.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { addDays } from "../src/rules/shared/dates.js";
import { BENCH_ADMIN_KEY, ROOT, SERVER_NODE_FLAGS, benchDatabaseUrl, databaseCpuMs, ensureBuild, flag, graphql, option, shanghaiToday, startScript, startServer, table, type ServerProcess } from "./lib.js";
import { CONSOLE_PAGE, EMPTY, ENTITLEMENTS, METRICS, PEER_CONSOLE_PAGE, PEER_ENTITLEMENTS, SUBMIT } from "./operations.js";
import { PEER_VERSION, startPeer } from "./peer.js";
import {
  answerDifference,
  graphConsolePageAnswer,
  graphEntitlementsAnswer,
  median,
  peerConsolePageAnswer,
  peerEntitlementsAnswer,
  rotate,
  type GraphConsolePage,
  type GraphEntitlements,
  type PeerConsolePage,
  type PeerEntitlements,
} from "./peer-answers.js";
import { seedBenchDatabase } from "./seed.js";

const url = benchDatabaseUrl();
const large = flag("large");
const policies = Number(option("policies", "100000"));
const cases = Number(option("cases", large ? "1000000" : "300000"));
const duration = Number(option("duration", "15"));
const warmup = Number(option("warmup", "3"));
const connections = Number(option("connections", "16"));
const soak = Number(option("soak", "0"));
/** Connections to PostgreSQL, the same for the graph and the floor (--pool; 4 suits this 2-core machine best for both). */
const poolMax = Number(option("pool", "4"));
/**
 * The graph server's own DATABASE_URL (--serve-url; default BENCH_DATABASE_URL, which seeds and the
 * floor reads): e.g. PgBouncer in front of the same database. --fast-path off runs it with
 * DATABASE_FAST_PATH=off (a transaction-mode pooler).
 */
const serveUrl = option("serve-url", url);
const fastPath = option("fast-path", "on");
/** Which operations to load (--ops a,b); a partial run prints its table and leaves RESULTS.md alone (with --peer too). */
const ALL_OPS = ["t", "a", "b", "c", "d"];
const ops = option("ops", ALL_OPS.join(",")).split(",");
/** The side-by-side run with PostGraphile: (a) and (b) only, in rounds; the regular rows are not measured. */
const peerRun = flag("peer");
const rounds = Number(option("rounds", "5"));
const generalOps = peerRun ? [] : ops;
const partial = peerRun || ALL_OPS.some((op) => !ops.includes(op));
/** A side-by-side run of only one of (a) and (b) (`--peer --ops a`): its table is printed, the recorded run left as it is. */
const peerPartial = peerRun && !["a", "b"].every((op) => ops.includes(op));
const today = shanghaiToday();
const failures: string[] = [];

interface Measured {
  readonly name: string;
  readonly target: "graph" | "PostGraphile" | "floor";
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly statementsPerRequest: number;
  readonly cpuMsPerRequest: number;
  readonly bad: number;
  readonly rssMb: number;
}

/** Something that counts the SQL statements and CPU a process spends. */
interface Meter {
  statements(): Promise<number>;
  cpuMs(): number;
  rssMb(): number;
}

function graphMeter(server: ServerProcess): Meter {
  return {
    async statements() {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^hsg_db_statements_total (\d+)/m.exec(text)?.[1] ?? NaN);
    },
    cpuMs: () => server.cpuMs(),
    rssMb: () => server.rssMb(),
  };
}

async function load(
  name: string,
  target: Measured["target"],
  meter: Meter,
  endpoint: string,
  body: () => string,
  check: (status: number, body: string) => boolean,
  headers: Record<string, string> = {},
): Promise<Measured> {
  const run = (seconds: number) =>
    autocannon({
      url: endpoint,
      method: "POST",
      connections,
      duration: seconds,
      headers: { "content-type": "application/json", ...headers },
      requests: [
        {
          setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }),
          onResponse: (status: number, responseBody: string) => {
            if (!check(status, responseBody)) bad++;
          },
        },
      ],
    });
  let bad = 0;
  await run(warmup);
  bad = 0;
  const statements0 = await meter.statements();
  const cpu0 = meter.cpuMs();
  const db0 = databaseCpuMs();
  const result = await run(duration);
  const db1 = databaseCpuMs();
  const statements1 = await meter.statements();
  const cpu1 = meter.cpuMs();
  const requests = result.requests.total;
  // BENCH_DATABASE_DIRS: the database servers' CPU per request beside the API's.
  const databaseCpu = db0 && db1 ? Object.keys(db0).map((dir) => `${dir} ${((db1[dir]! - db0[dir]!) / requests).toFixed(2)}`).join(", ") : "";
  const measured: Measured = {
    name,
    target,
    requests,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statementsPerRequest: (statements1 - statements0) / requests,
    cpuMsPerRequest: (cpu1 - cpu0) / requests,
    bad: bad + result.non2xx + result.errors + result.timeouts,
    rssMb: meter.rssMb(),
  };
  if (measured.bad > 0) failures.push(`${name} (${target}): ${measured.bad} failed or wrong responses`);
  process.stderr.write(
    `  ${name} on the ${target}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.p99} ms, CPU ms/request ${measured.cpuMsPerRequest.toFixed(2)}` +
      (databaseCpu ? `; database CPU ms/request: ${databaseCpu}` : "") +
      "\n",
  );
  return measured;
}

async function startFloor(): Promise<{ url: string; meter: Meter; stop(): Promise<void> }> {
  const floor = await startScript("bench/floor-server.ts", url, poolMax);
  return {
    url: floor.url,
    meter: { statements: async () => Number(await (await fetch(`${floor.url}/statements`)).text()), cpuMs: floor.cpuMs, rssMb: floor.rssMb },
    stop: floor.stop,
  };
}

/** Time from spawning the production server on a fresh embedded database to /readyz, then a restart. */
async function measureStartup(): Promise<{ first: number; restart: number }> {
  const dir = mkdtempSync(join(tmpdir(), "hsg-start-"));
  try {
    const time = async () => {
      const t0 = performance.now();
      const server = await startServer(`file://${join(dir, "pglite")}`, { SEED_DEMO: "false" });
      const ms = performance.now() - t0;
      await server.stop();
      return ms;
    };
    return { first: await time(), restart: await time() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

ensureBuild();
console.log(`seeding ${policies.toLocaleString("en")} policies and ${cases.toLocaleString("en")} cases into BENCH_DATABASE_URL…`);
const seeded = await seedBenchDatabase(url, { policies, cases, today, fresh: flag("fresh") });
console.log(seeded.reused ? "  reused the existing data (pass --fresh to rebuild)" : `  seeded in ${seeded.seconds.toFixed(0)} s: ${JSON.stringify(seeded.rows)}`);

const sql = postgres(url, { max: 2, onnotice: () => {} });
const sample = (await sql<{ policy_no: string }[]>`select policy_no from policy where policy_no like 'BP%' order by md5(policy_no) limit 5000`).map((r) => r.policy_no);
const active = (await sql<{ policy_no: string }[]>`select policy_no from policy where policy_no like 'BP%' and status = 'ACTIVE' order by md5(policy_no || 'a') limit 20000`).map((r) => r.policy_no);
const contested = (
  await sql<{ policy_no: string }[]>`
    select p.policy_no from policy p join diagnosis d on d.policy_id = p.id and d.category = 'CRITICAL_ILLNESS'
    join entitlement e on e.policy_id = p.id and e.benefit_code = 'GREEN_CHANNEL_OUTPATIENT' and e.used + e.reserved < e.quota_total
    where p.status = 'ACTIVE' and p.policy_no like 'BP%' order by md5(p.policy_no) limit 100`
).map((r) => r.policy_no);
const prefixes = Array.from({ length: Math.max(1, Math.floor(policies / 1000)) }, (_, i) => `BP${String(i).padStart(5, "0")}`);
let n = 0;
const pick = <T>(list: readonly T[]) => list[n++ % list.length]!;
const runId = Date.now().toString(36);

const startup = partial ? null : await measureStartup();
const server = await startServer(serveUrl, { DATABASE_POOL_MAX: String(poolMax), DATABASE_FAST_PATH: fastPath });
const floor = await startFloor();
/** Node flags for PostGraphile (`--peer-node "--max-semi-space-size=32"`): by default it runs as it ships. */
const peerNodeFlags = option("peer-node", "").split(" ").filter(Boolean);
const peer = peerRun ? await startPeer(url, poolMax, peerNodeFlags) : undefined;
const graphUrl = `${server.url}/graphql`;
const auth = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };
const results: Measured[] = [];
const submitOutcomes = new Map<string, number>();
try {
  // Correctness first: the graph's answers against the floor's data.
  for (const policyNo of sample.slice(0, 40)) {
    const g = await graphql<{ policy: { entitlements: { benefit: string; quotaTotal: number | null; used: number; reserved: number }[]; insured: { idNumberMasked: string } } }>(server.url, ENTITLEMENTS, { policyNo });
    const f = (await (await fetch(`${floor.url}/a`, { method: "POST", body: JSON.stringify({ policyNo }) })).json()) as {
      policy: { id_number_masked: string; entitlements: { benefit_code: string; quota_total: number | null; used: number; reserved: number }[] };
    };
    const graphRows = g.data!.policy.entitlements.filter((e) => e.quotaTotal !== 0 || e.used > 0).map((e) => `${e.benefit}:${e.quotaTotal}:${e.used}:${e.reserved}`).sort();
    const floorRows = f.policy.entitlements.map((e) => `${e.benefit_code}:${e.quota_total}:${e.used}:${e.reserved}`).sort();
    if (JSON.stringify(graphRows) !== JSON.stringify(floorRows) || g.data!.policy.insured.idNumberMasked !== f.policy.id_number_masked) {
      failures.push(`entitlements of ${policyNo} differ: graph ${JSON.stringify(graphRows)} floor ${JSON.stringify(floorRows)}`);
    }
  }
  for (const prefix of prefixes.slice(0, 5)) {
    const g = await graphql<{ policies: { edges: { node: { policyNo: string; cases: { edges: { node: { caseNo: string } }[] } } }[] } }>(server.url, CONSOLE_PAGE, { prefix });
    const f = (await (await fetch(`${floor.url}/b`, { method: "POST", body: JSON.stringify({ prefix, first: 50 }) })).json()) as { policies: { policy_no: string; cases: { case_no: string }[] }[] };
    const graphPage = g.data!.policies.edges.map((e) => `${e.node.policyNo}:${e.node.cases.edges.map((c) => c.node.caseNo).join(",")}`);
    const floorPage = f.policies.map((p) => `${p.policy_no}:${p.cases.map((c) => c.case_no).join(",")}`);
    if (JSON.stringify(graphPage) !== JSON.stringify(floorPage)) failures.push(`the console page for ${prefix} differs from the floor's`);
  }

  // PostGraphile's answers against the graph's, for the same inputs.
  if (peer) {
    for (const policyNo of sample.slice(0, 40)) {
      const graph = await graphql<GraphEntitlements>(server.url, ENTITLEMENTS, { policyNo });
      const other = await graphql<PeerEntitlements>(peer.url, PEER_ENTITLEMENTS, { policyNo });
      const difference =
        graph.errors || other.errors
          ? `errors: ${JSON.stringify(graph.errors ?? other.errors)}`
          : answerDifference(graphEntitlementsAnswer(graph.data!), peerEntitlementsAnswer(other.data!));
      if (difference) failures.push(`PostGraphile's entitlements of ${policyNo} differ from the graph's: ${difference}`);
    }
    for (const prefix of prefixes.slice(0, 10)) {
      const graph = await graphql<GraphConsolePage>(server.url, CONSOLE_PAGE, { prefix });
      const other = await graphql<PeerConsolePage>(peer.url, PEER_CONSOLE_PAGE, { prefix });
      const difference =
        graph.errors || other.errors
          ? `errors: ${JSON.stringify(graph.errors ?? other.errors)}`
          : answerDifference(graphConsolePageAnswer(graph.data!), peerConsolePageAnswer(other.data!));
      if (difference) failures.push(`PostGraphile's console page for ${prefix} differs from the graph's: ${difference}`);
    }
  }

  const okGraph = (status: number, body: string) => status === 200 && !body.includes('"errors"');
  const okFloor = (status: number) => status === 200;
  const graphBody = (query: string, variables: () => Record<string, unknown>) => () => JSON.stringify({ query, variables: variables() });
  const g = graphMeter(server);

  if (generalOps.includes("t")) {
    results.push(await load("(t) empty request", "graph", g, graphUrl, graphBody(EMPTY, () => ({})), okGraph, auth));
    results.push(await load("(t) empty request", "floor", floor.meter, `${floor.url}/t`, () => JSON.stringify({}), okFloor));
  }
  if (generalOps.includes("a")) {
    results.push(await load("(a) entitlements", "graph", g, graphUrl, graphBody(ENTITLEMENTS, () => ({ policyNo: pick(sample) })), okGraph, auth));
    results.push(await load("(a) entitlements", "floor", floor.meter, `${floor.url}/a`, () => JSON.stringify({ policyNo: pick(sample) }), okFloor));
  }
  if (generalOps.includes("b")) {
    results.push(await load("(b) console page", "graph", g, graphUrl, graphBody(CONSOLE_PAGE, () => ({ prefix: pick(prefixes) })), okGraph, auth));
    results.push(await load("(b) console page", "floor", floor.meter, `${floor.url}/b`, () => JSON.stringify({ prefix: pick(prefixes), first: 50 }), okFloor));
  }
  let k = 0;
  if (generalOps.includes("c")) results.push(
    await load(
      "(c) submitCase",
      "graph",
      g,
      graphUrl,
      graphBody(SUBMIT, () => {
        k++;
        // One in ten goes for a quota-1 green channel on a few policies: contention on purpose.
        return k % 10 === 0
          ? { input: { idempotencyKey: `${runId}-${k}`, policyNo: pick(contested), benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "武汉" } }
          : { input: { idempotencyKey: `${runId}-${k}`, policyNo: pick(active), benefit: "FAMILY_DOCTOR", applicant: "INSURED" } };
      }),
      (status, body) => {
        if (status !== 200 || body.includes('"errors"')) return false;
        const codes = [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]!);
        const outcome = codes.length ? codes.join("+") : "SUBMITTED";
        submitOutcomes.set(outcome, (submitOutcomes.get(outcome) ?? 0) + 1);
        return true;
      },
      auth,
    ),
  );
  if (generalOps.includes("d")) results.push(
    await load("(d) caseMetrics", "graph", g, graphUrl, graphBody(METRICS, () => ({ from: addDays(today, -365), to: today })), okGraph, auth),
  );

  let peerReport = "";
  if (peer) {
    const peerMeter: Meter = {
      statements: async () => Number(await (await fetch(`${peer.url}/statements`)).text()),
      cpuMs: peer.cpuMs,
      rssMb: peer.rssMb,
    };
    const peerOps = [
      {
        key: "a",
        name: "(a) entitlements",
        graph: graphBody(ENTITLEMENTS, () => ({ policyNo: pick(sample) })),
        peer: graphBody(PEER_ENTITLEMENTS, () => ({ policyNo: pick(sample) })),
        floor: () => JSON.stringify({ policyNo: pick(sample) }),
      },
      {
        key: "b",
        name: "(b) console page",
        graph: graphBody(CONSOLE_PAGE, () => ({ prefix: pick(prefixes) })),
        peer: graphBody(PEER_CONSOLE_PAGE, () => ({ prefix: pick(prefixes) })),
        floor: () => JSON.stringify({ prefix: pick(prefixes), first: 50 }),
      },
    ].filter((op) => ops.includes(op.key));
    const targets = ["graph", "PostGraphile", "floor"] as const;
    const measured: (Measured & { round: number })[] = [];
    for (let round = 0; round < rounds; round++) {
      process.stderr.write(`round ${round + 1} of ${rounds}\n`);
      for (const op of peerOps) {
        // Each target goes first, second and third in turn: what the machine does meanwhile falls on all.
        for (const target of rotate(targets, round)) {
          const m =
            target === "graph"
              ? await load(op.name, target, g, graphUrl, op.graph, okGraph, auth)
              : target === "PostGraphile"
                ? await load(op.name, target, peerMeter, `${peer.url}/graphql`, op.peer, okGraph)
                : await load(op.name, target, floor.meter, `${floor.url}/${op.key}`, op.floor, okFloor);
          measured.push({ ...m, round });
        }
      }
    }
    const of = (name: string, target: string) => measured.filter((m) => m.name === name && m.target === target);
    const med = (list: readonly Measured[], value: (m: Measured) => number) => median(list.map(value));
    const rowsPeer = peerOps.flatMap((op) =>
      targets.map((target) => {
        const list = of(op.name, target);
        return [
          op.name,
          target,
          med(list, (m) => m.rps).toFixed(0),
          med(list, (m) => m.p50),
          med(list, (m) => m.p99),
          med(list, (m) => m.statementsPerRequest).toFixed(2),
          med(list, (m) => m.cpuMsPerRequest).toFixed(2),
          list.reduce((sum, m) => sum + m.bad, 0),
        ];
      }),
    );
    const ratio = (name: string, top: string, bottom: string) => {
      const upper = of(name, top);
      const lower = of(name, bottom);
      return upper.map((m, i) => m.rps / lower[i]!.rps);
    };
    const ratioRows = peerOps.map((op) => {
      const gp = ratio(op.name, "graph", "PostGraphile");
      const graph = of(op.name, "graph");
      const other = of(op.name, "PostGraphile");
      const p99NoWorse = graph.filter((m, i) => m.p99 <= other[i]!.p99).length;
      return [
        op.name,
        gp.map((r) => r.toFixed(2)).join(" "),
        median(gp).toFixed(2),
        median(ratio(op.name, "graph", "floor")).toFixed(2),
        median(ratio(op.name, "PostGraphile", "floor")).toFixed(2),
        `${p99NoWorse} of ${graph.length}`,
        targets.map((t) => med(of(op.name, t), (m) => m.cpuMsPerRequest).toFixed(2)).join(" / "),
      ];
    });
    peerReport = [
      `## Side by side with PostGraphile`,
      ``,
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench -- --peer --policies ${policies} --cases ${cases} --rounds ${rounds} --duration ${duration} --warmup ${warmup}${peerNodeFlags.length ? ` --peer-node "${peerNodeFlags.join(" ")}"` : ""}\`:`,
      `${policies.toLocaleString("en")} policies, ${cases.toLocaleString("en")} cases; PostGraphile ${PEER_VERSION} (amber preset, \`GRAPHILE_ENV=production\`,`,
      `a \`policyNoPrefix\` condition that reads the unique index on policy_no as a range, in order), the`,
      `production build at \`LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? "info"}\` with its Node flags (\`${SERVER_NODE_FLAGS.join(" ") || "none"}\`; PostGraphile: \`${peerNodeFlags.join(" ") || "none"}\`)`,
      `and the floor, each with a pool of ${poolMax}; ${connections} connections;`,
      `${rounds} rounds, each target first, second and third in turn. Values are medians over the rounds;`,
      `ratios are per round (req/s over req/s in the same round), then their median. ${cpus().length} cores shared`,
      `by the client, the servers and PostgreSQL: read the ratios, not the absolute numbers.`,
      ``,
      table(["operation", "target", "req/s", "p50 ms", "p99 ms", "SQL/request", "CPU ms/request", "bad"], rowsPeer),
      ``,
      table(
        ["operation", "graph ÷ PostGraphile, per round", "median", "graph ÷ floor", "PostGraphile ÷ floor", "graph p99 ≤ PostGraphile's", "CPU ms/request: graph / PostGraphile / floor"],
        ratioRows,
      ),
      ``,
      `- Answers: ${failures.some((f) => f.includes("PostGraphile")) ? "PostGraphile's differ from the graph's (see the failures)" : "PostGraphile's equal the graph's for 40 policies (a) and 10 prefixes (b)"}.`,
      ``,
    ].join("\n");
  }

  // No quota overspent, and every entitlement's counts are its cases'.
  const [quota] = await sql<{ overspent: number; inconsistent: number }[]>`
    with counted as (
      select policy_id, benefit_code,
        count(*) filter (where quota_effect = 'CONSUMED')::int as used,
        count(*) filter (where quota_effect = 'RESERVED')::int as reserved
      from service_case group by policy_id, benefit_code)
    select
      (select count(*) from entitlement where quota_total is not null and used + reserved > quota_total)::int as overspent,
      (select count(*) from entitlement e left join counted c using (policy_id, benefit_code)
        where e.used <> coalesce(c.used, 0) or e.reserved <> coalesce(c.reserved, 0))::int as inconsistent`;
  if (quota!.overspent > 0) failures.push(`${quota!.overspent} entitlements overspent`);
  if (quota!.inconsistent > 0) failures.push(`${quota!.inconsistent} entitlements disagree with their cases`);

  let soakLine = "";
  if (soak > 0) {
    const before = server.rssMb();
    const samples: number[] = [];
    const timer = setInterval(() => samples.push(server.rssMb()), 10_000);
    await autocannon({
      url: graphUrl,
      method: "POST",
      connections,
      duration: soak,
      headers: { "content-type": "application/json", ...auth },
      requests: [{ setupRequest: (r: autocannon.Request) => ({ ...r, body: JSON.stringify({ query: n % 2 ? ENTITLEMENTS : CONSOLE_PAGE, variables: n++ % 2 ? { policyNo: pick(sample) } : { prefix: pick(prefixes) } }) }) }],
    });
    clearInterval(timer);
    soakLine = `Soak: ${soak} s of (a) and (b) mixed; server RSS ${before.toFixed(0)} MB before, ${samples.map((s) => s.toFixed(0)).join(" → ")} MB every 10 s.`;
  }

  const floorOf = (r: Measured) => results.find((f) => f.target === "floor" && f.name === r.name);
  const rows = results.map((r) => {
    const f = r.target === "graph" ? floorOf(r) : undefined;
    return [
      r.name,
      r.target,
      r.rps.toFixed(0),
      f ? `${((r.rps / f.rps) * 100).toFixed(0)} %` : "",
      r.p50,
      r.p99,
      r.statementsPerRequest.toFixed(2),
      r.cpuMsPerRequest.toFixed(2),
      r.rssMb.toFixed(0),
      r.bad,
    ];
  });
  const headers = ["operation", "target", "req/s", "of floor", "p50 ms", "p99 ms", "SQL/request", "CPU ms/request", "RSS MB", "bad"];
  const [pg] = await sql<{ version: string }[]>`select version()`;
  const machine = [
    `- CPU: ${cpus().length} × ${cpus()[0]?.model ?? "unknown"}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free at the end)`,
    `- OS: Linux ${release()}; Node ${process.version}; ${pg!.version.split(",")[0]} on the same machine`,
    `- Data: ${policies.toLocaleString("en")} policies, ${cases.toLocaleString("en")} cases; ${connections} connections, ${warmup} s warm-up, ${duration} s per run`,
  ].join("\n");
  const outcomes = [...submitOutcomes].map(([o, c]) => `${o} ${c}`).join(", ");
  const report = [
    `# Benchmark results`,
    ``,
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench${large ? " -- --large" : ""}\`.`,
    ``,
    machine,
    ``,
    table(headers, rows),
    ``,
    `- submitCase outcomes: ${outcomes}.`,
    `- Quotas after the run: ${quota!.overspent} overspent, ${quota!.inconsistent} entitlements disagreeing with their cases.`,
    startup
      ? `- Start-up of the production build on a fresh embedded database (migrations, reference data): ${(startup.first / 1000).toFixed(1)} s to ready; restart on it: ${(startup.restart / 1000).toFixed(1)} s.`
      : "- Start-up not measured (a partial run).",
    soakLine ? `- ${soakLine}` : `- No soak run (pass --soak 300 for a 5-minute memory check).`,
    `- Correctness: ${failures.length ? failures.join("; ") : "answers match the floor's data, no failed responses, no quota overspent"}.`,
    ``,
  ].join("\n");
  if (peerReport) {
    console.log(`\n${peerReport}`);
    if (!flag("no-write") && !failures.length && !peerPartial) writeSection(peerReport, "<!-- peer: written by npm run bench -- --peer -->", "<!-- end of peer -->");
  } else {
    console.log(`\n${report}`);
    if (!flag("no-write") && !partial) writeResults(report);
  }
} finally {
  await peer?.stop();
  await floor.stop();
  await server.stop();
  await sql.end();
}
if (failures.length) {
  console.error(`\nbenchmark checks failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exitCode = 1;
}

/** Replaces the measured section of bench/RESULTS.md, keeping the notes around it. */
function writeResults(report: string): void {
  writeSection(report, "<!-- measured: written by npm run bench -->", "<!-- end of measured -->");
}

/** Replaces the section between two markers of bench/RESULTS.md; a new one goes after the measured section. */
function writeSection(report: string, start: string, end: string): void {
  const path = join(ROOT, "bench/RESULTS.md");
  const section = `${start}\n${report}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from >= 0 && to > from) return writeFileSync(path, `${current.slice(0, from)}${section}${current.slice(to + end.length)}`);
  const measuredEnd = "<!-- end of measured -->";
  const at = current.indexOf(measuredEnd);
  writeFileSync(path, at >= 0 ? `${current.slice(0, at + measuredEnd.length)}\n\n${section}${current.slice(at + measuredEnd.length)}` : `${section}\n\n${current}`);
}
