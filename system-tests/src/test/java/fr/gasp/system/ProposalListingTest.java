package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposals list narrows by GASP, status, group, theme and year, and pages. */
@ExtendWith(BothApps.class)
class ProposalListingTest {

    private GaspService service;
    private Organisation gasp;

    @BeforeEach
    void setUp(GaspService service) throws Exception {
        this.service = service;
        this.gasp = Organisation.create(service, "GASP des listes");
    }

    @Test
    void the_list_narrows_by_each_filter_and_pages() throws Exception {
        String guide = raise(gasp.agentsGroupId(), "Guide", "connaissance des services", "2000-09-12");
        String police = raise(gasp.usersGroupId(), "Horaires de police", "insécurité", "2000-11-02");
        String mediators = raise(gasp.usersGroupId(), "Médiateurs", "insécurité", "2001-02-06");
        long version = service.command("secretariat", "POST", "/api/proposals/" + police + "/discussions",
                "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"summary\":\"s\",\"occurredOn\":\"2001-01-15\"}").version();
        for (String written : List.of(police + "?minVersion=" + version, mediators + "?minVersion=0",
                guide + "?minVersion=0")) {
            GaspService.Answer read = service.read("elected", "/api/proposals/" + written);
            assertThat(read.status()).as("read-your-writes before the listing: " + read).isEqualTo(200);
        }

        String all = "/api/proposals?gaspId=" + gasp.gaspId();
        assertThat(ids(all)).containsExactlyInAnyOrder(guide, police, mediators);
        assertThat(service.read("elected", all).body().get("total").asLong()).isEqualTo(3);
        assertThat(ids(all + "&status=DISCUSSED")).containsExactly(police);
        assertThat(ids(all + "&groupId=" + gasp.usersGroupId())).containsExactlyInAnyOrder(police, mediators);
        assertThat(ids(all + "&theme=ins%C3%A9curit%C3%A9")).containsExactlyInAnyOrder(police, mediators);
        // Active in a year: any step whose business date falls in it.
        assertThat(ids(all + "&year=2000")).containsExactlyInAnyOrder(guide, police);
        assertThat(ids(all + "&year=2001")).containsExactlyInAnyOrder(police, mediators);
        assertThat(ids(all + "&year=2002")).isEmpty();

        JsonNode firstPage = service.read("elected", all + "&size=2&page=0").body();
        JsonNode secondPage = service.read("elected", all + "&size=2&page=1").body();
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(secondPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        // Newest raised first.
        assertThat(firstPage.get("items").get(0).get("id").asText()).isEqualTo(mediators);
        JsonNode item = firstPage.get("items").get(0);
        assertThat(item.get("raisedBy").get("groupName").asText()).isEqualTo("Groupe USERS");
        assertThat(item.get("themes").get(0).asText()).isEqualTo("insécurité");
        assertThat(item.get("status").asText()).isEqualTo("RAISED");
    }

    private String raise(String groupId, String title, String theme, String occurredOn) throws Exception {
        GaspService.Answer raised = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + groupId + "\",\"title\":\"" + title + "\",\"description\":\"d\","
                        + "\"themes\":[\"" + theme + "\"],\"occurredOn\":\"" + occurredOn + "\"}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.id();
    }

    private List<String> ids(String path) throws Exception {
        GaspService.Answer answer = service.read("elected", path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
