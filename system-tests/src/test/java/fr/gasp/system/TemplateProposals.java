package fr.gasp.system;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three proposals recorded through the API along different paths (implemented after a
 * study, rejected, amended then withdrawn): seventeen events of eleven types, the models that
 * {@link StoredEventCopies} copies to fill the store.
 */
final class TemplateProposals {

    private TemplateProposals() {
    }

    static List<String> record(GaspService service, Organisation gasp) throws Exception {
        String implemented = raise(service, gasp, "Guide des services publics");
        step(service, "secretariat", implemented, "discussions", "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"summary\":\"Édition usagers\"}");
        step(service, "secretariat", implemented, "submission", "{\"note\":\"Session d'automne\"}");
        step(service, "referent", implemented, "decision", "{\"outcome\":\"UNDER_STUDY\",\"rationale\":\"Chiffrer\"}");
        step(service, "secretariat", implemented, "submission", "{}");
        step(service, "referent", implemented, "decision", "{\"outcome\":\"VALIDATED\"}");
        step(service, "secretariat", implemented, "implementation", "{\"owner\":\"Maison des services\"}");
        step(service, "secretariat", implemented, "implementation/progress", "{\"percent\":60,\"note\":\"Maquette\"}");
        step(service, "secretariat", implemented, "implementation/completion", "{\"outcome\":\"Guide distribué\"}");

        String rejected = raise(service, gasp, "Horaires du commissariat");
        step(service, "secretariat", rejected, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"Débat\"}");
        step(service, "secretariat", rejected, "submission", "{}");
        step(service, "referent", rejected, "decision", "{\"outcome\":\"REJECTED\",\"rationale\":\"Hors compétence\"}");

        String withdrawn = raise(service, gasp, "Navette le dimanche");
        step(service, "secretariat", withdrawn, "amendments", "{\"title\":\"Navette du dimanche matin\",\"themes\":[\"transports\"]}");
        step(service, "secretariat", withdrawn, "discussions", "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"summary\":\"Oui\"}");
        step(service, "secretariat", withdrawn, "withdrawal", "{\"reason\":\"Mise en place par le transporteur\"}");
        return List.of(implemented, rejected, withdrawn);
    }

    private static String raise(GaspService service, Organisation gasp, String title) throws Exception {
        ProposalCommand raise = ProposalCommand.raise(gasp, title);
        GaspService.Answer raised = service.command(raise.user(), "POST", raise.path(), raise.body());
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.id();
    }

    private static void step(GaspService service, String user, String id, String action, String body) throws Exception {
        GaspService.Answer answer = service.command(user, "POST", "/api/proposals/" + id + "/" + action, body);
        assertThat(answer.status()).as(action + " -> " + answer).isEqualTo(200);
    }
}
