-- The audit of bulk writes (issue 10): an import writes one entry for the whole file and, per record, an entry
-- with only what changed that names the import's entry here, so the import's changes are listed by it.
ALTER TABLE audit_log ADD COLUMN batch_id BIGINT;
CREATE INDEX audit_log_batch ON audit_log (batch_id, id) WHERE batch_id IS NOT NULL;
