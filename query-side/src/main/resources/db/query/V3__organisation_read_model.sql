-- Read models of the organisation issue: cadences, memberships, meetings, minutes, and which
-- proposals each meeting dealt with. No person's name is ever copied here: names are read
-- from the command side's member_registry at query time, so an erasure shows at once.

-- Only GASPs that chose a cadence have a row; the others follow Cadence.DEFAULT.
CREATE TABLE gasp_cadence (
    gasp_id            UUID    NOT NULL PRIMARY KEY,
    agents_meetings    INTEGER NOT NULL,
    users_meetings     INTEGER NOT NULL,
    referents_sessions INTEGER NOT NULL,
    joint_meetings     INTEGER NOT NULL,
    set_on             DATE    NOT NULL
);

-- One row per stay in a group: a member who left keeps the row, with left_on, for the
-- turn-over of institutions over time.
CREATE TABLE group_member (
    group_id       UUID    NOT NULL,
    member_id      UUID    NOT NULL,
    joined_version BIGINT  NOT NULL,
    institution    VARCHAR,
    role           VARCHAR,
    joined_on      DATE    NOT NULL,
    left_on        DATE,
    PRIMARY KEY (group_id, member_id, joined_version)
);
CREATE INDEX group_member_member ON group_member (member_id);

CREATE TABLE meeting_view (
    meeting_id     UUID        NOT NULL PRIMARY KEY,
    gasp_id        UUID        NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    group_id       UUID,
    occurred_on    DATE        NOT NULL,
    attendee_count INTEGER,
    version        BIGINT      NOT NULL
);
CREATE INDEX meeting_view_gasp ON meeting_view (gasp_id, occurred_on);
CREATE INDEX meeting_view_group ON meeting_view (group_id, occurred_on);

CREATE TABLE meeting_attendee (
    meeting_id UUID    NOT NULL,
    position   INTEGER NOT NULL,
    member_id  UUID    NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

-- Every version of the minutes is kept; the highest is the current one.
CREATE TABLE meeting_minutes (
    meeting_id      UUID                     NOT NULL,
    minutes_version INTEGER                  NOT NULL,
    minutes_text    VARCHAR                  NOT NULL,
    occurred_on     DATE                     NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR,
    role            VARCHAR,
    PRIMARY KEY (meeting_id, minutes_version)
);

-- The proposals a joint meeting presented, as the meeting recorded them (RestitutionHeld).
CREATE TABLE meeting_restitution (
    meeting_id  UUID NOT NULL,
    proposal_id UUID NOT NULL,
    PRIMARY KEY (meeting_id, proposal_id)
);

-- One row per proposal event that happened at a meeting: what the meeting did with it.
CREATE TABLE meeting_proposal (
    proposal_id      UUID        NOT NULL,
    proposal_version BIGINT      NOT NULL,
    meeting_id       UUID        NOT NULL,
    step             VARCHAR(20) NOT NULL,
    outcome          VARCHAR(20),
    occurred_on      DATE        NOT NULL,
    PRIMARY KEY (proposal_id, proposal_version)
);
CREATE INDEX meeting_proposal_meeting ON meeting_proposal (meeting_id);

-- The joint meetings at which a proposal was presented, as the proposal recorded them.
CREATE TABLE proposal_presentation (
    proposal_id UUID   NOT NULL,
    version     BIGINT NOT NULL,
    meeting_id  UUID   NOT NULL,
    occurred_on DATE   NOT NULL,
    PRIMARY KEY (proposal_id, version)
);
