-- The advances of a policy that reached admission for an illness (ADVANCE.提示.2.1: after an advance
-- for the same illness, the next is a repeat, not a first advance awaiting its liability review):
-- every read of an entitlement's eligibility and every advance's submission look them up by policy.
-- Few cases ever match, so the lookup reads this small partial index in place of every case of the
-- policy in service_case_policy_case_no_idx and their rows (docs/decisions/0106-admitted-advances-indexed.md).
CREATE INDEX IF NOT EXISTS "service_case_admitted_idx" ON "service_case" USING btree ("policy_id") WHERE "service_case"."diagnosis_id" is not null and "service_case"."milestones" ? 'ADMITTED';
