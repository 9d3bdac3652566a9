-- A policy's cases by case number (issued in submission order): Policy.cases' pages, newest first
-- with a keyset on the case number, read the first rows of the index with no sort. Nothing orders
-- a policy's cases by submitted_at, so this index replaces (policy_id, submitted_at) for every
-- lookup by policy (docs/decisions/0098-a-policys-lists-answered-in-sql.md).
CREATE INDEX IF NOT EXISTS "service_case_policy_case_no_idx" ON "service_case" USING btree ("policy_id","case_no");--> statement-breakpoint
DROP INDEX IF EXISTS "service_case_policy_idx";
