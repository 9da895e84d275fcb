-- Issue 6: one index for the report's first steps instead of two (see db/query-postgresql's V10;
-- H2 has neither partial indexes nor INCLUDE, so the flags are key columns).
DROP INDEX report_step_first_of_type;
DROP INDEX report_step_first_in_year;
CREATE INDEX report_step_first_steps
    ON report_step (gasp_id, first_in_year, occurred_on, type, raised_by_group_id, proposal_id, first_of_type);
