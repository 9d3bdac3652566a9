// On the cluster of `npm run cluster:up` (scripts/cluster.sh): two API processes under a submission
// load, the primary's node killed (SIGKILL of its pg_autoctl and its postmaster), the synchronous
// secondary promoted by the monitor. The API reconnects by itself through its several-host URL;
// /readyz says 503 while no primary takes writes and 200 after; afterwards every acknowledged case
// is there once and every quota equals its cases; a submission retried with its idempotency key
// makes no second case. Run with `npm run test:cluster` (not part of `npm test`).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { createLogger } from "../../src/logging/logger.js";
import { watchReplica } from "../../src/services/replica-reads.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CLUSTER = `${root}.data/cluster`;
const MONITOR = "postgres://autoctl_node@127.0.0.1:55432/pg_auto_failover?sslmode=disable";
const URL_RW = "postgres://postgres@127.0.0.1:55433,127.0.0.1:55434/hsg?target_session_attrs=read-write";
const KEY = "cluster-test-admin-key-0123456789";
const RUN = Date.now().toString(36);
const POLICIES = 120;

interface Api {
  child: ChildProcess;
  base: string;
  out: () => string;
}

async function startApi(): Promise<Api> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: URL_RW, ADMIN_API_KEY: KEY, SEED_DEMO: "0", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let exited: number | null = null;
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  child.once("exit", (code) => (exited = code ?? -1));
  for (let i = 0; i < 1200; i++) {
    const port = /"port":(\d+)/.exec(out)?.[1];
    if (port) return { child, base: `http://127.0.0.1:${port}`, out: () => out };
    if (exited !== null) throw new Error(`the API exited with ${exited}: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the API did not start: ${out}`);
}

async function gql(base: string, query: string, variables?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

const SUBMIT = `mutation($i: SubmitCaseInput!) { submitCase(input: $i) { serviceCase { caseNo } userErrors { code } } }`;

describe("failover of the primary under a submission load from two API processes", () => {
  const apis: Api[] = [];
  const monitor = postgres(MONITOR, { max: 1, onnotice: () => {} });
  beforeAll(async () => {
    apis.push(...(await Promise.all([startApi(), startApi()])));
  }, 180_000);
  afterAll(async () => {
    for (const a of apis) a.child.kill("SIGTERM");
    await Promise.all(apis.map((a) => new Promise((r) => (a.child.exitCode !== null ? r(null) : a.child.once("exit", r)))));
    await monitor.end();
    // The killed node rejoins as a secondary (cluster:up is idempotent), ready for the next run.
    execFileSync("bash", [`${root}scripts/cluster.sh`, "up"], { stdio: "ignore", timeout: 170_000 });
  }, 180_000);

  it("loses no acknowledged case, keeps every quota, and answers /readyz 503 then 200", async () => {
    const [a, b] = [apis[0]!, apis[1]!];
    const policyNo = (i: number) => `FO-${RUN}-${i}`;
    for (let i = 0; i < POLICIES; i++) {
      const api = i % 2 ? a : b;
      const up = await gql(api.base, `mutation($i: UpsertPolicyInput!) { upsertPolicy(input: $i) { userErrors { code } } }`, {
        i: { policyNo: policyNo(i), status: "ACTIVE", effectiveFrom: "2025-01-01", effectiveTo: "2030-12-31", waitingPeriodEndsOn: "2025-03-31", hasSocialInsurance: true, insured: { name: "故障切换" } },
      });
      expect(up.body?.data?.upsertPolicy?.userErrors).toEqual([]);
      const dx = await gql(api.base, `mutation($p: String!) { recordDiagnosis(input: { policyNo: $p, category: CRITICAL_ILLNESS, firstDiagnosedOn: "2025-06-01" }) { userErrors { code } } }`, { p: policyNo(i) });
      expect(dx.body?.data?.recordDiagnosis?.userErrors).toEqual([]);
    }
    const primaryName = (await monitor<{ nodename: string }[]>`select nodename from pgautofailover.node where goalstate = 'primary' and reportedstate = 'primary'`)[0]?.nodename;
    expect(primaryName).toBeDefined();

    // Readiness, sampled every 100 ms on both processes.
    const readiness: { at: number; api: number; status: number; ms: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await Promise.all(
          [a, b].map(async (api, n) => {
            const asked = Date.now();
            const status = await fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
            readiness.push({ at: Date.now(), api: n, status, ms: Date.now() - asked });
          }),
        );
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    // Submissions: one per policy (a quota of one each), 8 at a time over both processes; a failed
    // one is retried with its idempotency key until it is answered.
    const acknowledged = new Map<string, string>();
    const failures: { status: number; code: string }[] = [];
    /** Every submission attempt: when it was sent, how long its answer took, whether it made a case. */
    const attempts: { at: number; ms: number; ok: boolean }[] = [];
    let killedAt = 0;
    let next = 0;
    const submitter = async () => {
      for (let i = next++; i < POLICIES; i = next++) {
        for (let attempt = 0; ; attempt++) {
          const api = (i + attempt) % 2 ? a : b;
          const sentAt = Date.now();
          const r = await gql(api.base, SUBMIT, { i: { idempotencyKey: `fo-${RUN}-${i}`, policyNo: policyNo(i), benefit: "SECOND_OPINION", applicant: "INSURED" } }).catch(
            (e: unknown) => ({ status: 0, body: { errors: [{ extensions: { code: String(e) } }] } }),
          );
          const caseNo = r.body?.data?.submitCase?.serviceCase?.caseNo as string | undefined;
          attempts.push({ at: sentAt, ms: Date.now() - sentAt, ok: caseNo !== undefined });
          if (caseNo) {
            const before = acknowledged.get(policyNo(i));
            expect(before === undefined || before === caseNo).toBe(true); // the retry answers the same case
            acknowledged.set(policyNo(i), caseNo);
            break;
          }
          failures.push({ status: r.status, code: r.body?.errors?.[0]?.extensions?.code ?? JSON.stringify(r.body?.data?.submitCase?.userErrors) });
          expect(r.status).not.toBe(500);
          expect(attempt, `still failing: ${JSON.stringify(r.body)}; ${api.child.exitCode !== null ? `the API exited (${api.child.exitCode}): ${api.out().slice(-2000).replace(/\{"level":30[^\n]*\n/g, "")}` : ""}`).toBeLessThan(300);
          await new Promise((res) => setTimeout(res, 100));
        }
        if (i === Math.floor(POLICIES / 3) && killedAt === 0) {
          killedAt = Date.now();
          killNode(primaryName!);
        }
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    await Promise.all(Array.from({ length: 8 }, submitter));
    // Until both processes are ready again.
    for (let i = 0; i < 600; i++) {
      const last = readiness.filter((r) => r.at > killedAt).slice(-2);
      if (last.length === 2 && last.every((r) => r.status === 200)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    sampling = false;
    await sampler;

    const newPrimary = (await monitor<{ nodename: string }[]>`select nodename from pgautofailover.node where reportedstate in ('primary', 'wait_primary') and nodename <> ${primaryName!}`)[0]?.nodename;
    expect(newPrimary).toBeDefined();

    for (const api of [a, b]) expect(api.child.exitCode, `an API process exited: ${api.out().slice(-3000)}`).toBeNull();
    const after = readiness.filter((r) => r.at >= killedAt);
    const notReady = after.filter((r) => r.status !== 200);
    process.stdout.write(`readiness after the kill: ${JSON.stringify(after.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {}))}\n`);
    expect(notReady.length).toBeGreaterThan(0); // 503 (or no answer) while no primary took writes
    expect(notReady.every((r) => r.status === 503)).toBe(true);
    const lastNotReady = Math.max(...notReady.map((r) => r.at));
    expect(after.some((r) => r.at > lastNotReady && r.status === 200)).toBe(true);

    // Every failure was retryable: an answered one said so (SERVICE_UNAVAILABLE, never a masked
    // INTERNAL_SERVER_ERROR, never a 500); an unanswered one is the client's 15 s timeout while the
    // process waited on the dead primary's connection. Every policy has its one case now.
    const answered = failures.filter((f) => f.status !== 0);
    expect(answered.filter((f) => f.code !== "SERVICE_UNAVAILABLE"), "answered failures that were not SERVICE_UNAVAILABLE").toEqual([]);
    expect(acknowledged.size).toBe(POLICIES);
    const db = postgres(URL_RW, { max: 1, onnotice: () => {} });
    try {
      const rows = await db<{ policy_no: string; cases: number; case_nos: string[]; used: number; reserved: number }[]>`
        select p.policy_no, count(c.id)::int as cases, array_agg(c.case_no) filter (where c.id is not null) as case_nos, e.used, e.reserved
        from policy p
        join entitlement e on e.policy_id = p.id and e.benefit_code = 'SECOND_OPINION'
        left join service_case c on c.policy_id = p.id and c.benefit_code = 'SECOND_OPINION' and c.status <> 'CANCELLED'
        where p.policy_no like ${`FO-${RUN}-%`}
        group by p.policy_no, e.used, e.reserved`;
      expect(rows).toHaveLength(POLICIES);
      for (const row of rows) {
        expect(row.cases).toBe(1);
        expect(row.case_nos).toEqual([acknowledged.get(row.policy_no)]);
        expect(row.used + row.reserved).toBe(row.cases);
      }
    } finally {
      await db.end();
    }
    const windowMs = notReady.length ? lastNotReady - Math.min(...notReady.map((r) => r.at)) : 0;
    // How fast answers came while no primary took writes: the submissions sent in the window and
    // the readiness probes (each probe has a one-second deadline).
    const firstNotReady = notReady.length ? Math.min(...notReady.map((r) => r.at)) : killedAt;
    const inWindow = attempts.filter((t) => t.at >= killedAt && t.at <= lastNotReady);
    const slowest = (xs: { ms: number }[]) => (xs.length ? Math.max(...xs.map((x) => x.ms)) : 0);
    const median = (xs: { ms: number }[]) => (xs.length ? [...xs.map((x) => x.ms)].sort((x, y) => x - y)[Math.floor(xs.length / 2)]! : 0);
    process.stdout.write(
      `in the window (${killedAt}–${lastNotReady}, first 503 ${firstNotReady - killedAt} ms after the kill): ${inWindow.length} submissions sent, ` +
        `${inWindow.filter((t) => !t.ok).length} failed (median ${median(inWindow.filter((t) => !t.ok))} ms, slowest ${slowest(inWindow.filter((t) => !t.ok))} ms), ` +
        `${inWindow.filter((t) => t.ok).length} answered with a case (slowest ${slowest(inWindow.filter((t) => t.ok))} ms); /readyz slowest ${slowest(notReady)} ms\n`,
    );
    process.stdout.write(
      `failover: ${primaryName} killed, ${newPrimary} primary; /readyz not 200 for ${windowMs} ms; ${failures.length} failed requests (${[...new Set(failures.map((f) => `${f.status} ${f.code}`))].join(", ")}), each retried with its idempotency key\n`,
    );
  }, 300_000);

  // After the failover the promoted node still answers the replay position and the time of the last
  // transaction it replayed as a standby (PostgreSQL keeps them static once recovery ends). A lag read
  // from those would grow from the failover on, and BI reads (READ_DATABASE_URL on that node, or on a
  // database it serves, as test/metrics.e2e.test.ts's "replica" through PgBouncer) would go to the
  // primary for good: a server out of recovery has no lag.
  it("measures no replica lag on the node promoted by the failover", async () => {
    // The killed node keeps its last report, 'primary', while its goal is draining or demoted.
    let promoted: { nodename: string; nodeport: number } | undefined;
    for (let i = 0; i < 300 && !promoted; i++) {
      [promoted] = await monitor<{ nodename: string; nodeport: number }[]>`
        select nodename, nodeport from pgautofailover.node
        where reportedstate in ('primary', 'wait_primary') and goalstate = reportedstate`;
      if (!promoted) await new Promise((r) => setTimeout(r, 100));
    }
    expect(promoted).toBeDefined();
    const url = `postgres://postgres@127.0.0.1:${promoted!.nodeport}/hsg`;
    const direct = postgres(url, { max: 1, onnotice: () => {} });
    const [standing] = await direct<{ recovering: boolean; replayed: string | null; since: number | null }[]>`
      select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as replayed,
             extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since`;
    await direct.end();
    // The case this is about: a primary that replayed WAL as a standby before its promotion.
    expect(standing!.recovering).toBe(false);
    expect(standing!.replayed, `${promoted!.nodename} was not promoted by the failover`).not.toBeNull();
    const maxLagSeconds = 1;
    if ((standing!.since ?? 0) <= maxLagSeconds) await new Promise((r) => setTimeout(r, (maxLagSeconds + 0.5 - (standing!.since ?? 0)) * 1000));
    const main = await openDatabase({ kind: "postgres", url: URL_RW }, { maxConnections: 1 });
    const replica = await openDatabase({ kind: "postgres", url }, { maxConnections: 1 });
    try {
      const reads = watchReplica(main.db, replica.db, { maxLagSeconds, everyMs: 60_000, logger: createLogger("silent") });
      await reads.check();
      reads.stop();
      expect(reads.lagSeconds()).toBe(0);
      expect(reads.database()).toBe(replica.db);
    } finally {
      await replica.close();
      await main.close();
    }
  });
});

/** The node's "machine" dies: its pg_autoctl session and its postmaster, SIGKILL. */
function killNode(name: string): void {
  const postmaster = Number(readFileSync(`${CLUSTER}/${name}/postmaster.pid`, "utf8").split("\n")[0]);
  const session = Number(readFileSync(`${CLUSTER}/${name}.pid`, "utf8").trim());
  for (const target of [-session, postmaster]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
