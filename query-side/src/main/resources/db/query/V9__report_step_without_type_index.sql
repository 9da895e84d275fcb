-- Issue 6: every query on report_step picks its rows by GASP (the dashboards and reports)
-- or by proposal (the projector), none by step type first, so this index was never read;
-- it was still written for every step and built again by each rebuild (1.25 s of the
-- rebuild's 9.5 s of index building at a million events).
DROP INDEX report_step_type_date;
