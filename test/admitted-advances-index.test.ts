// ADVANCE.提示.2.1 "如被保险人之前已因相同疾病住院成功申请过我司垫付服务": every entitlement screen
// and every advance's submission read a policy's advances that reached admission for an illness.
// The read goes to the small partial index of such cases (migration 0031, record 0106), not to every
// case of the policy: its conditions must keep implying the index's (a condition written another
// way, a parameter in place of 'ADMITTED', and the index is silently unused). What the read answers
// is tested through the API (test/case-workflow.e2e.test.ts, the ADVANCE cases).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { ADVANCES_ADMITTED } from "../src/context/loaders.js";
import { openTestDatabase, testTargets } from "./support/databases.js";

/** The names of the indexes a JSON plan reads, at any depth. */
function indexesRead(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(indexesRead);
  if (!plan || typeof plan !== "object") return [];
  const node = plan as Record<string, unknown>;
  return [...(typeof node["Index Name"] === "string" ? [node["Index Name"]] : []), ...Object.values(node).flatMap(indexesRead)];
}

describe.each(testTargets())("the earlier advances of a policy on %s", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("are read from the partial index of admitted advances, not from every case of the policy", async () => {
    const markers = ADVANCES_ADMITTED.values.map((value) => sql`${sql.param(value)}`);
    const read = sql`select ${ADVANCES_ADMITTED.column(sql`${sql.param(randomUUID())}::uuid`, markers)} as admitted`;
    const plan = await database.db.transaction(async (tx) => {
      // Only the indexes compete: on a test database's few rows a sequential scan would win.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = (await tx.execute(sql`explain (format json) ${read}`)) as unknown as { rows?: unknown[] } | unknown[];
      return Array.isArray(rows) ? rows : rows.rows;
    });
    const indexes = indexesRead(plan);
    expect(indexes).toContain("service_case_admitted_idx");
    expect(indexes).not.toContain("service_case_policy_case_no_idx");
  });
});
