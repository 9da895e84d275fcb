package fr.gasp.events.proposal;

/** What can be done to a proposal. Which of them a status allows is {@link ProposalStatus}'s to say. */
public enum ProposalAction {
    DISCUSS,
    AMEND,
    SUBMIT,
    DECIDE,
    START_IMPLEMENTATION,
    REPORT_PROGRESS,
    COMPLETE,
    WITHDRAW
}
