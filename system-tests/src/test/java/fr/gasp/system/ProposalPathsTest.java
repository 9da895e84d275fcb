package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of a proposal's life through both apps: each command is acknowledged with the
 * new version, and the query side shows the status, decisions and history right after it.
 */
@ExtendWith(BothApps.class)
class ProposalPathsTest {

    private GaspService service;
    private Organisation gasp;

    @BeforeEach
    void setUp(GaspService service) throws Exception {
        this.service = service;
        this.gasp = Organisation.create(service, "GASP des parcours");
    }

    @Test
    void a_proposal_studied_then_validated_is_implemented_with_its_whole_history() throws Exception {
        String id = raise(gasp.agentsGroupId(), "Guide des services publics", "2000-09-12");
        expect(id, step("secretariat", id, "discussions", "{\"groupId\":\"" + gasp.usersGroupId()
                + "\",\"summary\":\"Les usagers veulent une édition pour eux\",\"occurredOn\":\"2000-10-03\"}"), "DISCUSSED");
        expect(id, step("secretariat", id, "submission", "{\"note\":\"Pour la session d'automne\",\"occurredOn\":\"2000-11-06\"}"), "SUBMITTED");
        expect(id, step("referent", id, "decision", "{\"outcome\":\"UNDER_STUDY\",\"rationale\":\"Chiffrer l'impression\",\"occurredOn\":\"2000-11-20\"}"), "UNDER_STUDY");
        expect(id, step("secretariat", id, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId()
                + "\",\"summary\":\"Devis obtenu\",\"occurredOn\":\"2001-01-09\"}"), "UNDER_STUDY");
        expect(id, step("secretariat", id, "submission", "{\"occurredOn\":\"2001-03-05\"}"), "SUBMITTED");
        expect(id, step("referent", id, "decision", "{\"outcome\":\"VALIDATED\",\"occurredOn\":\"2001-03-19\"}"), "VALIDATED");
        expect(id, step("secretariat", id, "implementation", "{\"owner\":\"Maison des services publics\",\"targetDate\":\"2001-09-01\",\"occurredOn\":\"2001-04-02\"}"), "IN_IMPLEMENTATION");
        expect(id, step("secretariat", id, "implementation/progress", "{\"percent\":60,\"note\":\"Maquette validée\",\"occurredOn\":\"2001-06-11\"}"), "IN_IMPLEMENTATION");
        JsonNode done = expect(id, step("secretariat", id, "implementation/completion",
                "{\"outcome\":\"Guide distribué en deux éditions\",\"occurredOn\":\"2001-10-15\"}"), "IMPLEMENTED");

        assertThat(done.get("version").asLong()).isEqualTo(9);
        assertThat(done.get("allowedActions")).isEmpty();
        assertThat(done.get("raisedBy").get("kind").asText()).isEqualTo("AGENTS");
        assertThat(done.get("decisions")).extracting(d -> d.get("outcome").asText())
                .containsExactly("UNDER_STUDY", "VALIDATED");
        assertThat(done.get("decisions").get(0).get("rationale").asText()).isEqualTo("Chiffrer l'impression");
        assertThat(done.get("decisions").get(0).get("decidedBy").asText()).isEqualTo("referent");
        JsonNode implementation = done.get("implementation");
        assertThat(implementation.get("owner").asText()).isEqualTo("Maison des services publics");
        assertThat(implementation.get("percent").asInt()).isEqualTo(100);
        assertThat(implementation.get("completedOn").asText()).isEqualTo("2001-10-15");
        assertThat(implementation.get("outcome").asText()).isEqualTo("Guide distribué en deux éditions");
        assertThat(done.get("discussions")).extracting(d -> d.get("groupName").asText())
                .containsExactly("Groupe USERS", "Groupe AGENTS");

        JsonNode history = service.read("elected", "/api/proposals/" + id + "/history").body();
        assertThat(history).hasSize(10);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsExactly("ProposalRaised", "ProposalDiscussed", "ProposalSubmitted",
                "ProposalPutUnderStudy", "ProposalDiscussed", "ProposalSubmitted", "ProposalValidated",
                "ImplementationStarted", "ImplementationProgressed", "ImplementationCompleted");
        for (int version = 0; version < history.size(); version++) {
            JsonNode entry = history.get(version);
            assertThat(entry.get("version").asInt()).isEqualTo(version);
            assertThat(entry.get("recordedAt").asText()).startsWith("20");
            assertThat(entry.get("data").get("proposalId").asText()).isEqualTo(id);
        }
        assertThat(history.get(0).get("occurredOn").asText()).isEqualTo("2000-09-12");
        assertThat(history.get(3).get("actor").asText()).isEqualTo("referent");
        assertThat(history.get(3).get("role").asText()).isEqualTo("REFERENT");
        assertThat(history.get(3).get("data").get("rationale").asText()).isEqualTo("Chiffrer l'impression");
        assertThat(history.get(7).get("actor").asText()).isEqualTo("secretariat");
        assertThat(history.get(7).get("role").asText()).isEqualTo("SECRETARIAT");
    }

    @Test
    void a_rejected_proposal_is_final_and_says_so() throws Exception {
        String id = raise(gasp.usersGroupId(), "Horaires du commissariat", "2001-02-01");
        step("secretariat", id, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"Débat\",\"occurredOn\":\"2001-02-15\"}");
        step("secretariat", id, "submission", "{\"occurredOn\":\"2001-03-01\"}");
        JsonNode rejected = expect(id, step("referent", id, "decision",
                "{\"outcome\":\"REJECTED\",\"rationale\":\"Hors compétence communale\",\"occurredOn\":\"2001-03-19\"}"), "REJECTED");
        assertThat(rejected.get("decisions").get(0).get("rationale").asText()).isEqualTo("Hors compétence communale");

        GaspService.Answer refused = service.command("secretariat", "POST", "/api/proposals/" + id + "/amendments",
                "{\"title\":\"Autre titre\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("currentStatus").asText()).isEqualTo("REJECTED");
        assertThat(refused.body().get("allowedActions")).isEmpty();
        assertThat(service.read("elected", "/api/proposals/" + id).body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_quick_win_is_completed_straight_after_validation() throws Exception {
        String id = raise(gasp.agentsGroupId(), "Formulaire de plainte simplifié", "2001-01-10");
        step("secretariat", id, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"Prêt\",\"occurredOn\":\"2001-01-10\"}");
        step("secretariat", id, "submission", "{\"occurredOn\":\"2001-01-10\"}");
        step("referent", id, "decision", "{\"outcome\":\"VALIDATED\",\"rationale\":\"Simple à faire\",\"occurredOn\":\"2001-03-19\"}");
        JsonNode done = expect(id, step("secretariat", id, "implementation/completion",
                "{\"outcome\":\"Formulaire en service\",\"occurredOn\":\"2001-04-01\"}"), "IMPLEMENTED");
        assertThat(done.get("implementation").get("completedOn").asText()).isEqualTo("2001-04-01");
        assertThat(done.get("implementation").get("startedOn").isNull()).isTrue();
    }

    @Test
    void the_raising_group_may_withdraw_a_submitted_proposal() throws Exception {
        String id = raise(gasp.usersGroupId(), "Navette le dimanche", "2001-05-02");
        step("secretariat", id, "discussions", "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"summary\":\"Oui\",\"occurredOn\":\"2001-05-02\"}");
        step("secretariat", id, "submission", "{\"occurredOn\":\"2001-05-03\"}");
        JsonNode withdrawn = expect(id, step("secretariat", id, "withdrawal",
                "{\"reason\":\"Le transporteur l'a mise en place\",\"occurredOn\":\"2001-06-01\"}"), "WITHDRAWN");
        assertThat(withdrawn.get("withdrawal").get("reason").asText()).isEqualTo("Le transporteur l'a mise en place");
        assertThat(withdrawn.get("withdrawal").get("withdrawnOn").asText()).isEqualTo("2001-06-01");
    }

    @Test
    void an_amendment_changes_the_wording_and_keeps_the_old_one_in_the_history() throws Exception {
        String id = raise(gasp.agentsGroupId(), "Médiateurs", "2001-09-04");
        JsonNode amended = expect(id, step("secretariat", id, "amendments",
                "{\"title\":\"Former des agents de médiation\",\"themes\":[\"insécurité\",\"vie du quartier\"],\"occurredOn\":\"2001-09-10\"}"),
                "RAISED");
        assertThat(amended.get("title").asText()).isEqualTo("Former des agents de médiation");
        assertThat(amended.get("description").asText()).isEqualTo("Description de Médiateurs");
        assertThat(amended.get("themes")).extracting(JsonNode::asText).containsExactly("insécurité", "vie du quartier");
        JsonNode history = service.read("auditor", "/api/proposals/" + id + "/history").body();
        assertThat(history.get(0).get("data").get("title").asText()).isEqualTo("Médiateurs");
        assertThat(history.get(1).get("type").asText()).isEqualTo("ProposalAmended");
    }

    private String raise(String groupId, String title, String occurredOn) throws Exception {
        GaspService.Answer raised = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + groupId + "\",\"title\":\"" + title + "\",\"description\":\"Description de "
                        + title + "\",\"themes\":[\"connaissance des services\"],\"occurredOn\":\"" + occurredOn + "\"}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.location()).isEqualTo("/api/proposals/" + raised.id());
        assertThat(raised.version()).isZero();
        expect(raised.id(), raised, "RAISED");
        return raised.id();
    }

    private GaspService.Answer step(String user, String id, String action, String body) throws Exception {
        GaspService.Answer answer = service.command(user, "POST", "/api/proposals/" + id + "/" + action, body);
        assertThat(answer.status()).as(action + " → " + answer).isEqualTo(200);
        assertThat(answer.id()).isEqualTo(id);
        return answer;
    }

    /** Reads the proposal at the version the command answered: the query side must show it at once. */
    private JsonNode expect(String id, GaspService.Answer acknowledged, String status) throws Exception {
        GaspService.Answer read = service.read("elected", "/api/proposals/" + id + "?minVersion=" + acknowledged.version());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("version").asLong()).isEqualTo(acknowledged.version());
        assertThat(read.body().get("status").asText()).isEqualTo(status);
        return read.body();
    }
}
