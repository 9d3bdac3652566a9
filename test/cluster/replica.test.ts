// On the cluster of `npm run cluster:up`: BI reads (caseMetrics) on the asynchronous streaming
// replica (READ_DATABASE_URL). A case written on the primary appears in the metrics once the
// replica has replayed it; /metrics shows the replica's lag; a replica that stops replaying falls
// behind past READ_REPLICA_MAX_LAG_SECONDS and the reads go to the primary (logged), never staler
// than the setting; once it catches up they return to it. Run with `npm run test:cluster`.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const URL_RW = "postgres://postgres@127.0.0.1:55433,127.0.0.1:55434/hsg?target_session_attrs=read-write";
const URL_REPLICA = "postgres://postgres@127.0.0.1:55435/hsg";
const KEY = "cluster-test-admin-key-0123456789";
const RUN = Date.now().toString(36);
const MAX_LAG = 2;

describe("BI reads on the streaming replica", () => {
  let child: ChildProcess;
  let out = "";
  let base = "";
  const replica = postgres(URL_REPLICA, { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: URL_RW,
        READ_DATABASE_URL: URL_REPLICA,
        READ_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG),
        READ_REPLICA_CHECK_MS: "200",
        ADMIN_API_KEY: KEY,
        SEED_DEMO: "0",
        LOG_LEVEL: "info",
        RATE_LIMIT_PER_MINUTE: "0",
        WEBHOOK_WORKER: "0",
        SLA_SWEEP_SECONDS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (out += String(d)));
    child.stderr!.on("data", (d) => (out += String(d)));
    for (let i = 0; i < 1200 && !base; i++) {
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port) base = `http://127.0.0.1:${port}`;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(base, out).not.toBe("");
  }, 180_000);

  afterAll(async () => {
    await replica`select pg_wal_replay_resume()`.catch(() => {});
    await replica.end();
    child?.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  });

  const gql = async (query: string, variables?: unknown) => {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as any;
  };
  const openCase = async (n: number) => {
    const policyNo = `RR-${RUN}-${n}`;
    await gql(`mutation($i: UpsertPolicyInput!) { upsertPolicy(input: $i) { userErrors { code } } }`, {
      i: { policyNo, status: "ACTIVE", effectiveFrom: "2025-01-01", effectiveTo: "2030-12-31", waitingPeriodEndsOn: "2025-03-31", hasSocialInsurance: true, insured: { name: "只读副本" } },
    });
    await gql(`mutation($p: String!) { recordDiagnosis(input: { policyNo: $p, category: CRITICAL_ILLNESS, firstDiagnosedOn: "2025-06-01" }) { userErrors { code } } }`, { p: policyNo });
    const r = await gql(`mutation($i: SubmitCaseInput!) { submitCase(input: $i) { serviceCase { caseNo } userErrors { code } } }`, {
      i: { idempotencyKey: `rr-${RUN}-${n}`, policyNo, benefit: "SECOND_OPINION", applicant: "INSURED" },
    });
    expect(r.data?.submitCase?.userErrors).toEqual([]);
  };
  const cases = async () => {
    const r = await gql(`{ caseMetrics(groupBy: [SERVICE], filter: { services: [SECOND_OPINION] }) { cases } }`);
    return (r.data?.caseMetrics as { cases: number }[] | undefined)?.reduce((n, row) => n + row.cases, 0) ?? -1;
  };
  const lagGauge = async () => Number(/^hsg_replica_lag_seconds (\S+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
  const waitFor = async (what: () => Promise<boolean>, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; ) {
      if (await what()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  it("shows a case written on the primary once the replica replayed it, and falls back to the primary while the replica lags past the setting", async () => {
    const before = await cases();
    await openCase(1);
    // Replayed within moments: the metrics read there show it, and the lag is within the setting.
    expect(await waitFor(async () => (await cases()) === before + 1, 15_000)).toBe(true);
    const lag = await lagGauge();
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(MAX_LAG);
    expect(out).not.toContain("BI reads go to the primary");

    // The replica stops replaying: it falls behind, and past MAX_LAG the reads go to the primary.
    await replica`select pg_wal_replay_pause()`;
    await openCase(2);
    const fellBack = await waitFor(async () => out.includes("BI reads go to the primary"), 15_000);
    expect(fellBack, out.slice(-2000)).toBe(true);
    expect(await lagGauge()).toBeGreaterThan(MAX_LAG);
    expect(await cases()).toBe(before + 2); // the primary's answer: the case the replica has not replayed
    const [paused] = await replica<{ n: number }[]>`select count(*)::int as n from service_case where idempotency_key = ${`rr-${RUN}-2`}`;
    expect(paused!.n).toBe(0); // the replica really is behind

    // Replaying again, it catches up and the reads return to it.
    await replica`select pg_wal_replay_resume()`;
    expect(await waitFor(async () => out.includes("BI reads go to the read replica again"), 15_000)).toBe(true);
    expect(await cases()).toBe(before + 2);
  });
});
