package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client gets wrong is refused with a problem+json answer, and nothing is stored:
 * unknown ids, invalid bodies, wrong roles, forbidden transitions.
 */
@ExtendWith(BothApps.class)
class CommandRefusalsTest {

    private GaspService service;
    private Organisation gasp;
    private String proposalId;

    @BeforeEach
    void setUp(GaspService service) throws Exception {
        this.service = service;
        this.gasp = Organisation.create(service, "GASP des refus");
        this.proposalId = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"title\":\"Régie de quartier\","
                        + "\"description\":\"Créer une régie\",\"themes\":[\"vie du quartier\"],\"occurredOn\":\"2001-05-10\"}")
                .id();
    }

    @Test
    void an_unknown_proposal_is_404_on_both_sides() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertProblem(service.command("secretariat", "POST", "/api/proposals/" + unknown + "/withdrawal",
                "{\"reason\":\"x\"}"), 404);
        assertProblem(service.read("elected", "/api/proposals/" + unknown), 404);
        assertProblem(service.read("elected", "/api/proposals/" + unknown + "/history"), 404);
    }

    @Test
    void an_unknown_group_is_404_and_a_referents_group_cannot_raise() throws Exception {
        assertProblem(raiseBy(UUID.randomUUID().toString()), 404);
        GaspService.Answer referents = raiseBy(gasp.referentsGroupId());
        assertProblem(referents, 400);
        assertThat(referents.body().get("errors").get(0).get("field").asText()).isEqualTo("raisedByGroupId");
    }

    @Test
    void a_group_of_an_unknown_gasp_is_404() throws Exception {
        assertProblem(service.command("secretariat", "POST", "/api/groups",
                "{\"gaspId\":\"" + UUID.randomUUID() + "\",\"kind\":\"USERS\",\"name\":\"Usagers\"}"), 404);
    }

    @Test
    void invalid_bodies_are_400_with_the_fields_at_fault() throws Exception {
        GaspService.Answer missing = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"title\":\"\",\"themes\":[]}");
        assertProblem(missing, 400);
        assertThat(missing.body().get("errors").findValuesAsText("field"))
                .contains("title", "description", "themes");

        assertProblem(service.command("secretariat", "POST", "/api/proposals", "{not json"), 400);
        GaspService.Answer badUuid = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"pas-un-uuid\",\"title\":\"t\",\"description\":\"d\",\"themes\":[\"a\"]}");
        assertProblem(badUuid, 400);
        assertThat(badUuid.body().get("errors").get(0).get("field").asText()).isEqualTo("raisedByGroupId");
        assertProblem(service.command("secretariat", "POST", "/api/proposals/pas-un-uuid/withdrawal",
                "{\"reason\":\"x\"}"), 400);
        assertProblem(service.command("secretariat", "POST", "/api/proposals/" + proposalId + "/implementation/progress",
                "{\"percent\":\"beaucoup\"}"), 400);
        assertProblem(service.send("secretariat", service.commandSide.baseUrl(), "POST", "/api/proposals",
                "raisedByGroupId=x", "application/x-www-form-urlencoded"), 415);
        GaspService.Answer misspelt = service.command("secretariat", "POST", "/api/proposals/" + proposalId
                + "/withdrawal", "{\"reason\":\"x\",\"occuredOn\":\"2001-05-11\"}");
        assertProblem(misspelt, 400);
        assertThat(misspelt.body().get("errors").get(0).get("field").asText()).isEqualTo("occuredOn");
        assertProblem(service.read("elected", "/api/proposals?status=PERDU"), 400);
        assertProblem(service.read("elected", "/api/proposals?size=100000"), 400);
        assertThat(eventCount(proposalId)).isEqualTo(1);
    }

    @Test
    void business_dates_never_go_into_the_future_nor_backwards() throws Exception {
        GaspService.Answer future = service.command("secretariat", "POST", "/api/proposals/" + proposalId + "/discussions",
                "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"s\",\"occurredOn\":\""
                        + LocalDate.now().plusDays(2) + "\"}");
        assertProblem(future, 400);
        assertThat(future.body().get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        GaspService.Answer backwards = service.command("secretariat", "POST", "/api/proposals/" + proposalId + "/discussions",
                "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"s\",\"occurredOn\":\"2001-05-09\"}");
        assertProblem(backwards, 400);
        assertThat(eventCount(proposalId)).isEqualTo(1);
    }

    @Test
    void identity_and_roles_are_checked_per_endpoint() throws Exception {
        assertProblem(service.command(null, "POST", "/api/proposals/" + proposalId + "/withdrawal",
                "{\"reason\":\"x\"}"), 401);
        assertProblem(service.read(null, "/api/proposals"), 401);
        assertProblem(service.command("elected", "POST", "/api/proposals/" + proposalId + "/withdrawal",
                "{\"reason\":\"x\"}"), 403);
        assertProblem(service.command("secretariat", "POST", "/api/proposals/" + proposalId + "/decision",
                "{\"outcome\":\"VALIDATED\"}"), 403);
        assertProblem(service.command("referent", "POST", "/api/proposals", "{}"), 403);
        assertThat(service.send("secretariat", service.commandSide.baseUrl(), "GET", "/actuator/health", null, null)
                .status()).isEqualTo(200);
        assertThat(eventCount(proposalId)).isEqualTo(1);
    }

    @Test
    void a_forbidden_transition_is_409_naming_the_status_and_the_allowed_actions() throws Exception {
        GaspService.Answer refused = service.command("referent", "POST", "/api/proposals/" + proposalId + "/decision",
                "{\"outcome\":\"VALIDATED\"}");
        assertProblem(refused, 409);
        assertThat(refused.body().get("currentStatus").asText()).isEqualTo("RAISED");
        assertThat(refused.body().get("allowedActions")).extracting(node -> node.asText())
                .containsExactlyInAnyOrder("DISCUSS", "AMEND", "WITHDRAW");
        assertThat(eventCount(proposalId)).isEqualTo(1);
    }

    private GaspService.Answer raiseBy(String groupId) throws Exception {
        return service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + groupId + "\",\"title\":\"t\",\"description\":\"d\",\"themes\":[\"a\"]}");
    }

    private static void assertProblem(GaspService.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("title").asText()).isNotBlank();
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }

    private long eventCount(String aggregateId) throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
