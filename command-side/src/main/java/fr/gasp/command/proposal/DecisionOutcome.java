package fr.gasp.command.proposal;

/** What the referents may decide on a submitted proposal. */
public enum DecisionOutcome {
    VALIDATED,
    REJECTED,
    UNDER_STUDY;

    /** A refusal or a study must say why: the groups are owed an answer at the restitution. */
    boolean requiresRationale() {
        return this != VALIDATED;
    }
}
