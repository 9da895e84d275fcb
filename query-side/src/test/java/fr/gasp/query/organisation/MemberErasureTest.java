package fr.gasp.query.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the member registry forgets a name (RGPD), no read shows it any more: names are read
 * from the registry each time, never kept by the read models.
 */
class MemberErasureTest extends QuerySideIntegrationTest {

    @Test
    void an_erased_member_reads_as_erased_in_the_group_and_in_meeting_attendees() {
        UUID gasp = given.gasp("GASP effacement", LocalDate.of(2006, 1, 1), "Escaupont");
        UUID group = given.group(gasp, USERS, "Usagers", LocalDate.of(2006, 1, 2));
        UUID erased = given.member(group, "Sophie Lambert", null, null, LocalDate.of(2006, 2, 1));
        UUID kept = given.member(group, "Marc Leroy", null, null, LocalDate.of(2006, 2, 1));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2006, 3, 7), 9, erased, kept);
        given.awaitReadModel();
        assertThat(texts(api.read("/api/groups/" + group).get("members"), "displayName"))
                .containsExactly("Sophie Lambert", "Marc Leroy");

        given.erase(group, erased, LocalDate.of(2006, 4, 1));
        given.awaitReadModel();

        JsonNode members = api.read("/api/groups/" + group).get("members");
        assertThat(texts(members, "memberId")).containsExactly(erased.toString(), kept.toString());
        assertThat(texts(members, "displayName")).containsExactly("membre effacé", "Marc Leroy");
        JsonNode attendees = api.read("/api/meetings/" + meeting).get("attendees");
        assertThat(texts(attendees, "memberId")).containsExactly(erased.toString(), kept.toString());
        assertThat(texts(attendees, "displayName")).containsExactly("membre effacé", "Marc Leroy");
    }

    @Test
    void an_erasure_shows_at_once_even_before_its_event_is_read() {
        UUID gasp = given.gasp("GASP effacement immédiat", LocalDate.of(2006, 1, 1), "Escaupont");
        UUID group = given.group(gasp, USERS, "Usagers", LocalDate.of(2006, 1, 2));
        UUID member = given.member(group, "Henri Faure", null, null, LocalDate.of(2006, 2, 1));
        given.awaitReadModel();

        given.forgetName(member);

        assertThat(texts(api.read("/api/groups/" + group).get("members"), "displayName"))
                .containsExactly("membre effacé");
    }
}
