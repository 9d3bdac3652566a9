// The raw-SQL floor: the data of operations (a) and (b) read with postgres.js and hand-written SQL
// behind a bare node:http server, JSON out. No GraphQL, no rules, no authentication: what the graph
// is measured against. Run as its own process, like the server.
//   DATABASE_URL=… PORT=… node --import tsx bench/floor-server.ts
import { createServer } from "node:http";
import postgres from "postgres";

// The same pool size as the graph in the same run (DATABASE_POOL_MAX, the server's default otherwise).
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
let statements = 0;

async function policyEntitlements(policyNo: string) {
  statements += 3;
  const [policy] = await sql`
    select p.id, p.policy_no, p.status, p.effective_from::text, p.effective_to::text, p.waiting_period_ends_on::text,
           p.has_social_insurance, i.name, i.id_number_masked, i.phone_masked
    from policy p join person i on i.id = p.insured_id where p.policy_no = ${policyNo}`;
  if (!policy) return { policy: null };
  const [diagnoses, entitlements] = await Promise.all([
    sql`select category, first_diagnosed_on::text from diagnosis where policy_id = ${policy.id} order by first_diagnosed_on`,
    sql`select benefit_code, quota_total, used, reserved from entitlement where policy_id = ${policy.id} order by benefit_code`,
  ]);
  return { policy: { ...policy, diagnoses, entitlements } };
}

async function policyPage(prefix: string, first: number) {
  statements += 3;
  const policies = await sql`
    select id, policy_no, status from policy where policy_no like ${`${prefix}%`} order by policy_no limit ${first}`;
  const ids = policies.map((p) => p.id as string);
  const [entitlements, cases] = await Promise.all([
    sql`select policy_id, benefit_code, quota_total, used, reserved from entitlement where policy_id = any(${ids}::uuid[]) order by policy_id, benefit_code`,
    sql`select c.policy_id, c.case_no, c.status, c.benefit_code, c.submitted_at, c.sla_due_on::text, c.sla_met_on::text
        from unnest(${ids}::uuid[]) as p(id)
        cross join lateral (select * from service_case c where c.policy_id = p.id order by c.case_no desc limit 5) c`,
  ]);
  const byPolicy = <T extends { policy_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.policy_id, [...(map.get(r.policy_id) ?? []), r]);
    return map;
  };
  const e = byPolicy(entitlements as unknown as { policy_id: string }[]);
  const c = byPolicy(cases as unknown as { policy_id: string }[]);
  return { policies: policies.map((p) => ({ ...p, entitlements: e.get(p.id) ?? [], cases: c.get(p.id) ?? [] })) };
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/statements") {
    res.end(String(statements));
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { policyNo?: string; prefix?: string; first?: number };
      const result =
        req.url === "/t"
          ? { data: { __typename: "Query" } } // (t): a request with no data, to set against the graph's empty request
          : req.url === "/a"
            ? await policyEntitlements(body.policyNo ?? "")
            : await policyPage(body.prefix ?? "", body.first ?? 50);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(result));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => {
  server.close();
  void sql.end({ timeout: 1 }).then(() => process.exit(0));
});
