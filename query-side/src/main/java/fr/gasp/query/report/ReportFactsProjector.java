package fr.gasp.query.report;

import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.proposal.StatusAfterSql;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every step of every proposal as a fact row, with the status it led to and, for themes, what they became. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ReportFactsProjector {

    private final ProjectionWrites writes;

    public ReportFactsProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long version) {
        if (event instanceof ProposalRaised raised) {
            writes.execute("""
                            INSERT INTO report_step (proposal_id, version, gasp_id, raised_by_group_id, type, occurred_on,
                                status_after, rationale, first_of_type, first_in_year)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, TRUE)""",
                    event.proposalId(), version, raised.gaspId(), raised.raisedByGroupId(),
                    event.getClass().getSimpleName(), event.occurredOn(), ProposalStatus.after(null, event).name(),
                    rationale(event));
        } else {
            followPreviousStep(event, version);
        }
        List<String> themes = event instanceof ProposalRaised raised ? raised.themes()
                : event instanceof ProposalAmended amended ? amended.themes() : null;
        if (themes != null) {
            for (int position = 0; position < themes.size(); position++) {
                // The GASP comes from the step just written (an amendment does not name it).
                writes.execute("""
                                INSERT INTO report_theme (proposal_id, version, position, theme, gasp_id, occurred_on)
                                SELECT proposal_id, version, ?, ?, gasp_id, occurred_on FROM report_step
                                WHERE proposal_id = ? AND version = ?""",
                        position, themes.get(position), event.proposalId(), version);
            }
        }
    }

    /** The step after the proposal's last one, in one statement: GASP, group and status come from that step. */
    private void followPreviousStep(ProposalEvent event, long version) {
        List<Object> parameters = new ArrayList<>(List.of(event.proposalId(), version,
                event.getClass().getSimpleName(), event.occurredOn()));
        parameters.addAll(StatusAfterSql.parameters(event));
        parameters.add(rationale(event));
        // Earlier steps of the same type: none at all, none in this step's calendar year.
        parameters.addAll(List.of(event.proposalId(), event.getClass().getSimpleName()));
        parameters.addAll(List.of(event.proposalId(), event.getClass().getSimpleName(),
                event.occurredOn().withDayOfYear(1)));
        parameters.add(event.proposalId());
        writes.executeOnOneRow("""
                        INSERT INTO report_step (proposal_id, version, gasp_id, raised_by_group_id, type, occurred_on,
                            status_after, rationale, first_of_type, first_in_year)
                        SELECT ?, ?, gasp_id, raised_by_group_id, ?, ?, %s, ?,
                            NOT EXISTS (SELECT 1 FROM report_step e WHERE e.proposal_id = ? AND e.type = ?),
                            NOT EXISTS (SELECT 1 FROM report_step e WHERE e.proposal_id = ? AND e.type = ?
                                AND e.occurred_on >= ?)
                        FROM report_step WHERE proposal_id = ? ORDER BY version DESC LIMIT 1"""
                        .formatted(StatusAfterSql.over("status_after")),
                parameters, "Proposal " + event.proposalId() + " has an event before being raised");
    }

    static String rationale(ProposalEvent event) {
        if (event instanceof ProposalValidated validated) {
            return validated.rationale();
        }
        if (event instanceof ProposalRejected rejected) {
            return rejected.rationale();
        }
        if (event instanceof ProposalPutUnderStudy underStudy) {
            return underStudy.rationale();
        }
        return null;
    }
}
