package fr.gasp.events.proposal;

import java.time.LocalDate;
import java.util.UUID;

/** What every step of a proposal's life has: the proposal, its business date and, if any, its meeting. */
public interface ProposalEvent {

    UUID proposalId();

    LocalDate occurredOn();

    /** The meeting at which the step happened; {@code null} for steps that happen outside meetings. */
    default UUID meetingId() {
        return null;
    }
}
