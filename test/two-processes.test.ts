// Two real API processes on one PostgreSQL database, a mixed load through both: the invariants hold
// across processes because they live in the database.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/driver/rows.js";
import { createEmptyPostgresDatabase, openTestDatabase, postgresAvailable } from "./support/databases.js";
import { openDatabase, type DatabaseHandle } from "../src/db/client.js";
import { installQueueSchema } from "../src/webhooks/job-queue.js";
import { createLogger } from "../src/logging/logger.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const KEY = "two-process-admin-key-0123456789";

async function startProcess(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(tsx, ["src/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: url, ADMIN_API_KEY: KEY, SEED_DEMO: "0", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let exited: number | null = null;
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  child.once("exit", (code) => (exited = code ?? -1));
  // A process that fails to start says why at once (stderr and its exit), rather than being waited for.
  for (let i = 0; i < 1200; i++) {
    const port = /"port":(\d+)/.exec(out)?.[1];
    if (port) return { child, base: `http://127.0.0.1:${port}` };
    if (exited !== null) throw new Error(`the server exited with ${exited} before serving: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not start: ${out}`);
}

const gql = (base: string, query: string, variables?: unknown) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }) });

describe.runIf(postgresAvailable())("the job queue's schema on a fresh database", () => {
  it("is installed by two processes at once without either failing, and once", async () => {
    const empty = await createEmptyPostgresDatabase();
    const handles = await Promise.all([0, 1].map(() => openDatabase({ kind: "postgres", url: empty.url }, { maxConnections: 2 })));
    try {
      // Unserialised, graphile-worker's installer loses one of the two to a duplicate key on pg_namespace.
      const results = await Promise.allSettled(handles.map((h) => installQueueSchema(h.db, empty.url, createLogger("silent"))));
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "installed"))).toEqual(["installed", "installed"]);
      const rows = await queryRows<{ id: number; n: number }>(handles[0]!.db, sql`select count(*)::int as n, count(distinct id)::int as id from graphile_worker.migrations`);
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect(rows[0]!.id).toBe(rows[0]!.n);
    } finally {
      for (const h of handles) await h.close();
      await empty.drop();
    }
  }, 60_000);
});

describe.runIf(postgresAvailable())("two API processes on one database", () => {
  let database: DatabaseHandle & { url?: string };
  const processes: { child: ChildProcess; base: string }[] = [];
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    processes.push(...(await Promise.all([startProcess(database.url!), startProcess(database.url!)])));
  }, 180_000);
  afterAll(async () => {
    for (const p of processes) p.child.kill("SIGTERM");
    await Promise.all(processes.map((p) => new Promise((r) => p.child.once("exit", r))));
    await database?.close();
  });

  it("serve a mixed load: one case for a quota-1 benefit, every read answered, no 5xx", async () => {
    const a = processes[0]!;
    const b = processes[1]!;
    const upsert = await gql(a.base, `mutation($i: UpsertPolicyInput!) { upsertPolicy(input: $i) { userErrors { code } } }`, {
      i: { policyNo: "TWO-1", status: "ACTIVE", effectiveFrom: "2025-01-01", effectiveTo: "2030-12-31", waitingPeriodEndsOn: "2025-03-31", hasSocialInsurance: true, insured: { name: "两进程" } },
    });
    expect(upsert.status).toBe(200);
    await gql(b.base, `mutation { recordDiagnosis(input: { policyNo: "TWO-1", category: CRITICAL_ILLNESS, firstDiagnosedOn: "2025-06-01" }) { userErrors { code } } }`);
    const submit = (base: string, i: number) =>
      gql(base, `mutation($i: SubmitCaseInput!) { submitCase(input: $i) { serviceCase { caseNo } userErrors { code } } }`, {
        i: { idempotencyKey: `two-${i}`, policyNo: "TWO-1", benefit: "SECOND_OPINION", applicant: "INSURED" },
      });
    const read = (base: string) => gql(base, `{ policy(policyNo: "TWO-1") { entitlements { benefit remaining } } services { code } }`);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? read(i % 2 ? a.base : b.base) : submit(i % 2 ? a.base : b.base, i))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { data?: { submitCase?: { serviceCase: unknown } } }[];
    expect(bodies.filter((b) => b.data?.submitCase?.serviceCase).length).toBe(1);
    const [row] = await queryRows<{ used: number; reserved: number }>(
      database.db,
      sql`select used, reserved from entitlement e join policy p on p.id = e.policy_id where p.policy_no = 'TWO-1' and e.benefit_code = 'SECOND_OPINION'`,
    );
    expect(row).toEqual({ used: 0, reserved: 1 });
  }, 90_000);
});
