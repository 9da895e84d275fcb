package fr.gasp.query.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static fr.gasp.query.testing.Json.byId;
import static fr.gasp.query.testing.Json.ids;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Meetings list by business date, narrowed to a GASP, a group or a year. */
class MeetingListingTest extends QuerySideIntegrationTest {

    @Test
    void meetings_are_narrowed_by_gasp_group_and_year_and_sorted_by_date() {
        UUID gasp = given.gasp("GASP des réunions", LocalDate.of(2005, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2005, 1, 2));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2005, 1, 2));
        UUID referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2005, 1, 2));
        UUID agentsJanuary2006 = given.meeting(gasp, GROUP, agents, LocalDate.of(2006, 1, 5), 11);
        UUID agentsMarch = given.meeting(gasp, GROUP, agents, LocalDate.of(2005, 3, 10), 14);
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2005, 6, 20), 40);
        UUID session = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2005, 11, 10), 6);
        UUID usersDecember = given.meeting(gasp, GROUP, users, LocalDate.of(2005, 12, 1), null);
        UUID other = given.gasp("Autre GASP", LocalDate.of(2005, 1, 1), "Bruay-sur-l'Escaut");
        UUID elsewhere = given.meeting(other, JOINT, null, LocalDate.of(2005, 6, 21), 30);
        given.awaitReadModel();

        JsonNode all = api.read("/api/meetings?gaspId=" + gasp);
        assertThat(ids(all)).containsExactly(expected(agentsMarch, joint, session, usersDecember, agentsJanuary2006));
        assertThat(ids(api.read("/api/meetings?gaspId=" + gasp + "&groupId=" + agents)))
                .containsExactly(expected(agentsMarch, agentsJanuary2006));
        assertThat(ids(api.read("/api/meetings?gaspId=" + gasp + "&year=2005")))
                .containsExactly(expected(agentsMarch, joint, session, usersDecember));
        assertThat(ids(api.read("/api/meetings?groupId=" + agents + "&year=2006")))
                .containsExactly(expected(agentsJanuary2006));
        assertThat(ids(api.read("/api/meetings?year=2005"))).contains(expected(agentsMarch, elsewhere));
        assertThat(ids(api.read("/api/meetings"))).contains(expected(agentsJanuary2006, elsewhere));

        JsonNode march = byId(all, agentsMarch);
        assertThat(march.get("gaspId").asText()).isEqualTo(gasp.toString());
        assertThat(march.get("kind").asText()).isEqualTo("GROUP");
        assertThat(march.get("groupId").asText()).isEqualTo(agents.toString());
        assertThat(march.get("groupName").asText()).isEqualTo("Agents");
        assertThat(march.get("occurredOn").asText()).isEqualTo("2005-03-10");
        assertThat(march.get("attendeeCount").asInt()).isEqualTo(14);
        assertThat(march.get("attendees")).isEmpty();
        assertThat(march.get("minutes").isNull()).isTrue();
        assertThat(march.get("version").asLong()).isZero();
        JsonNode jointMeeting = byId(all, joint);
        assertThat(jointMeeting.get("kind").asText()).isEqualTo("JOINT");
        assertThat(jointMeeting.get("groupId").isNull()).isTrue();
        assertThat(jointMeeting.get("groupName").isNull()).isTrue();
        assertThat(byId(all, session).get("groupName").asText()).isEqualTo("Référents");
        assertThat(byId(all, usersDecember).get("attendeeCount").isNull()).isTrue();
    }

    @Test
    void meetings_of_one_day_follow_their_ids() {
        UUID gasp = given.gasp("GASP du même jour", LocalDate.of(2007, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2007, 1, 2));
        UUID first = given.meeting(gasp, GROUP, group, LocalDate.of(2007, 5, 4), 3);
        UUID second = given.meeting(gasp, GROUP, group, LocalDate.of(2007, 5, 4), 4);
        given.awaitReadModel();

        assertThat(ids(api.read("/api/meetings?gaspId=" + gasp)))
                .containsExactly(Stream.of(first, second).map(UUID::toString).sorted().toArray(String[]::new));
    }

    @Test
    void the_list_shows_each_meeting_latest_minutes_and_its_attendees() {
        UUID gasp = given.gasp("GASP des comptes rendus", LocalDate.of(2008, 1, 1), "Escaupont");
        UUID group = given.group(gasp, USERS, "Usagers", LocalDate.of(2008, 1, 2));
        UUID member = given.member(group, "Alice Roux", null, null, LocalDate.of(2008, 1, 3));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2008, 2, 5), 7, member);
        given.minutes(meeting, 1, "Premier jet", LocalDate.of(2008, 2, 5));
        given.minutes(meeting, 2, "Compte rendu relu", LocalDate.of(2008, 2, 6));
        given.awaitReadModel();

        JsonNode listed = byId(api.read("/api/meetings?gaspId=" + gasp), meeting);

        assertThat(listed.get("minutes").get("version").asInt()).isEqualTo(2);
        assertThat(listed.get("minutes").get("text").asText()).isEqualTo("Compte rendu relu");
        assertThat(texts(listed.get("attendees"), "displayName")).containsExactly("Alice Roux");
        assertThat(listed.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void a_year_that_is_not_one_is_a_400_problem() {
        for (String year : new String[] {"deux-mille", "1800"}) {
            Answer answer = api.get("secretariat", "/api/meetings?year=" + year);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(texts(answer.body().get("errors"), "field")).containsExactly("year");
        }
    }

    private static String[] expected(UUID... ids) {
        return Stream.of(ids).map(UUID::toString).toArray(String[]::new);
    }
}
