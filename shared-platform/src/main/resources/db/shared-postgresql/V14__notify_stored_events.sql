-- Issue 6: the query side is woken as soon as events are stored instead of finding them at
-- its next poll (StoredEventsListener). Every statement that inserts into domain_event_entry
-- notifies channel gasp_events; PostgreSQL delivers it when the transaction commits, never
-- for one rolled back, and once per transaction however many events it stored.
--
-- Version 14, after the command side's V13 (one Flyway history for db/shared and db/command):
-- a lower number would be refused on databases already at V13. H2 has no notifications:
-- db/shared-h2 has an empty V14.
CREATE FUNCTION notify_stored_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('gasp_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_stored_events();
