package fr.gasp.query.meeting;

/** What a meeting did with a proposal. */
enum MeetingStep {
    RAISED,
    DISCUSSED,
    SUBMITTED,
    DECIDED,
    PRESENTED
}
