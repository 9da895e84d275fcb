-- Faster dashboard and annual report (issue 6).
--
-- A proposal's themes "as of" a date were found through its last step on or before that
-- date, which meant grouping every step of the GASP for each theme figure. The theme rows
-- now carry the GASP and the business date of the step that set them: since a proposal's
-- dates never go backwards, its themes as of a date are simply its latest theme rows dated
-- on or before it, read from report_theme alone.
ALTER TABLE report_theme ADD COLUMN gasp_id UUID;
ALTER TABLE report_theme ADD COLUMN occurred_on DATE;
UPDATE report_theme SET
    gasp_id = (SELECT s.gasp_id FROM report_step s
               WHERE s.proposal_id = report_theme.proposal_id AND s.version = report_theme.version),
    occurred_on = (SELECT s.occurred_on FROM report_step s
                   WHERE s.proposal_id = report_theme.proposal_id AND s.version = report_theme.version);
ALTER TABLE report_theme ALTER COLUMN gasp_id SET NOT NULL;
ALTER TABLE report_theme ALTER COLUMN occurred_on SET NOT NULL;
CREATE INDEX report_theme_gasp_date ON report_theme (gasp_id, occurred_on);

-- Counts of distinct proposals per step type read (type, proposal) pairs of a GASP and a
-- date range: an index that holds them all lets them be read without the table.
CREATE INDEX report_step_gasp_type_date ON report_step (gasp_id, type, occurred_on, proposal_id);
