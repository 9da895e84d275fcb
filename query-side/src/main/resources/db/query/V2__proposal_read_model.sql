-- Read models: derived from the events, rebuilt from them at will. Free texts are VARCHAR
-- without a length: the command side bounds them.
CREATE TABLE gasp_view (
    gasp_id    UUID    NOT NULL PRIMARY KEY,
    name       VARCHAR NOT NULL,
    communes   VARCHAR NOT NULL,
    created_on DATE    NOT NULL
);

CREATE TABLE group_view (
    group_id   UUID        NOT NULL PRIMARY KEY,
    gasp_id    UUID        NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    name       VARCHAR     NOT NULL,
    created_on DATE        NOT NULL
);
CREATE INDEX group_view_gasp ON group_view (gasp_id);

CREATE TABLE proposal_view (
    proposal_id                 UUID        NOT NULL PRIMARY KEY,
    gasp_id                     UUID        NOT NULL,
    raised_by_group_id          UUID        NOT NULL,
    raised_meeting_id           UUID,
    title                       VARCHAR     NOT NULL,
    description                 VARCHAR     NOT NULL,
    status                      VARCHAR(30) NOT NULL,
    raised_on                   DATE        NOT NULL,
    submitted_on                DATE,
    last_occurred_on            DATE        NOT NULL,
    implementation_owner        VARCHAR,
    implementation_target_date  DATE,
    implementation_started_on   DATE,
    implementation_percent      INTEGER,
    implementation_note         VARCHAR,
    implementation_completed_on DATE,
    implementation_outcome      VARCHAR,
    withdrawn_on                DATE,
    withdrawal_reason           VARCHAR,
    version                     BIGINT      NOT NULL
);
CREATE INDEX proposal_view_gasp ON proposal_view (gasp_id, raised_on);
CREATE INDEX proposal_view_status ON proposal_view (status);
CREATE INDEX proposal_view_group ON proposal_view (raised_by_group_id);

CREATE TABLE proposal_theme (
    proposal_id UUID    NOT NULL,
    position    INTEGER NOT NULL,
    theme       VARCHAR NOT NULL,
    PRIMARY KEY (proposal_id, position)
);
CREATE INDEX proposal_theme_theme ON proposal_theme (theme);

CREATE TABLE proposal_discussion (
    proposal_id UUID    NOT NULL,
    version     BIGINT  NOT NULL,
    group_id    UUID    NOT NULL,
    meeting_id  UUID,
    summary     VARCHAR NOT NULL,
    occurred_on DATE    NOT NULL,
    PRIMARY KEY (proposal_id, version)
);

CREATE TABLE proposal_decision (
    proposal_id UUID        NOT NULL,
    version     BIGINT      NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    rationale   VARCHAR,
    meeting_id  UUID,
    decided_on  DATE        NOT NULL,
    decided_by  VARCHAR,
    PRIMARY KEY (proposal_id, version)
);

-- One row per event of a proposal, both clocks and the actor: the proposal's timeline.
CREATE TABLE proposal_history (
    proposal_id UUID                     NOT NULL,
    version     BIGINT                   NOT NULL,
    type        VARCHAR(100)             NOT NULL,
    occurred_on DATE                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR,
    role        VARCHAR,
    meeting_id  UUID,
    data        VARCHAR                  NOT NULL,
    PRIMARY KEY (proposal_id, version)
);
CREATE INDEX proposal_history_occurred_on ON proposal_history (occurred_on);
