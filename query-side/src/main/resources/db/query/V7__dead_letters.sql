-- Axon's dead-letter queue (JdbcSequencedDeadLetterQueue) for the read models: events whose
-- handling failed for good, parked per aggregate (sequence) with everything needed to handle
-- them again. Columns as Axon's GenericDeadLetterTableFactory, in snake_case (see
-- fr.gasp.query.deadletter.DeadLetterQueueConfiguration's DeadLetterSchema). Axon writes the
-- times as ISO-8601 UTC text, and payload, metadata, token and diagnostics serialized.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_processing_group ON dead_letter_entry (processing_group);
