package fr.gasp.query.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static fr.gasp.query.testing.Json.byId;
import static fr.gasp.query.testing.Json.ids;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A GASP reads with its territory, the cadence its groups are expected to keep, and its groups. */
class GaspReadingTest extends QuerySideIntegrationTest {

    @Test
    void a_gasp_that_never_chose_a_cadence_follows_the_default_one() {
        UUID gasp = given.gasp("GASP Escaupont", LocalDate.of(2000, 6, 15), "Escaupont", "Bruay-sur-l'Escaut");
        UUID referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2000, 6, 16));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2000, 6, 16));
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2000, 6, 16));
        given.awaitReadModel();

        JsonNode body = api.read("/api/gasps/" + gasp);

        assertThat(body.get("id").asText()).isEqualTo(gasp.toString());
        assertThat(body.get("name").asText()).isEqualTo("GASP Escaupont");
        assertThat(texts(body.get("communes"))).containsExactly("Escaupont", "Bruay-sur-l'Escaut");
        assertThat(body.get("createdOn").asText()).isEqualTo("2000-06-15");
        assertCadence(body.get("cadence"), 12, 4, 2, 1);
        JsonNode groups = body.get("groups");
        assertThat(groups).hasSize(3);
        assertThat(ids(groups)).containsExactly(agents.toString(), users.toString(), referents.toString());
        assertThat(texts(groups, "kind")).containsExactly("AGENTS", "USERS", "REFERENTS");
        assertThat(texts(groups, "name")).containsExactly("Agents", "Usagers", "Référents");
    }

    @Test
    void the_cadence_a_gasp_set_last_is_the_one_shown() {
        UUID gasp = given.gasp("GASP à cadence", LocalDate.of(2001, 1, 10), "Escaupont");
        given.cadence(gasp, new Cadence(10, 3, 2, 1), LocalDate.of(2001, 1, 11));
        given.cadence(gasp, new Cadence(6, 2, 1, 1), LocalDate.of(2002, 1, 11));
        given.awaitReadModel();

        assertCadence(api.read("/api/gasps/" + gasp).get("cadence"), 6, 2, 1, 1);
    }

    @Test
    void the_list_holds_every_gasp_with_its_cadence_and_groups() {
        UUID byDefault = given.gasp("GASP liste A", LocalDate.of(2003, 3, 1), "Escaupont");
        UUID chosen = given.gasp("GASP liste B", LocalDate.of(2003, 3, 2), "Bruay-sur-l'Escaut");
        given.cadence(chosen, new Cadence(11, 4, 2, 1), LocalDate.of(2003, 3, 3));
        UUID group = given.group(chosen, AGENTS, "Agents B", LocalDate.of(2003, 3, 4));
        given.awaitReadModel();

        JsonNode list = api.read("/api/gasps");

        JsonNode first = byId(list, byDefault);
        assertCadence(first.get("cadence"), 12, 4, 2, 1);
        assertThat(first.get("groups")).isEmpty();
        JsonNode second = byId(list, chosen);
        assertCadence(second.get("cadence"), 11, 4, 2, 1);
        assertThat(ids(second.get("groups"))).containsExactly(group.toString());
    }

    @Test
    void an_unknown_gasp_is_a_404_problem() {
        Answer answer = api.get("secretariat", "/api/gasps/" + UUID.randomUUID());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("title").asText()).isEqualTo("Introuvable");
        assertThat(answer.body().get("detail").asText()).startsWith("Le GASP ");
    }

    @Test
    void a_malformed_gasp_id_is_a_400_problem() {
        Answer answer = api.get("secretariat", "/api/gasps/not-a-uuid");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static void assertCadence(JsonNode cadence, int agents, int users, int referents, int joint) {
        assertThat(cadence.get("agentsMeetings").asInt()).isEqualTo(agents);
        assertThat(cadence.get("usersMeetings").asInt()).isEqualTo(users);
        assertThat(cadence.get("referentsSessions").asInt()).isEqualTo(referents);
        assertThat(cadence.get("jointMeetings").asInt()).isEqualTo(joint);
    }
}
