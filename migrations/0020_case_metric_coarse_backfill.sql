-- The coarse summaries start as the daily rollup projected onto their columns. Pending deltas are
-- left where they are: compaction folds each into every summary, so all of them stay equal.
INSERT INTO case_metric_service_daily (submitted_on, submitted_month, service_code, benefit_code, status, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT submitted_on, submitted_month, service_code, benefit_code, status, sla_outcome, sla_due_on, working_days_to_complete, sum(cases)::int
FROM case_metric_rollup
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
INSERT INTO case_metric_service_monthly (submitted_month, service_code, benefit_code, status, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT submitted_month, service_code, benefit_code, status, sla_outcome, sla_due_on, working_days_to_complete, sum(cases)::int
FROM case_metric_service_daily
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO case_metric_region_daily (submitted_on, submitted_month, service_code, benefit_code, status, province_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT submitted_on, submitted_month, service_code, benefit_code, status, province_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, sum(cases)::int
FROM case_metric_rollup
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
--> statement-breakpoint
INSERT INTO case_metric_region_monthly (submitted_month, service_code, benefit_code, status, province_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, cases)
SELECT submitted_month, service_code, benefit_code, status, province_code, partner_code, sla_outcome, sla_due_on, working_days_to_complete, sum(cases)::int
FROM case_metric_region_daily
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
ANALYZE case_metric_service_daily;
--> statement-breakpoint
ANALYZE case_metric_service_monthly;
--> statement-breakpoint
ANALYZE case_metric_region_daily;
--> statement-breakpoint
ANALYZE case_metric_region_monthly;
