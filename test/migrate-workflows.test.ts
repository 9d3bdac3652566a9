// Migration 0017 gives cases opened before the workflows their stage, handbook step and milestones.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { migrate, MIGRATIONS_FOLDER } from "../src/db/migrate.js";
import { queryRows } from "../src/db/driver/rows.js";
import { seed } from "../src/db/seed/seed.js";
import { DEVELOPMENT_PII_KEY } from "../src/config/config.js";
import { createPiiProtector } from "../src/security/pii-protector.js";

/** The migrations as they stood before the workflows (0000–0016). */
function migrationsBeforeWorkflows(): string {
  const folder = mkdtempSync(join(tmpdir(), "hsg-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 16);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe("migration 0017 on cases opened before the workflows", () => {
  it("sets stage, step and milestones from their status and timestamps", async () => {
    const folder = migrationsBeforeWorkflows();
    const handle = await openDatabase({ kind: "pglite-memory" });
    try {
      await migrate(handle.db, folder);
      await seed(handle.db, { demo: false, today: "2026-01-05", pii: createPiiProtector(DEVELOPMENT_PII_KEY) });
      await handle.db.execute(sql`
        insert into person (id, name) values ('00000000-0000-4000-8000-000000000001', '迁移')`);
      await handle.db.execute(sql`
        insert into policy (id, policy_no, status, effective_from, effective_to, waiting_period_ends_on, insured_id, policyholder_id, has_social_insurance)
        values ('00000000-0000-4000-8000-000000000002', 'MIG-1', 'ACTIVE', '2025-01-01', '2026-12-31', '2025-03-31',
                '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', true)`);
      const insertCase = (id: string, no: string, service: string, benefit: string, status: string, extra: string) =>
        handle.db.execute(
          sql.raw(`
        insert into service_case (id, case_no, policy_id, service_code, benefit_code, status, applicant, quota_effect, submitted_by, idempotency_key,
          request_hash, submitted_at, last_event_at, documents_completed_at, approved_at, decided_at, scheduled_at)
        values ('${id}', '${no}', '00000000-0000-4000-8000-000000000002', '${service}', '${benefit}', '${status}', 'INSURED', 'RESERVED', 'x', '${no}',
          'h', '2026-03-02T02:00:00Z', '2026-03-05T02:00:00Z', ${extra})`),
        );
      await insertCase("00000000-0000-4000-8000-0000000000a1", "OLD-1", "JAPAN_CARE", "JAPAN_TREATMENT", "SCHEDULED", "'2026-03-02T02:00:00Z', '2026-03-03T02:00:00Z', '2026-03-03T02:00:00Z', '2026-03-05T02:00:00Z'");
      await insertCase("00000000-0000-4000-8000-0000000000a2", "OLD-2", "SECOND_OPINION", "SECOND_OPINION", "CANCELLED", "null, null, null, null");
      await handle.db.execute(sql`
        insert into case_event (case_id, at, actor, action, from_status, to_status, quota_effect, version)
        values ('00000000-0000-4000-8000-0000000000a2', '2026-03-05T02:00:00Z', 'x', 'CANCEL', 'UNDER_REVIEW', 'CANCELLED', 'CONSUMED', 3)`);

      await migrate(handle.db);
      const rows = await queryRows<{ case_no: string; stage: string; step: number; milestones: Record<string, string> }>(
        handle.db,
        sql`select case_no, stage, step, milestones from service_case order by case_no`,
      );
      expect(rows.map((r) => [r.case_no, r.stage, r.step, Object.keys(r.milestones).sort()])).toEqual([
        ["OLD-1", "SCHEDULED", 9, ["APPROVED", "ARRANGED", "REVIEW_RESULT"]],
        // closed: the step it closed from (UNDER_REVIEW is the second opinion's 病情评估, step 3)
        ["OLD-2", "CANCELLED", 3, []],
      ]);
      expect(new Date(rows[0]!.milestones.ARRANGED!).toISOString()).toBe("2026-03-05T02:00:00.000Z");
    } finally {
      await handle.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
