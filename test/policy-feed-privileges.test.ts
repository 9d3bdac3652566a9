// The policy feed as a database role that is not a superuser (decision 0094): without the right to
// set session_replication_role, every row's foreign keys are checked by the database as before, and
// the feed loads the same; granted that one parameter (PostgreSQL 15+), it checks once a batch.
// PostgreSQL only: PGlite has one user, a superuser.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { importPolicies } from "../src/db/policy-feed/import-policies.js";
import { canCheckPerBatch } from "../src/db/policy-feed/merge-batch.js";
import { DEVELOPMENT_PII_KEY } from "../src/config/config.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { openTestDatabase, postgresAvailable } from "./support/databases.js";
import { policyInput } from "./support/fixtures.js";

const pii = createPiiProtector(DEVELOPMENT_PII_KEY);
const record = (policyNo: string) => JSON.stringify(policyInput(policyNo, { benefits: ["FAMILY_DOCTOR", "SECOND_OPINION"] }));
async function* linesOf(lines: readonly string[]): AsyncGenerator<string> {
  yield* lines;
}

describe.runIf(postgresAvailable())("the policy feed as a role that is not a superuser", () => {
  const role = `hsg_feed_${randomBytes(4).toString("hex")}`;
  let owner: DatabaseHandle & { url?: string };
  let asRole: DatabaseHandle;
  const admin = () => postgres(owner.url!, { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    owner = await openTestDatabase("postgres");
    const sqlAdmin = admin();
    try {
      await sqlAdmin.unsafe(`create role ${role} login`);
      await sqlAdmin.unsafe(`grant usage on schema public to ${role}`);
      await sqlAdmin.unsafe(`grant select, insert, update, delete on all tables in schema public to ${role}`);
      await sqlAdmin.unsafe(`grant usage, select on all sequences in schema public to ${role}`);
    } finally {
      await sqlAdmin.end();
    }
    const url = new URL(owner.url!);
    url.username = role;
    asRole = await openDatabase({ kind: "postgres", url: url.toString() }, { maxConnections: 2 });
  });
  afterAll(async () => {
    await asRole?.close();
    const sqlAdmin = admin();
    try {
      await sqlAdmin.unsafe(`drop owned by ${role}`);
      await sqlAdmin.unsafe(`drop role if exists ${role}`);
    } finally {
      await sqlAdmin.end();
    }
    await owner?.close();
  });

  const load = (lines: readonly string[]) =>
    importPolicies(asRole.db, { source: "feed.jsonl", format: "JSONL", pii, today: "2026-03-02", batchSize: 2, lines: linesOf(lines), onReject: () => {} });
  const stored = async (prefix: string) =>
    (await queryRows<{ n: number }>(owner.db, sql`select count(*)::int as n from entitlement e join policy p on p.id = e.policy_id where p.policy_no like ${`${prefix}%`}`))[0]!.n;

  it("checks every row's foreign keys when it may not turn the triggers off, and loads the same", async () => {
    expect(await canCheckPerBatch(asRole.db)).toBe(false);
    const summary = await load([record("PRIV-A1"), record("PRIV-A2"), record("PRIV-A3")]);
    expect(summary).toMatchObject({ read: 3, inserted: 3, rejected: 0 });
    expect(await stored("PRIV-A")).toBe(6);
  });

  it("checks once a batch when granted SET on session_replication_role, and loads the same", async () => {
    const sqlAdmin = admin();
    try {
      await sqlAdmin.unsafe(`grant set on parameter session_replication_role to ${role}`);
    } finally {
      await sqlAdmin.end();
    }
    expect(await canCheckPerBatch(asRole.db)).toBe(true);
    const summary = await load([record("PRIV-B1"), record("PRIV-B2"), record("PRIV-B3")]);
    expect(summary).toMatchObject({ read: 3, inserted: 3, rejected: 0 });
    expect(await stored("PRIV-B")).toBe(6);
  });
});
