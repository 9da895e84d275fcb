-- Facts for dashboards and reports: one row per step of a proposal, with the status it led
-- to. A proposal's business dates never go backwards, so its steps up to a date are a
-- prefix of its history: the state on any date ("as of") is the last step on or before it.
CREATE TABLE report_step (
    proposal_id        UUID        NOT NULL,
    version            BIGINT      NOT NULL,
    gasp_id            UUID        NOT NULL,
    raised_by_group_id UUID        NOT NULL,
    type               VARCHAR(50) NOT NULL,
    occurred_on        DATE        NOT NULL,
    status_after       VARCHAR(30) NOT NULL,
    rationale          VARCHAR,
    PRIMARY KEY (proposal_id, version)
);
CREATE INDEX report_step_gasp_date ON report_step (gasp_id, occurred_on);
CREATE INDEX report_step_type_date ON report_step (type, occurred_on);

-- The themes a proposal had from a step on (raising, or an amendment that changed them).
CREATE TABLE report_theme (
    proposal_id UUID    NOT NULL,
    version     BIGINT  NOT NULL,
    position    INTEGER NOT NULL,
    theme       VARCHAR NOT NULL,
    PRIMARY KEY (proposal_id, version, position)
);
