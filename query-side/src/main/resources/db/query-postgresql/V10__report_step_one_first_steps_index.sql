-- Issue 6: one index for the report's first steps instead of two (PostgreSQL; db/query-h2 has
-- the same change without what H2 lacks).
--
-- report_step_first_of_type and report_step_first_in_year (V8) each held every step, six columns
-- wide: together 3 s of a rebuild's 7 s of index building at a million events, and two more
-- entries to write for every step projected. PostgreSQL used neither on an unvacuumed table (the
-- benchmark's, after a rebuild: counted in pg_stat_user_indexes); on a vacuumed one it reads the
-- year's first steps from the index alone. Every step first of its type is also first in its
-- year, so the queries over a period from the beginning ask for both flags, and one index of the
-- steps first in their year serves both periods: about three steps in four, 1 s to build.
DROP INDEX report_step_first_of_type;
DROP INDEX report_step_first_in_year;
CREATE INDEX report_step_first_steps ON report_step (gasp_id, occurred_on, type, raised_by_group_id, proposal_id)
    INCLUDE (first_of_type) WHERE first_in_year;
