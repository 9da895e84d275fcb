package fr.gasp.platform.security;

/** The roles of a GASP deployment (domain.md, "Who does what"). */
public enum Role {
    /** The animation team: sociologist and secretary. Records the groups' work. */
    SECRETARIAT,
    /** Service heads and delegated elected officials: decide on proposals. */
    REFERENT,
    /** Elected officials: read dashboards, reports and proposals. */
    ELECTED,
    /** Reads everything, including the full decision history and the audit log. */
    AUDITOR,
    /** All of the above, plus operations. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
