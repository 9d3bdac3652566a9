-- Compaction deletes every delta it folds, every few seconds; readers scan what is left. Vacuum the
-- table after every thousand dead rows rather than after a fraction of its (tiny) size, so scans
-- never wade through dead ones.
ALTER TABLE case_metric_delta SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
