package fr.gasp.events.organisation;

/** The three groups of a GASP, which meet separately. */
public enum GroupKind {
    /** Public-service agents from many institutions. */
    AGENTS,
    /** Residents who use the services. */
    USERS,
    /** Service heads and delegated elected officials, who decide. */
    REFERENTS;

    /** Only agents and users raise proposals; referents decide on them. */
    public boolean raisesProposals() {
        return this != REFERENTS;
    }
}
