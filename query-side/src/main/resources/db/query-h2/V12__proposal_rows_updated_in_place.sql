-- Issue 6: see db/query-postgresql's V12. H2 has no fill factor nor heap-only tuples; the index goes
-- too, so that both databases keep the same indexes. The audit chain's unique constraint on event
-- identifiers stays here: H2 gave it a generated name a migration cannot rely on, and the embedded
-- default has no write-ahead log to save.
DROP INDEX proposal_view_status;
