-- Idempotency keys are forgotten after a retention period (gasp.idempotency.retention): the
-- periodic clean-up finds the old ones by their creation time.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
