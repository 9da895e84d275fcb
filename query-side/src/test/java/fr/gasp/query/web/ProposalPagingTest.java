package fr.gasp.query.web;

import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.query.web.Browsing.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The proposals list shows twenty at a time, the latest first, and keeps its filters from page to page. */
class ProposalPagingTest extends QuerySideIntegrationTest {

    private static final Pattern ROW_TITLE = Pattern.compile("<th scope=\"row\"><a href=\"/proposals/[^\"]+\">([^<]+)</a>");

    @LocalServerPort
    private int port;

    @Test
    void twenty_three_proposals_make_two_pages_and_the_filters_follow_the_pages() {
        UUID gasp = given.gasp("GASP des pages de liste", LocalDate.of(2019, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2019, 1, 2));
        for (int day = 1; day <= 23; day++) {
            given.raise(gasp, agents, null, String.format("Proposition %02d", day), LocalDate.of(2019, 3, day));
        }
        given.awaitReadModel();
        Browsing browsing = new Browsing(port);

        String first = text(browsing.get("elected", "/proposals?gaspId=" + gasp + "&year=2019", "text/html"));
        assertThat(first).contains("23\u00a0propositions").contains("Page 1 sur 2");
        assertThat(titles(first)).hasSize(20).startsWith("Proposition 23").endsWith("Proposition 04");
        assertThat(first).contains("href=\"/proposals?gaspId=" + gasp + "&amp;year=2019&amp;page=2\"")
                .doesNotContain("rel=\"prev\"");

        String second = text(browsing.get("elected", "/proposals?gaspId=" + gasp + "&year=2019&page=2", "text/html"));
        assertThat(second).contains("Page 2 sur 2").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(titles(second)).containsExactly("Proposition 03", "Proposition 02", "Proposition 01");

        String otherYear = text(browsing.get("elected", "/proposals?gaspId=" + gasp + "&year=2020", "text/html"));
        assertThat(otherYear).contains("Aucune proposition ne correspond à ces critères.");
    }

    private static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = ROW_TITLE.matcher(html);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }
}
