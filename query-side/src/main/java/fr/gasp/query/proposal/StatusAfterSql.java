package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link ProposalStatus#after} in SQL, over a column holding the status before an event:
 * {@code CASE column WHEN 'RAISED' THEN ? …}, the lifecycle table asked once for every
 * possible status before. A projector then moves a proposal on in one statement, without
 * first reading where it stood (a round trip per event saved, on the hot path).
 */
public final class StatusAfterSql {

    private static final ProposalStatus[] STATUSES = ProposalStatus.values();

    private StatusAfterSql() {
    }

    /** The expression; its parameters come from {@link #parameters}. */
    public static String over(String column) {
        return "CASE " + column + " " + String.join(" ", Collections.nCopies(STATUSES.length, "WHEN ? THEN ?"))
                + " END";
    }

    /** Each status before, then the status the event leads to from it. */
    public static List<Object> parameters(ProposalEvent event) {
        List<Object> parameters = new ArrayList<>(STATUSES.length * 2);
        for (ProposalStatus before : STATUSES) {
            parameters.add(before.name());
            parameters.add(ProposalStatus.after(before, event).name());
        }
        return parameters;
    }
}
