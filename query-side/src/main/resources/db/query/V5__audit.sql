-- The audit log (fr.gasp.query.audit): one row per stored event of every aggregate, added
-- when the read model first sees the event and never changed afterwards. Besides what the
-- audit shows (both clocks, actor, role, a French summary naming no person), each row keeps
-- a link of the hash chain over the events' stored form as first seen: chain_position
-- 1, 2, 3… in the order they were seen, and chain_hash = SHA-256(previous hash || stored
-- form), lowercase hex. Verification recomputes the chain from domain_event_entry.
CREATE TABLE audit_event (
    chain_position       BIGINT                   NOT NULL PRIMARY KEY,
    global_index         BIGINT                   NOT NULL UNIQUE,
    event_identifier     VARCHAR(255)             NOT NULL UNIQUE,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255)             NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    event_type           VARCHAR(255)             NOT NULL,
    occurred_on          DATE,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- What from/to filter on: the business date, or the recorded day in the territory's time zone.
    audit_date           DATE                     NOT NULL,
    actor                VARCHAR(255),
    role                 VARCHAR(255),
    summary              VARCHAR                  NOT NULL,
    chain_hash           VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_event_date ON audit_event (audit_date);
CREATE INDEX audit_event_actor ON audit_event (actor);
CREATE INDEX audit_event_type ON audit_event (event_type);
CREATE INDEX audit_event_recorded ON audit_event (recorded_at);

-- How the summaries name GASPs, groups, proposals and meetings, learnt from the events
-- themselves (never from another read model, nor from the member registry: no person here).
CREATE TABLE audit_subject (
    subject_id UUID    NOT NULL PRIMARY KEY,
    label      VARCHAR NOT NULL
);
