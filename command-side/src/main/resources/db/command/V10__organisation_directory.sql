-- What command handlers look up about GASPs and groups named in a command.
CREATE TABLE directory_gasp (
    gasp_id UUID NOT NULL PRIMARY KEY
);

CREATE TABLE directory_group (
    group_id UUID        NOT NULL PRIMARY KEY,
    gasp_id  UUID        NOT NULL REFERENCES directory_gasp (gasp_id),
    kind     VARCHAR(20) NOT NULL
);
