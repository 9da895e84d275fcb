-- The member registry: the only place a person's name is kept. Events name members by id
-- only, so erasing a name on request (RGPD) is one UPDATE here and no event is rewritten.
CREATE TABLE member_registry (
    member_id    UUID    NOT NULL PRIMARY KEY,
    group_id     UUID    NOT NULL,
    display_name VARCHAR,
    erased_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX member_registry_group ON member_registry (group_id);
