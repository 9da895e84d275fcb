package fr.gasp.events.meeting;

/** The three kinds of meeting of a GASP. */
public enum MeetingKind {
    /** A meeting of one group (agents or users). */
    GROUP,
    /** A session of the GASP's referents, where proposals are decided. */
    REFERENTS_SESSION,
    /** The yearly meeting of all groups, where the year's work is presented. */
    JOINT
}
