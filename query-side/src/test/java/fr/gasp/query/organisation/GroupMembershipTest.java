package fr.gasp.query.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static fr.gasp.query.testing.Json.byId;
import static fr.gasp.query.testing.Json.ids;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A group reads with who is in it now and who was before, with the dates of the turn-over. */
class GroupMembershipTest extends QuerySideIntegrationTest {

    @Test
    void members_who_left_are_past_members_with_the_dates_of_their_stay() {
        UUID gasp = given.gasp("GASP des agents", LocalDate.of(2000, 6, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Groupe des agents", LocalDate.of(2000, 6, 2));
        UUID postOffice = given.member(group, "Claire Martin", "La Poste", "guichetière", LocalDate.of(2000, 6, 10));
        UUID library = given.member(group, "Paul Durand", "Bibliothèque", null, LocalDate.of(2000, 7, 1));
        given.leaves(group, postOffice, LocalDate.of(2001, 3, 31));
        UUID police = given.member(group, "Nadia Benali", "Police municipale", "brigadière", LocalDate.of(2001, 4, 2));
        given.awaitReadModel();

        JsonNode body = api.read("/api/groups/" + group);

        assertThat(body.get("id").asText()).isEqualTo(group.toString());
        assertThat(body.get("gaspId").asText()).isEqualTo(gasp.toString());
        assertThat(body.get("kind").asText()).isEqualTo("AGENTS");
        assertThat(body.get("name").asText()).isEqualTo("Groupe des agents");
        assertThat(body.get("createdOn").asText()).isEqualTo("2000-06-02");
        JsonNode members = body.get("members");
        assertThat(texts(members, "memberId")).containsExactly(library.toString(), police.toString());
        assertThat(texts(members, "displayName")).containsExactly("Paul Durand", "Nadia Benali");
        assertThat(texts(members, "institution")).containsExactly("Bibliothèque", "Police municipale");
        assertThat(members.get(0).get("role").isNull()).isTrue();
        assertThat(members.get(1).get("role").asText()).isEqualTo("brigadière");
        assertThat(texts(members, "joinedOn")).containsExactly("2000-07-01", "2001-04-02");
        JsonNode past = body.get("pastMembers");
        assertThat(past).hasSize(1);
        assertThat(past.get(0).get("memberId").asText()).isEqualTo(postOffice.toString());
        assertThat(past.get(0).get("displayName").asText()).isEqualTo("Claire Martin");
        assertThat(past.get(0).get("institution").asText()).isEqualTo("La Poste");
        assertThat(past.get(0).get("role").asText()).isEqualTo("guichetière");
        assertThat(past.get(0).get("joinedOn").asText()).isEqualTo("2000-06-10");
        assertThat(past.get(0).get("leftOn").asText()).isEqualTo("2001-03-31");
    }

    @Test
    void a_member_who_comes_back_is_current_and_keeps_the_earlier_stay() {
        UUID gasp = given.gasp("GASP des retours", LocalDate.of(2002, 1, 1), "Escaupont");
        UUID group = given.group(gasp, USERS, "Usagers", LocalDate.of(2002, 1, 2));
        UUID member = given.member(group, "Jeanne Petit", null, null, LocalDate.of(2002, 2, 1));
        given.leaves(group, member, LocalDate.of(2002, 6, 30));
        given.joins(group, member, null, "porte-parole", LocalDate.of(2003, 1, 15));
        given.awaitReadModel();

        JsonNode body = api.read("/api/groups/" + group);

        assertThat(texts(body.get("members"), "joinedOn")).containsExactly("2003-01-15");
        assertThat(body.get("members").get(0).get("role").asText()).isEqualTo("porte-parole");
        assertThat(texts(body.get("pastMembers"), "leftOn")).containsExactly("2002-06-30");
    }

    @Test
    void a_member_the_registry_does_not_know_reads_as_erased() {
        UUID gasp = given.gasp("GASP sans registre", LocalDate.of(2004, 1, 1), "Escaupont");
        UUID group = given.group(gasp, USERS, "Usagers", LocalDate.of(2004, 1, 2));
        UUID unregistered = UUID.randomUUID();
        given.joins(group, unregistered, null, null, LocalDate.of(2004, 2, 1));
        given.awaitReadModel();

        JsonNode members = api.read("/api/groups/" + group).get("members");

        assertThat(texts(members, "memberId")).containsExactly(unregistered.toString());
        assertThat(texts(members, "displayName")).containsExactly("membre effacé");
    }

    @Test
    void the_list_narrowed_to_a_gasp_holds_its_groups_only_with_their_members() {
        UUID gasp = given.gasp("GASP listé", LocalDate.of(2005, 1, 1), "Escaupont");
        UUID other = given.gasp("Autre GASP", LocalDate.of(2005, 1, 1), "Bruay-sur-l'Escaut");
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2005, 1, 2));
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2005, 1, 2));
        UUID elsewhere = given.group(other, AGENTS, "Agents d'ailleurs", LocalDate.of(2005, 1, 2));
        UUID member = given.member(agents, "Luc Moreau", "Mission locale", null, LocalDate.of(2005, 2, 1));
        given.awaitReadModel();

        JsonNode list = api.read("/api/groups?gaspId=" + gasp);

        assertThat(ids(list)).containsExactly(agents.toString(), users.toString());
        assertThat(texts(byId(list, agents).get("members"), "memberId")).containsExactly(member.toString());
        assertThat(byId(list, users).get("members")).isEmpty();
        assertThat(byId(list, users).get("pastMembers")).isEmpty();
        assertThat(ids(api.read("/api/groups"))).contains(agents.toString(), users.toString(), elsewhere.toString());
    }

    @Test
    void an_unknown_group_is_a_404_problem() {
        Answer answer = api.get("secretariat", "/api/groups/" + UUID.randomUUID());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asText()).startsWith("Le groupe ");
    }
}
