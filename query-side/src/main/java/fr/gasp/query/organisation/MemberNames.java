package fr.gasp.query.organisation;

/**
 * How a member's name reads. Names live only in the command side's member registry; once a
 * person asked to be forgotten (RGPD), or if the registry has no row, the place stays but
 * the name does not.
 */
public final class MemberNames {

    public static final String ERASED = "membre effacé";

    private MemberNames() {
    }

    /** The name to show for what {@code member_registry.display_name} holds ({@code null} once erased). */
    public static String shown(String registeredName) {
        return registeredName == null ? ERASED : registeredName;
    }
}
