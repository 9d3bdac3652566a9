// The policy feed end to end on every database target: a file in, policies, people and
// entitlements out, its run and rejects recorded.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { queryRows } from "../src/db/driver/rows.js";
import { FeedFormatError, importPolicies, type ImportOptions, type ImportReject } from "../src/db/policy-feed/import-policies.js";
import { DEVELOPMENT_PII_KEY } from "../src/config/config.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { testTargets } from "./support/databases.js";
import { idNumber, policyInput } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

const TODAY = "2026-03-02";
const pii = createPiiProtector(DEVELOPMENT_PII_KEY);
/** A feed record: a valid upsertPolicy input, with any field replaced (also by what upsertPolicy refuses). */
const record = (policyNo: string, overrides: Record<string, unknown> = {}) => ({ ...policyInput(policyNo), ...overrides });
const jsonl = (records: readonly unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r)));

async function* linesOf(lines: readonly string[], failAfter?: number): AsyncGenerator<string> {
  let n = 0;
  for (const line of lines) {
    if (failAfter !== undefined && n === failAfter) throw new Error("the connection to the core system dropped");
    n++;
    yield line;
  }
}

describe.each(testTargets())("policy feed on %s", (kind) => {
  let server: TestServer;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    server = await startTestServer(kind);
    handle = server.database;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const run = async (lines: readonly string[], options: Partial<ImportOptions> & { failAfter?: number } = {}) => {
    const rejects: ImportReject[] = [];
    const summary = await importPolicies(handle.db, {
      source: "feed.jsonl",
      format: "JSONL",
      pii,
      today: TODAY,
      batchSize: 3,
      ...options,
      lines: linesOf(lines, options.failAfter),
      onReject: (r) => void rejects.push(r),
    });
    return { summary, rejects };
  };
  const policyRow = (policyNo: string) =>
    queryRows<{ version: number; status: string; id_number_masked: string; id_number_cipher: string; benefits: string }>(
      handle.db,
      sql`select p.version, p.status, pe.id_number_masked, pe.id_number_cipher,
                 (select string_agg(benefit_code, ',' order by benefit_code) from entitlement e where e.policy_id = p.id) as benefits
            from policy p join person pe on pe.id = p.insured_id where p.policy_no = ${policyNo}`,
    ).then((rows) => rows[0]);

  it("writes policies and entitlements with per-row triggers off only where nothing but their own foreign keys would fire (decision 0094)", async () => {
    // session_replication_role = replica turns off every trigger of those statements, not only the
    // foreign keys the batch re-checks: a trigger added to policy or entitlement, or a foreign key
    // pointing at a row the merge deletes (an entitlement) or rewrites (a policy), would be skipped.
    const [own] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_trigger where not tgisinternal and tgrelid in ('policy'::regclass, 'entitlement'::regclass)`);
    expect(own!.n).toBe(0);
    const referencing = await queryRows<{ name: string; deletes: string }>(
      handle.db,
      sql`select conname as name, confdeltype::text as deletes from pg_constraint where contype = 'f' and confrelid in ('policy'::regclass, 'entitlement'::regclass) order by conname`,
    );
    // Only policies are referenced, and the merge never deletes a policy or changes its id.
    expect(referencing.map((r) => r.name)).toEqual(["diagnosis_policy_id_policy_id_fk", "entitlement_policy_id_policy_id_fk", "service_case_policy_id_policy_id_fk"]);
  });

  it("loads a file, rejects a bad line in the middle with its line, field and reason, and changes nothing on a re-run", async () => {
    const lines = jsonl([
      record("F-0001"),
      record("F-0002", { policyholder: { name: "投保人乙", phone: "13800001111" } }),
      record("F-0003", { insured: { name: "测试丙", idNumber: "310104198506151230" } }),
      "{not json",
      record("F-0005", { benefits: ["FAMILY_DOCTOR", "JAPAN_TREATMENT"] }),
    ]);
    const first = await run(lines);
    expect(first.summary).toMatchObject({ read: 5, inserted: 3, updated: 0, unchanged: 0, rejected: 2 });
    const bad = first.rejects.find((r) => r.line === 3)!;
    expect(bad).toMatchObject({ field: "insured.idNumber", code: "INVALID_ID_NUMBER_CHECK_DIGIT" });
    expect(bad.zh).toContain("校验位");
    expect(bad.en).toContain("check digit");
    expect(JSON.stringify(first.rejects)).not.toContain("310104198506151230");
    expect(first.rejects.find((r) => r.line === 4)).toMatchObject({ field: "", code: "MALFORMED_RECORD" });

    const row = await policyRow("F-0001");
    expect(row).toMatchObject({ version: 1, status: "ACTIVE", id_number_masked: `310104********${idNumber("19850615").slice(-4)}` });
    expect(pii.decrypt(row!.id_number_cipher)).toBe(idNumber("19850615"));
    expect((await policyRow("F-0005"))!.benefits).toBe("FAMILY_DOCTOR,JAPAN_TREATMENT");
    const holders = await queryRows<{ same: boolean; phone_masked: string | null }>(
      handle.db,
      sql`select p.insured_id = p.policyholder_id as same, h.phone_masked from policy p join person h on h.id = p.policyholder_id
           where p.policy_no in ('F-0001', 'F-0002') order by p.policy_no`,
    );
    expect(holders).toEqual([
      { same: true, phone_masked: "139****1234" },
      { same: false, phone_masked: "138****1111" },
    ]);

    const persons = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from person`);
    const again = await run(lines);
    expect(again.summary).toMatchObject({ read: 5, inserted: 0, updated: 0, unchanged: 3, rejected: 2 });
    expect((await policyRow("F-0001"))!.version).toBe(1);
    expect(await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from person`)).toEqual(persons);

    const changed = await run(jsonl([record("F-0001", { status: "LAPSED" }), record("F-0002", { policyholder: null })]));
    expect(changed.summary).toMatchObject({ read: 2, inserted: 0, updated: 2, unchanged: 0, rejected: 0 });
    expect(await policyRow("F-0001")).toMatchObject({ version: 2, status: "LAPSED" });

    const stored = await queryRows<{ read: number; inserted: number; unchanged: number; rejected: number; status: string }>(
      handle.db,
      sql`select read, inserted, unchanged, rejected, status from policy_import where id = ${again.summary.id}`,
    );
    expect(stored).toEqual([{ read: 5, inserted: 0, unchanged: 3, rejected: 2, status: "SUCCEEDED" }]);
  });

  it("refuses a record that drops a benefit in use (BENEFIT_IN_USE), applies none of it, and keeps the rest of its batch", async () => {
    await run(jsonl([record("F-0100"), record("F-0101")]));
    await handle.db.execute(
      sql`update entitlement set reserved = 1 where benefit_code = 'SECOND_OPINION' and policy_id = (select id from policy where policy_no = 'F-0100')`,
    );
    const { summary, rejects } = await run(
      jsonl([record("F-0101", { status: "LAPSED" }), record("F-0100", { status: "LAPSED", benefits: ["FAMILY_DOCTOR"] }), record("F-0102")]),
    );
    expect(summary).toMatchObject({ read: 3, inserted: 1, updated: 1, rejected: 1 });
    expect(rejects).toEqual([
      {
        line: 2,
        field: "benefits",
        code: "BENEFIT_IN_USE",
        zh: expect.stringContaining("SECOND_OPINION"),
        en: "These benefits are used or held by open cases and cannot be removed: SECOND_OPINION",
      },
    ]);
    const refused = await policyRow("F-0100");
    expect(refused).toMatchObject({ version: 1, status: "ACTIVE" });
    expect(refused!.benefits.split(",")).toContain("SECOND_OPINION");
    expect(refused!.benefits.split(",").length).toBeGreaterThan(1);
    const held = await queryRows<{ reserved: number }>(
      handle.db,
      sql`select reserved from entitlement e join policy p on p.id = e.policy_id where p.policy_no = 'F-0100' and benefit_code = 'SECOND_OPINION'`,
    );
    expect(held).toEqual([{ reserved: 1 }]);
    expect((await policyRow("F-0101"))!.status).toBe("LAPSED");
  });

  it("rewrites only what differs: benefits in another order are unchanged, a new phone or benefit set updates, a separate holder is kept", async () => {
    const benefits = ["SECOND_OPINION", "FAMILY_DOCTOR", "JAPAN_TREATMENT"];
    const holder = { name: "投保人丁", phone: "13800002222" };
    await run(jsonl([record("F-0700", { benefits }), record("F-0701", { policyholder: holder })]));
    const people = async () =>
      queryRows<{ insured_id: string; policyholder_id: string; phone_masked: string }>(
        handle.db,
        sql`select p.insured_id, p.policyholder_id, h.phone_masked from policy p join person h on h.id = p.policyholder_id
             where p.policy_no in ('F-0700', 'F-0701') order by p.policy_no`,
      );
    const before = await people();

    const reordered = await run(jsonl([record("F-0700", { benefits: [...benefits].reverse() }), record("F-0701", { policyholder: holder })]));
    expect(reordered.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    const changed = await run(
      jsonl([
        record("F-0700", { benefits: ["GREEN_CHANNEL_OUTPATIENT", "FAMILY_DOCTOR"] }),
        record("F-0701", { policyholder: { ...holder, phone: "13800003333" } }),
      ]),
    );
    expect(changed.summary).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 });
    expect(await policyRow("F-0700")).toMatchObject({ version: 2, benefits: "FAMILY_DOCTOR,GREEN_CHANNEL_OUTPATIENT" });
    const after = await people();
    // The same people, rewritten in place: no new person for the policyholder whose phone changed.
    expect(after.map((r) => [r.insured_id, r.policyholder_id])).toEqual(before.map((r) => [r.insured_id, r.policyholder_id]));
    expect(after[1]!.phone_masked).toBe("138****3333");
  });

  it("keeps to its rate: a run ahead of maxRate waits before its next batch merges", async () => {
    const lines = jsonl(Array.from({ length: 9 }, (_, i) => record(`F-08${String(i).padStart(2, "0")}`)));
    const started = performance.now();
    const { summary } = await run(lines, { maxRate: 30 });
    // Batches of 3 at 30 a second: the third may not start before 6 / 30 s have passed.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(summary).toMatchObject({ read: 9, inserted: 9 });
  });

  // #31: "a second import waits for the first (one at a time per database, an advisory lock)".
  it("runs one import at a time per database: a second started meanwhile waits until the first has finished", async () => {
    const events: string[] = [];
    const first = run(jsonl(Array.from({ length: 6 }, (_, i) => record(`F-31${String(i).padStart(2, "0")}`))), {
      source: "first.jsonl",
      maxRate: 20, // batches of 3: the run lasts at least 300 ms
      onStart: () => void events.push("first started"),
      onProgress: () => void events.push("first batch"),
    });
    while (!events.includes("first started")) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = run(jsonl([record("F-3199")]), { source: "second.jsonl", onStart: () => void events.push("second started") });
    const [a, b] = await Promise.all([first, second]);
    expect(a.summary).toMatchObject({ read: 6, inserted: 6 });
    expect(b.summary).toMatchObject({ read: 1, inserted: 1 });
    expect(events).toEqual(["first started", "first batch", "first batch", "second started"]);
    const [order] = await queryRows<{ second_started_after_first_finished: boolean }>(
      handle.db,
      sql`select s.started_at >= f.finished_at as second_started_after_first_finished
            from policy_import f, policy_import s where f.id = ${a.summary.id} and s.id = ${b.summary.id}`,
    );
    // The second run was recorded only once it held the lock, after the first had finished.
    expect(order).toEqual({ second_started_after_first_finished: true });
  });

  it("an interrupted run keeps whole batches only and its re-run resumes after them", async () => {
    const lines = jsonl(Array.from({ length: 8 }, (_, i) => record(`F-02${String(i).padStart(2, "0")}`)));
    await expect(run(lines, { digest: "digest-of-interrupted-file", failAfter: 7 })).rejects.toThrow("dropped");
    const [failed] = await queryRows<{ id: string; status: string; committed_line: number; read: number }>(
      handle.db,
      sql`select id, status, committed_line, read from policy_import where digest = 'digest-of-interrupted-file'`,
    );
    // Batches of 3: lines 1–6 committed; line 7 was read but its batch never merged.
    expect(failed).toMatchObject({ status: "FAILED", committed_line: 6, read: 6 });
    const loaded = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from policy where policy_no like 'F-02%'`);
    expect(loaded).toEqual([{ n: 6 }]);

    const resumed = await run(lines, { digest: "digest-of-interrupted-file" });
    expect(resumed.summary).toMatchObject({ id: failed!.id, resumedAfterLine: 6, read: 8, inserted: 8, unchanged: 0, rejected: 0 });
    expect(await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from policy where policy_no like 'F-02%'`)).toEqual([{ n: 8 }]);
  });

  it("loads the same with the reader in the main thread and every row's foreign keys checked by the database, and the default path finds it unchanged", async () => {
    const lines = jsonl([
      record("F-0900"),
      record("F-0901", { policyholder: { name: "投保人庚", phone: "13800004444" }, benefits: ["FAMILY_DOCTOR", "SECOND_OPINION"] }),
      "{}",
      record("F-0902", { status: "LAPSED" }),
    ]);
    const plain = await run(lines, { readerThread: "main", foreignKeyChecks: "per-row" });
    expect(plain.summary).toMatchObject({ read: 4, inserted: 3, rejected: 1 });
    expect(new Set(plain.rejects.map((r) => r.line))).toEqual(new Set([3]));
    expect((await policyRow("F-0901"))!.benefits).toBe("FAMILY_DOCTOR,SECOND_OPINION");
    const again = await run(lines);
    expect(again.summary).toMatchObject({ read: 4, inserted: 0, updated: 0, unchanged: 3, rejected: 1 });
    const changed = await run(jsonl([record("F-0901", { benefits: ["FAMILY_DOCTOR", "JAPAN_TREATMENT"] })]), { readerThread: "main", foreignKeyChecks: "per-row" });
    expect(changed.summary).toMatchObject({ updated: 1 });
    expect((await policyRow("F-0901"))!.benefits).toBe("FAMILY_DOCTOR,JAPAN_TREATMENT");
  });

  it("fails a CSV file whose header lacks a required column, from either thread, and records the run as failed", async () => {
    for (const readerThread of ["worker", "main"] as const) {
      const failure = run(["policyNo,status", "F-0950,ACTIVE"], { format: "CSV", source: `bad-${readerThread}.csv`, readerThread });
      await expect(failure).rejects.toBeInstanceOf(FeedFormatError);
      const [row] = await queryRows<{ status: string; error: string }>(
        handle.db,
        sql`select status, error from policy_import where source = ${`bad-${readerThread}.csv`}`,
      );
      expect(row).toMatchObject({ status: "FAILED", error: expect.stringContaining("lacks") });
    }
  });

  it("reads CSV with a header, quoted cells and a policy listed twice", async () => {
    const header = "policyNo,status,effectiveFrom,effectiveTo,waitingPeriodEndsOn,hasSocialInsurance,insuredName,insuredIdNumber,insuredPhone,policyholderName,benefits";
    const lines = [
      header,
      `F-0300,ACTIVE,2025-07-01,2026-06-30,2025-09-28,true,"测试, 丁",${idNumber("19900101")},13900001234,,`,
      `F-0301,ACTIVE,2025-07-01,2026-06-30,2025-09-28,false,测试戊,,,投保人己,FAMILY_DOCTOR|SECOND_OPINION`,
      `F-0300,LAPSED,2025-07-01,2026-06-30,2025-09-28,true,"测试, 丁",${idNumber("19900101")},13900001234,,`,
      `F-0302,ACTIVE,2025-07-01,2026-06-30,2025-09-28,maybe,测试庚,,,,`,
    ];
    const { summary, rejects } = await run(lines, { format: "CSV", source: "feed.csv" });
    expect(summary).toMatchObject({ read: 4, inserted: 2, updated: 1, rejected: 1 });
    expect(rejects).toMatchObject([{ line: 5, field: "hasSocialInsurance", code: "INVALID_TYPE" }]);
    expect(await policyRow("F-0300")).toMatchObject({ status: "LAPSED", version: 2 });
    expect((await policyRow("F-0301"))!.benefits).toBe("FAMILY_DOCTOR,SECOND_OPINION");
  });

  it("shows the runs through the API as policyImports to an ADMIN, and not to an anonymous caller", async () => {
    const { summary } = await run(jsonl([record("F-0400"), "{}"]), { source: "nightly.jsonl" });
    const query = JSON.stringify({ query: "{ policyImports(first: 100) { id source format status read inserted updated unchanged rejected committedLine finishedAt } }" });
    const admin = await server.post(query, { authorization: `Bearer ${ADMIN_KEY}` });
    const runs = (admin.json as { data: { policyImports: { id: string }[] } }).data.policyImports;
    expect(runs.find((r) => r.id === summary.id)).toMatchObject({
      source: "nightly.jsonl",
      format: "JSONL",
      status: "SUCCEEDED",
      read: 2,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      committedLine: 2,
      finishedAt: expect.any(String),
    });
    const anonymous = await server.post(query);
    expect((anonymous.json as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it("takes a file over HTTP from an ADMIN as POST /imports/policies, streamed, and refuses anyone else", async () => {
    const body = [JSON.stringify(record("F-0500")), "", JSON.stringify(record("F-0501", { effectiveTo: "2025-01-01" }))].join("\r\n");
    const upload = (headers: Record<string, string>) =>
      fetch(`${server.url.replace(/\/graphql$/, "")}/imports/policies?format=jsonl&source=upload.jsonl`, { method: "POST", body, headers });
    const anonymous = await upload({});
    expect(anonymous.status).toBe(401);
    const answer = await upload({ authorization: `Bearer ${ADMIN_KEY}` });
    expect(answer.status).toBe(200);
    const json = (await answer.json()) as { import: { read: number; inserted: number; rejected: number }; rejects: ImportReject[] };
    expect(json.import).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect(json.rejects.map((r) => [r.line, r.field, r.code])).toEqual([
      [3, "effectiveTo", "DATES_OUT_OF_ORDER"],
      [3, "waitingPeriodEndsOn", "WAITING_PERIOD_OUTSIDE_POLICY"],
    ]);
    expect((await policyRow("F-0500"))!.status).toBe("ACTIVE");
  });
});
