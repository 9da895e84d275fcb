package fr.gasp.query.common;

import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** GASPs, groups and meetings are open to every role, and to no one who is not identified. */
class ReadAccessTest extends QuerySideIntegrationTest {

    private static final List<String> ROLES = List.of("secretariat", "referent", "elected", "auditor", "admin");

    @Test
    void every_role_reads_gasps_groups_and_meetings_and_an_anonymous_caller_none() {
        UUID gasp = given.gasp("GASP ouvert", LocalDate.of(2016, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2016, 1, 2));
        UUID meeting = given.meeting(gasp, GROUP, group, LocalDate.of(2016, 2, 2), 9);
        given.awaitReadModel();
        List<String> paths = List.of("/api/gasps", "/api/gasps/" + gasp, "/api/groups?gaspId=" + gasp,
                "/api/groups/" + group, "/api/meetings?gaspId=" + gasp, "/api/meetings/" + meeting,
                "/api/meetings/" + meeting + "/minutes");

        for (String path : paths) {
            for (String role : ROLES) {
                assertThat(api.get(role, path).status()).as(role + " GET " + path).isEqualTo(200);
            }
            Answer anonymous = api.get(null, path);
            assertThat(anonymous.status()).as("anonymous GET " + path).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
    }
}
