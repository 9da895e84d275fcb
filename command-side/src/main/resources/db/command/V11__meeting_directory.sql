-- What command handlers look up about meetings named in a command.
CREATE TABLE directory_meeting (
    meeting_id  UUID        NOT NULL PRIMARY KEY,
    gasp_id     UUID        NOT NULL REFERENCES directory_gasp (gasp_id),
    kind        VARCHAR(20) NOT NULL,
    group_id    UUID REFERENCES directory_group (group_id),
    occurred_on DATE        NOT NULL
);

