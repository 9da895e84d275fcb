package fr.gasp.events.organisation;

/**
 * How many meetings a year each body of a GASP is expected to hold: the agents' group
 * monthly, the users' group quarterly, the referents twice a year, and one joint meeting.
 */
public record Cadence(int agentsMeetings, int usersMeetings, int referentsSessions, int jointMeetings) {

    public static final Cadence DEFAULT = new Cadence(12, 4, 2, 1);
}
