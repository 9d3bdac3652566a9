// One batch of the policy feed, in one transaction: its records copied into a staging table (COPY
// on both PostgreSQL and PGlite), then merged into people, policies and entitlements by a fixed
// number of set-based statements, whatever the batch's size. The transaction holds the same
// per-policy-number locks as upsertPolicy, refuses what upsertPolicy refuses (BENEFIT_IN_USE) and
// commits with the run's counts, so a batch is applied whole or not at all.
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import { transaction } from "../driver/database.js";
import { connectionOf } from "../driver/connection.js";
import type { Database } from "../client.js";
import { PERSON_COLUMNS, type BatchCounts, type EncodedBatch } from "./encode-batch.js";

export { orderedIds, type BatchCounts, type EncodedBatch, type StagedPerson, type StagedPolicy } from "./encode-batch.js";

export interface BatchOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records refused by the merge (BENEFIT_IN_USE): their line and the benefits in use. */
  readonly refused: readonly { line: number; blocked: string[] }[];
}

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
  "new_policy_id",
  "new_insured_id",
  "new_holder_id",
];

// No index: the reader guarantees one record per policy number in a batch, and every statement
// below reads the staged batch whole.
const CREATE_STAGE = `create temp table policy_import_stage (
  line integer not null, policy_no text not null, status text not null,
  effective_from date not null, effective_to date not null, waiting_ends date not null,
  has_social boolean not null, holder_is_insured boolean not null,
  ${PERSON_COLUMNS.map((c) => `i_${c} ${c === "birth" ? "date" : "text"}`).join(", ")},
  ${PERSON_COLUMNS.map((c) => `h_${c} ${c === "birth" ? "date" : "text"}`).join(", ")},
  benefits text[] not null, quotas integer[] not null,
  new_policy_id uuid not null, new_insured_id uuid not null, new_holder_id uuid not null
) on commit drop`;

const personSet = (p: "i" | "h") =>
  `name = s.${p}_name, birth_date = s.${p}_birth, id_number_cipher = s.${p}_id_cipher, id_number_hash = s.${p}_id_hash,
   id_number_masked = s.${p}_id_masked, phone_cipher = s.${p}_phone_cipher, phone_hash = s.${p}_phone_hash, phone_masked = s.${p}_phone_masked`;
const personValues = (p: "i" | "h", id: string) =>
  `${id}, s.${p}_name, s.${p}_birth, s.${p}_id_cipher, s.${p}_id_hash, s.${p}_id_masked, s.${p}_phone_cipher, s.${p}_phone_hash, s.${p}_phone_masked`;
/** The stored person is the staged one: compared by name, birth date and the keyed hashes (ciphers differ by their IV). */
const personSame = (p: "i" | "h", alias: string) =>
  `(${alias}.name = s.${p}_name and ${alias}.birth_date is not distinct from s.${p}_birth
    and ${alias}.id_number_hash is not distinct from s.${p}_id_hash and ${alias}.phone_hash is not distinct from s.${p}_phone_hash)`;
const PERSON_INSERT_COLUMNS =
  "id, name, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked";

/**
 * The decision for every staged record, in one statement over the batch: the policy it replaces,
 * the benefits its cases use that it drops (BENEFIT_IN_USE), whether anything differs, and the ids
 * of its policy and people as upsertPolicy chooses them (new rows take the ids staged for them).
 * Benefit codes are staged sorted by their bytes, so the stored set compares as one array.
 */
const PLAN = `create temp table policy_import_plan on commit drop as
  select d.*,
         case when d.blocked is not null then 'REFUSED'
              when d.old_policy is null then 'INSERTED'
              when d.policy_same and d.insured_same and d.holder_same and d.benefits_same then 'UNCHANGED'
              else 'UPDATED' end as outcome
    from (select s.*, p.id as old_policy, p.insured_id as old_insured, p.policyholder_id as old_holder,
                 coalesce(p.id, s.new_policy_id) as policy_id,
                 coalesce(p.insured_id, s.new_insured_id) as insured_id,
                 case when s.holder_is_insured then coalesce(p.insured_id, s.new_insured_id)
                      when p.policyholder_id <> p.insured_id then p.policyholder_id
                      else s.new_holder_id end as holder_id,
                 e.blocked,
                 (p.status = s.status and p.effective_from = s.effective_from and p.effective_to = s.effective_to
                  and p.waiting_period_ends_on = s.waiting_ends and p.has_social_insurance = s.has_social) as policy_same,
                 coalesce(${personSame("i", "pi")}, false) as insured_same,
                 case when s.holder_is_insured then p.policyholder_id = p.insured_id
                      else p.policyholder_id <> p.insured_id and coalesce(${personSame("h", "ph")}, false) end as holder_same,
                 coalesce(e.codes, '{}') = s.benefits as benefits_same
            from policy_import_stage s
            left join policy p on p.policy_no = s.policy_no
            left join person pi on pi.id = p.insured_id
            left join person ph on ph.id = p.policyholder_id and not s.holder_is_insured
            left join lateral (
                   select array_agg(e.benefit_code order by e.benefit_code collate "C") as codes,
                          array_agg(e.benefit_code order by e.benefit_code collate "C")
                            filter (where e.used + e.reserved > 0 and not (e.benefit_code = any (s.benefits))) as blocked
                     from entitlement e where e.policy_id = p.id) e on p.id is not null) d`;

/** Locks taken first, in one order: the same per-policy-number lock as upsertPolicy's, then the existing policies' rows. */
const LOCKS = [
  `select count(*) from (select pg_advisory_xact_lock(hashtextextended('policy:' || policy_no, 0))
     from (select policy_no from policy_import_stage order by policy_no) o) l`,
  // An array, so that the look-up goes by the policy-number index whatever the staged batch is estimated at.
  `select count(*) from (select p.id from policy p where p.policy_no = any (array(select policy_no from policy_import_stage)) order by p.id for update of p) l`,
];

/** The records whose entitlements are written: new policies, and updates whose benefit set changed. */
const WRITES_BENEFITS = `(s.outcome = 'INSERTED' or (s.outcome = 'UPDATED' and not s.benefits_same))`;

const PEOPLE = [
  `insert into person (${PERSON_INSERT_COLUMNS})
     select ${personValues("i", "s.insured_id")} from policy_import_plan s where s.outcome = 'INSERTED'
     union all
     select ${personValues("h", "s.holder_id")} from policy_import_plan s
      where s.outcome in ('INSERTED', 'UPDATED') and not s.holder_is_insured and s.holder_id is distinct from s.old_holder`,
  // People already stored are rewritten only where they differ.
  `update person set ${personSet("i")} from policy_import_plan s
    where s.outcome = 'UPDATED' and not s.insured_same and person.id = s.insured_id`,
  `update person set ${personSet("h")} from policy_import_plan s
    where s.outcome = 'UPDATED' and not s.holder_is_insured and not s.holder_same and s.holder_id = s.old_holder and person.id = s.holder_id`,
];

const POLICIES_AND_ENTITLEMENTS = [
  `insert into policy (id, policy_no, status, effective_from, effective_to, waiting_period_ends_on, insured_id, policyholder_id, has_social_insurance)
     select s.policy_id, s.policy_no, s.status, s.effective_from, s.effective_to, s.waiting_ends, s.insured_id, s.holder_id, s.has_social
       from policy_import_plan s where s.outcome = 'INSERTED'`,
  `update policy p set status = s.status, effective_from = s.effective_from, effective_to = s.effective_to,
      waiting_period_ends_on = s.waiting_ends, insured_id = s.insured_id, policyholder_id = s.holder_id,
      has_social_insurance = s.has_social, version = p.version + 1, updated_at = now()
     from policy_import_plan s where s.outcome = 'UPDATED' and p.id = s.policy_id`,
  // Entitlements change only where the benefit set does; the ones dropped are unused (else REFUSED).
  `delete from entitlement e using policy_import_plan s
    where s.outcome = 'UPDATED' and not s.benefits_same and e.policy_id = s.policy_id and not (e.benefit_code = any (s.benefits))`,
  `insert into entitlement (policy_id, benefit_code, quota_total)
     select s.policy_id, b.code, b.quota from policy_import_plan s, unnest(s.benefits, s.quotas) as b(code, quota)
      where s.outcome = 'INSERTED'
         or (s.outcome = 'UPDATED' and not s.benefits_same
             and not exists (select 1 from entitlement e where e.policy_id = s.policy_id and e.benefit_code = b.code))`,
];

/**
 * The foreign keys of what the two statements above write, checked once for the batch instead of
 * once a row (decision 0094): the benefits the batch's entitlements name, locked as the per-row
 * check locks them (for key share) before anything refers to them ...
 */
const LOCK_BENEFITS = `select count(*) from (select b.code from benefit b
    where b.code = any (array(select distinct unnest(s.benefits) from policy_import_plan s where ${WRITES_BENEFITS}))
    order by b.code for key share of b) l`;
/** ... and, after the writes, every reference they made found: the policy of each entitlement, the people of each policy, each benefit. */
const CHECK_REFERENCES = `select
    (select count(*)::int from policy_import_plan s
      where s.outcome in ('INSERTED', 'UPDATED')
        and (not exists (select 1 from policy p where p.id = s.policy_id)
             or not exists (select 1 from person x where x.id = s.insured_id)
             or not exists (select 1 from person x where x.id = s.holder_id))) as missing_rows,
    (select count(*)::int from (select distinct unnest(s.benefits) as code from policy_import_plan s where ${WRITES_BENEFITS}) d
      where not exists (select 1 from benefit b where b.code = d.code)) as missing_benefits`;

/**
 * The merge, in order: a fixed number of set-based statements over the staged batch. With
 * `batchChecks`, the policy and entitlement writes run with the per-row foreign-key triggers off
 * (`session_replication_role = replica`, for those statements only) and their references are
 * checked by LOCK_BENEFITS and CHECK_REFERENCES instead.
 */
function mergeStatements(batchChecks: boolean): string[] {
  if (!batchChecks) return [...LOCKS, PLAN, ...PEOPLE, ...POLICIES_AND_ENTITLEMENTS];
  return [
    ...LOCKS,
    PLAN,
    LOCK_BENEFITS,
    ...PEOPLE,
    "set local session_replication_role = replica",
    ...POLICIES_AND_ENTITLEMENTS,
    "set local session_replication_role = default",
  ];
}

const RESULT = `select
    count(*) filter (where outcome = 'INSERTED')::int as inserted,
    count(*) filter (where outcome = 'UPDATED')::int as updated,
    count(*) filter (where outcome = 'UNCHANGED')::int as unchanged,
    coalesce(json_agg(json_build_object('line', line, 'blocked', blocked) order by line) filter (where outcome = 'REFUSED'), '[]') as refused
  from policy_import_plan`;

const RECORD = `update policy_import set read = read + $2, inserted = inserted + $3, updated = updated + $4,
    unchanged = unchanged + $5, rejected = rejected + $6, committed_line = $7 where id = $1`;

interface Runner {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  copyIn(table: string, columns: readonly string[], body: Buffer): Promise<void>;
}

export interface MergeOptions {
  /** Check the written rows' foreign keys once for the batch (canCheckPerBatch), not once a row. */
  readonly batchChecks: boolean;
}

/** Stages and merges a batch and records it on the run, in one transaction. */
export async function mergeBatch(db: Database, importId: string, batch: EncodedBatch, counts: BatchCounts, options: MergeOptions): Promise<BatchOutcome> {
  return transaction(db, async (tx) => {
    const run = runnerOf(connectionOf(tx));
    // The batch's statements are estimated dear enough for JIT compilation, which costs more than it saves here.
    await run.query("set local jit = off");
    await run.query(CREATE_STAGE);
    const trace = process.env.FEED_TRACE ? await tracer(run) : null;
    if (batch.size > 0) await run.copyIn("policy_import_stage", STAGE_COLUMNS, batch.body);
    trace?.("copy");
    for (const statement of mergeStatements(options.batchChecks)) {
      if (process.env.FEED_TRACE === "plan") {
        const plan = await run.query<Record<string, string>>(`explain (analyze, costs off, timing off) ${statement}`);
        process.stderr.write(`${plan.map((r) => Object.values(r)[0]).join("\n")}\n`);
      } else await run.query(statement);
      trace?.(statement);
    }
    if (options.batchChecks) {
      const [check] = await run.query<{ missing_rows: number; missing_benefits: number }>(CHECK_REFERENCES);
      trace?.("check references");
      if (check!.missing_rows > 0 || check!.missing_benefits > 0) {
        // What a foreign-key violation would have done: the batch rolls back and the run fails.
        throw new Error(`the batch refers to rows that do not exist (${check!.missing_rows} policies or people, ${check!.missing_benefits} benefits); nothing of it was applied`);
      }
    }
    const [row] = await run.query<{ inserted: number; updated: number; unchanged: number; refused: unknown }>(RESULT);
    const refused = (typeof row!.refused === "string" ? JSON.parse(row!.refused) : row!.refused) as { line: number; blocked: string[] }[];
    await run.query(RECORD, [importId, counts.read, row!.inserted, row!.updated, row!.unchanged, counts.rejectedBefore + refused.length, counts.lastLine]);
    return { inserted: row!.inserted, updated: row!.updated, unchanged: row!.unchanged, refused };
  });
}

/**
 * Whether this connection's role may turn the per-row foreign-key triggers off for a statement
 * (session_replication_role: a superuser, or on PostgreSQL 15 and later a role granted
 * `SET ON PARAMETER session_replication_role`). Without it every row is checked as before.
 */
export async function canCheckPerBatch(db: Database): Promise<boolean> {
  const run = runnerOf(connectionOf(db));
  const [su] = await run.query<{ on: boolean }>("select current_setting('is_superuser') = 'on' as on");
  if (su!.on) return true;
  try {
    const [granted] = await run.query<{ ok: boolean }>("select has_parameter_privilege('session_replication_role', 'SET') as ok");
    return granted!.ok === true;
  } catch {
    return false; // before PostgreSQL 15: superusers only
  }
}

/**
 * FEED_TRACE=1: each step's wall time, and on a PostgreSQL server on this host the CPU its backend
 * spent (from /proc), to stderr. FEED_TRACE=plan also prints each statement's plan.
 */
async function tracer(run: Runner): Promise<(step: string) => void> {
  const [row] = await run.query<{ pid: number }>("select pg_backend_pid() as pid");
  const cpu = () => {
    try {
      const fields = readFileSync(`/proc/${row!.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
    } catch {
      return Number.NaN;
    }
  };
  let wall = performance.now();
  let backend = cpu();
  let own = process.cpuUsage();
  return (step) => {
    const [w, b, o] = [performance.now(), cpu(), process.cpuUsage(own)];
    process.stderr.write(`${(w - wall).toFixed(0)}ms wall ${b - backend}ms db ${((o.user + o.system) / 1000).toFixed(0)}ms node ${step.slice(0, 60).replace(/\s+/g, " ")}\n`);
    [wall, backend, own] = [w, b, process.cpuUsage()];
  };
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

