// One batch of the policy feed, in one transaction: its records copied into a staging table (COPY
// on both PostgreSQL and PGlite), then merged into people, policies and entitlements by a fixed
// number of set-based statements, whatever the batch's size. The transaction holds the same
// per-policy-number locks as upsertPolicy, refuses what upsertPolicy refuses (BENEFIT_IN_USE) and
// commits with the run's counts, so a batch is applied whole or not at all.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import { transaction } from "../driver/database.js";
import { connectionOf } from "../driver/connection.js";
import type { Database } from "../client.js";

/** A validated record, its personal data already sealed. */
export interface StagedPolicy {
  readonly line: number;
  readonly policyNo: string;
  readonly status: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly waitingPeriodEndsOn: string;
  readonly hasSocialInsurance: boolean;
  readonly holderIsInsured: boolean;
  readonly insured: StagedPerson;
  readonly holder: StagedPerson;
  readonly benefits: readonly string[];
  readonly quotas: readonly (number | null)[];
}

export interface StagedPerson {
  readonly name: string;
  readonly birthDate: string | null;
  readonly idNumberCipher: string | null;
  readonly idNumberHash: string | null;
  readonly idNumberMasked: string | null;
  readonly phoneCipher: string | null;
  readonly phoneHash: string | null;
  readonly phoneMasked: string | null;
}

export interface BatchCounts {
  /** Lines read since the last batch, rejected ones included. */
  readonly read: number;
  /** Lines rejected before staging (validation). */
  readonly rejectedBefore: number;
  /** The last line of the file the batch covers. */
  readonly lastLine: number;
}

export interface BatchOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records refused by the merge (BENEFIT_IN_USE): their line and the benefits in use. */
  readonly refused: readonly { line: number; blocked: string[] }[];
}

const PERSON_COLUMNS = ["name", "birth", "id_cipher", "id_hash", "id_masked", "phone_cipher", "phone_hash", "phone_masked"] as const;
const STAGE_COLUMNS = [
  "line",
  "policy_no",
  "status",
  "effective_from",
  "effective_to",
  "waiting_ends",
  "has_social",
  "holder_is_insured",
  ...PERSON_COLUMNS.map((c) => `i_${c}`),
  ...PERSON_COLUMNS.map((c) => `h_${c}`),
  "benefits",
  "quotas",
];

const CREATE_STAGE = `create temp table policy_import_stage (
  line integer primary key, policy_no text not null unique, status text not null,
  effective_from date not null, effective_to date not null, waiting_ends date not null,
  has_social boolean not null, holder_is_insured boolean not null,
  ${PERSON_COLUMNS.map((c) => `i_${c} ${c === "birth" ? "date" : "text"}`).join(", ")},
  ${PERSON_COLUMNS.map((c) => `h_${c} ${c === "birth" ? "date" : "text"}`).join(", ")},
  benefits text[] not null, quotas integer[] not null,
  policy_id uuid, old_insured uuid, old_holder uuid, insured_id uuid, holder_id uuid,
  outcome text, blocked text[]
) on commit drop`;

const personSet = (p: "i" | "h") =>
  `name = s.${p}_name, birth_date = s.${p}_birth, id_number_cipher = s.${p}_id_cipher, id_number_hash = s.${p}_id_hash,
   id_number_masked = s.${p}_id_masked, phone_cipher = s.${p}_phone_cipher, phone_hash = s.${p}_phone_hash, phone_masked = s.${p}_phone_masked`;
const personValues = (p: "i" | "h", id: string) =>
  `${id}, s.${p}_name, s.${p}_birth, s.${p}_id_cipher, s.${p}_id_hash, s.${p}_id_masked, s.${p}_phone_cipher, s.${p}_phone_hash, s.${p}_phone_masked`;
const personSame = (p: "i" | "h", alias: string) =>
  `${alias}.name = s.${p}_name and ${alias}.birth_date is not distinct from s.${p}_birth
   and ${alias}.id_number_hash is not distinct from s.${p}_id_hash and ${alias}.phone_hash is not distinct from s.${p}_phone_hash`;
const PERSON_INSERT_COLUMNS =
  "id, name, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked";

/** The merge, in order. Every statement is set-based over the staged batch. */
const MERGE = [
  // A temporary table has no statistics until analysed: without them the joins below scan whole tables.
  `analyze policy_import_stage`,
  // The same lock as upsertPolicy's, per policy number, taken in one order.
  `select count(*) from (select pg_advisory_xact_lock(hashtextextended('policy:' || policy_no, 0))
     from (select policy_no from policy_import_stage order by policy_no) o) l`,
  `select p.id from policy p join policy_import_stage s on s.policy_no = p.policy_no order by p.id for update of p`,
  `update policy_import_stage s set policy_id = p.id, old_insured = p.insured_id, old_holder = p.policyholder_id
     from policy p where p.policy_no = s.policy_no`,
  // BENEFIT_IN_USE: a benefit the record drops that cases use or hold (as syncEntitlements decides).
  `update policy_import_stage s set outcome = 'REFUSED', blocked = b.codes
     from (select s2.line, array_agg(e.benefit_code order by e.benefit_code) as codes
             from policy_import_stage s2 join entitlement e on e.policy_id = s2.policy_id
            where not (e.benefit_code = any (s2.benefits)) and e.used + e.reserved > 0
            group by s2.line) b
    where b.line = s.line`,
  // Unchanged: the same policy, people (compared by their keyed hashes) and benefit set.
  `update policy_import_stage s set outcome = 'UNCHANGED'
     from policy p join person pi on pi.id = p.insured_id join person ph on ph.id = p.policyholder_id
    where s.outcome is null and p.id = s.policy_id
      and p.status = s.status and p.effective_from = s.effective_from and p.effective_to = s.effective_to
      and p.waiting_period_ends_on = s.waiting_ends and p.has_social_insurance = s.has_social
      and ${personSame("i", "pi")}
      and case when s.holder_is_insured then p.policyholder_id = p.insured_id
               else p.policyholder_id <> p.insured_id and ${personSame("h", "ph")} end
      and (select coalesce(array_agg(e.benefit_code order by e.benefit_code), '{}') from entitlement e where e.policy_id = p.id)
          = (select coalesce(array_agg(b order by b), '{}') from unnest(s.benefits) b)`,
  // People and policy ids as upsertPolicy chooses them.
  `update policy_import_stage set
      outcome = case when policy_id is null then 'INSERTED' else 'UPDATED' end,
      policy_id = coalesce(policy_id, gen_random_uuid()),
      insured_id = coalesce(old_insured, gen_random_uuid())
    where outcome is null`,
  `update policy_import_stage set holder_id = case
      when holder_is_insured then insured_id
      when old_holder is not null and old_holder <> old_insured then old_holder
      else gen_random_uuid() end
    where outcome in ('INSERTED', 'UPDATED')`,
  `insert into person (${PERSON_INSERT_COLUMNS})
     select ${personValues("i", "s.insured_id")} from policy_import_stage s where s.outcome = 'INSERTED'
     union all
     select ${personValues("h", "s.holder_id")} from policy_import_stage s
      where s.outcome in ('INSERTED', 'UPDATED') and not s.holder_is_insured and s.holder_id is distinct from s.old_holder`,
  `update person set ${personSet("i")} from policy_import_stage s where s.outcome = 'UPDATED' and person.id = s.insured_id`,
  `update person set ${personSet("h")} from policy_import_stage s
    where s.outcome = 'UPDATED' and not s.holder_is_insured and s.holder_id = s.old_holder and person.id = s.holder_id`,
  `insert into policy (id, policy_no, status, effective_from, effective_to, waiting_period_ends_on, insured_id, policyholder_id, has_social_insurance)
     select s.policy_id, s.policy_no, s.status, s.effective_from, s.effective_to, s.waiting_ends, s.insured_id, s.holder_id, s.has_social
       from policy_import_stage s where s.outcome = 'INSERTED'`,
  `update policy p set status = s.status, effective_from = s.effective_from, effective_to = s.effective_to,
      waiting_period_ends_on = s.waiting_ends, insured_id = s.insured_id, policyholder_id = s.holder_id,
      has_social_insurance = s.has_social, version = p.version + 1, updated_at = now()
     from policy_import_stage s where s.outcome = 'UPDATED' and p.id = s.policy_id`,
  `delete from entitlement e using policy_import_stage s
    where s.outcome = 'UPDATED' and e.policy_id = s.policy_id and not (e.benefit_code = any (s.benefits))`,
  // A new policy's entitlements cannot conflict: a plain insert, cheaper than a speculative one.
  `insert into entitlement (policy_id, benefit_code, quota_total)
     select s.policy_id, b.code, b.quota from policy_import_stage s, unnest(s.benefits, s.quotas) as b(code, quota)
      where s.outcome = 'INSERTED'`,
  `insert into entitlement (policy_id, benefit_code, quota_total)
     select s.policy_id, b.code, b.quota from policy_import_stage s, unnest(s.benefits, s.quotas) as b(code, quota)
      where s.outcome = 'UPDATED'
     on conflict do nothing`,
];

const RESULT = `select
    count(*) filter (where outcome = 'INSERTED')::int as inserted,
    count(*) filter (where outcome = 'UPDATED')::int as updated,
    count(*) filter (where outcome = 'UNCHANGED')::int as unchanged,
    coalesce(json_agg(json_build_object('line', line, 'blocked', blocked) order by line) filter (where outcome = 'REFUSED'), '[]') as refused
  from policy_import_stage`;

const RECORD = `update policy_import set read = read + $2, inserted = inserted + $3, updated = updated + $4,
    unchanged = unchanged + $5, rejected = rejected + $6, committed_line = $7 where id = $1`;

interface Runner {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  copyIn(table: string, columns: readonly string[], body: string): Promise<void>;
}

/** Stages and merges `records` and records the batch on the run, in one transaction. */
export async function mergeBatch(db: Database, importId: string, records: readonly StagedPolicy[], counts: BatchCounts): Promise<BatchOutcome> {
  return transaction(db, async (tx) => {
    const run = runnerOf(connectionOf(tx));
    await run.query(CREATE_STAGE);
    if (records.length > 0) await run.copyIn("policy_import_stage", STAGE_COLUMNS, copyText(records));
    for (const statement of MERGE) {
      const t0 = performance.now();
      await run.query(statement);
      if (process.env.FEED_TRACE) process.stderr.write(`${(performance.now() - t0).toFixed(0)}ms ${statement.slice(0, 60).replace(/\s+/g, " ")}\n`);
    }
    const [row] = await run.query<{ inserted: number; updated: number; unchanged: number; refused: unknown }>(RESULT);
    const refused = (typeof row!.refused === "string" ? JSON.parse(row!.refused) : row!.refused) as { line: number; blocked: string[] }[];
    await run.query(RECORD, [importId, counts.read, row!.inserted, row!.updated, row!.unchanged, counts.rejectedBefore + refused.length, counts.lastLine]);
    return { inserted: row!.inserted, updated: row!.updated, unchanged: row!.unchanged, refused };
  });
}

function runnerOf(connection: ReturnType<typeof connectionOf>): Runner {
  if (!connection.fastPath) throw new Error("the policy feed needs the driver's connection (DATABASE_FAST_PATH on)");
  if (connection.driver === "postgres") {
    const sql = connection.sql as postgres.TransactionSql;
    return {
      query: async <T>(text: string, params: unknown[] = []) => [...(await sql.unsafe(text, params as never[]))] as T[],
      async copyIn(table, columns, body) {
        const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
        await pipeline(Readable.from([body]), writable);
      },
    };
  }
  const client = connection.client as PGlite | PgliteTransaction;
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    async copyIn(table, columns, body) {
      await client.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([body]) });
    },
  };
}

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyText(records: readonly StagedPolicy[]): string {
  const parts: string[] = [];
  for (const r of records) {
    const cells: (string | number | boolean | null)[] = [
      r.line,
      r.policyNo,
      r.status,
      r.effectiveFrom,
      r.effectiveTo,
      r.waitingPeriodEndsOn,
      r.hasSocialInsurance,
      r.holderIsInsured,
      ...personCells(r.insured),
      ...personCells(r.holder),
      `{${r.benefits.join(",")}}`,
      `{${r.quotas.map((q) => (q === null ? "NULL" : String(q))).join(",")}}`,
    ];
    parts.push(cells.map(copyCell).join("\t"));
  }
  return `${parts.join("\n")}\n`;
}

function personCells(p: StagedPerson): (string | null)[] {
  return [p.name, p.birthDate, p.idNumberCipher, p.idNumberHash, p.idNumberMasked, p.phoneCipher, p.phoneHash, p.phoneMasked];
}

function copyCell(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}
