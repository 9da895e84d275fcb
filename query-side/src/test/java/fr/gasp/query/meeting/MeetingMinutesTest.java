package fr.gasp.query.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A meeting shows its current minutes; every earlier version stays readable, oldest first. */
class MeetingMinutesTest extends QuerySideIntegrationTest {

    @Test
    void the_meeting_shows_the_latest_minutes_and_the_minutes_keep_every_version() {
        UUID gasp = given.gasp("GASP des minutes", LocalDate.of(2009, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2009, 1, 2));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2009, 3, 3), 12);
        given.minutes(meeting, 1, "Thème retenu : l'insécurité.", LocalDate.of(2009, 3, 3));
        given.minutes(meeting, 2, "Thème retenu : l'insécurité et le logement.", LocalDate.of(2009, 3, 4));
        given.minutes(meeting, 3, "Version validée par le groupe.", LocalDate.of(2009, 4, 7));
        given.awaitReadModel();

        JsonNode minutes = api.read("/api/meetings/" + meeting).get("minutes");
        assertThat(minutes.get("version").asInt()).isEqualTo(3);
        assertThat(minutes.get("text").asText()).isEqualTo("Version validée par le groupe.");
        assertThat(minutes.get("occurredOn").asText()).isEqualTo("2009-04-07");
        assertThat(Instant.parse(minutes.get("recordedAt").asText())).isBefore(Instant.now().plusSeconds(1));

        JsonNode versions = api.read("/api/meetings/" + meeting + "/minutes");
        assertThat(texts(versions, "version")).containsExactly("1", "2", "3");
        assertThat(texts(versions, "text")).containsExactly("Thème retenu : l'insécurité.",
                "Thème retenu : l'insécurité et le logement.", "Version validée par le groupe.");
        assertThat(texts(versions, "occurredOn")).containsExactly("2009-03-03", "2009-03-04", "2009-04-07");
        assertThat(texts(versions, "actor")).containsOnly("secretariat");
        versions.forEach(version -> assertThat(Instant.parse(version.get("recordedAt").asText())).isNotNull());
    }

    @Test
    void a_meeting_without_minutes_has_none() {
        UUID gasp = given.gasp("GASP sans minutes", LocalDate.of(2009, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2009, 1, 2));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2009, 5, 5), 8);
        given.awaitReadModel();

        assertThat(api.read("/api/meetings/" + meeting).get("minutes").isNull()).isTrue();
        assertThat(api.read("/api/meetings/" + meeting + "/minutes")).isEmpty();
    }

    @Test
    void an_unknown_meeting_is_a_404_problem_and_so_are_its_minutes() {
        UUID unknown = UUID.randomUUID();
        for (String path : new String[] {"/api/meetings/" + unknown, "/api/meetings/" + unknown + "/minutes"}) {
            Answer answer = api.get("secretariat", path);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("title").asText()).isEqualTo("Introuvable");
            assertThat(answer.body().get("detail").asText()).startsWith("La réunion " + unknown);
        }
    }
}
