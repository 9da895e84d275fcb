package fr.gasp.query.organisation;

import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GroupKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The shapes the GASP and group API answers with. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    public record GaspView(UUID id, String name, List<String> communes, LocalDate createdOn, Cadence cadence,
                           List<GroupSummary> groups) {
    }

    public record GroupSummary(UUID id, GroupKind kind, String name) {
    }

    public record GroupView(UUID id, UUID gaspId, GroupKind kind, String name, LocalDate createdOn,
                            List<Member> members, List<PastMember> pastMembers) {
    }

    public record Member(UUID memberId, String displayName, String institution, String role, LocalDate joinedOn) {
    }

    public record PastMember(UUID memberId, String displayName, String institution, String role, LocalDate joinedOn,
                             LocalDate leftOn) {
    }
}
