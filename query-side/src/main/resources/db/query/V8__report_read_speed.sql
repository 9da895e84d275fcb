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

-- Every figure counts distinct proposals having a step of a type in a period, and a
-- period is either everything up to a date or a calendar year up to a date. Each step now
-- says whether it is its proposal's first of its type (ever, and in its calendar year):
-- the distinct proposals with such a step in a period are then the flagged steps in it,
-- counted without sorting or hashing every step of the GASP.
ALTER TABLE report_step ADD COLUMN first_of_type BOOLEAN;
ALTER TABLE report_step ADD COLUMN first_in_year BOOLEAN;
UPDATE report_step SET
    first_of_type = NOT EXISTS (SELECT 1 FROM report_step e
        WHERE e.proposal_id = report_step.proposal_id AND e.type = report_step.type
          AND e.version < report_step.version),
    first_in_year = NOT EXISTS (SELECT 1 FROM report_step e
        WHERE e.proposal_id = report_step.proposal_id AND e.type = report_step.type
          AND e.version < report_step.version
          AND EXTRACT(YEAR FROM e.occurred_on) = EXTRACT(YEAR FROM report_step.occurred_on));
ALTER TABLE report_step ALTER COLUMN first_of_type SET NOT NULL;
ALTER TABLE report_step ALTER COLUMN first_in_year SET NOT NULL;
CREATE INDEX report_step_first_of_type
    ON report_step (gasp_id, first_of_type, occurred_on, type, raised_by_group_id, proposal_id);
CREATE INDEX report_step_first_in_year
    ON report_step (gasp_id, first_in_year, occurred_on, type, raised_by_group_id, proposal_id);
