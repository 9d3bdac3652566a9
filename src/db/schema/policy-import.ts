// The runs of the policy feed (npm run policies:import, POST /imports/policies): one row each, its
// counts updated in the transaction of every batch it commits, so that they never disagree with
// what was written, and `committed_line` tells where an interrupted run resumes.
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const policyImports = pgTable(
  "policy_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The file's name (never its path on the machine that sent it). */
    source: text("source").notNull(),
    format: text("format").notNull(),
    /** SHA-256 of the file, when known before reading it (the command line): a re-run of an interrupted file resumes. */
    digest: text("digest"),
    status: text("status").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    read: integer("read").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** The last line of the file whose batch is committed. */
    committedLine: integer("committed_line").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    check("policy_import_status_known", sql`${t.status} in ('RUNNING', 'SUCCEEDED', 'FAILED')`),
    check("policy_import_format_known", sql`${t.format} in ('JSONL', 'CSV')`),
    index("policy_import_started_idx").on(t.startedAt),
    index("policy_import_digest_idx").on(t.digest).where(sql`${t.status} = 'RUNNING'`),
  ],
);
