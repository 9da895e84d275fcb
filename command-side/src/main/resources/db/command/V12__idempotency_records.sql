-- Idempotency-Key: the first successful answer to a key, per user, replayed to a retry of the
-- same request (same hash of method, address and body). The row is inserted in the
-- transaction that stores the command's events, so both are committed or neither; a second
-- request with the same key waits on the uncommitted row. Only 2xx answers are kept.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(200)             NOT NULL,
    user_name       VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    response_status INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(2048),
    response_body   BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (idempotency_key, user_name)
);
