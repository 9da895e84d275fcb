package fr.gasp.query.web;

import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static fr.gasp.query.web.Browsing.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ways in: the API keeps stateless HTTP Basic and problem+json; the pages have a login
 * form and a session (HTTP Basic accepted too), CSRF on, and their stylesheets open.
 */
class PageSecurityTest extends QuerySideIntegrationTest {

    private static final List<String> ROLES = List.of("secretariat", "referent", "elected", "auditor", "admin");
    private static final String HTML = "text/html,application/xhtml+xml";

    @LocalServerPort
    private int port;

    private Browsing browsing;

    @BeforeEach
    void browse() {
        browsing = new Browsing(port);
    }

    @Test
    void a_visitor_is_sent_to_the_login_page_which_is_open_with_its_stylesheets() {
        for (String page : List.of("/", "/proposals", "/reports/annual/2024", "/proposals/" + UUID.randomUUID())) {
            HttpResponse<byte[]> answer = browsing.get(null, page, HTML);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        HttpResponse<byte[]> login = browsing.get(null, "/login", HTML);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(text(login)).contains("<html lang=\"fr\">").contains("<h1>Connexion</h1>")
                .contains("<label for=\"username\">Identifiant</label>").contains("name=\"_csrf\"");
        for (String asset : List.of("/css/site.css", "/js/graphiques.js", "/images/gasp.svg",
                "/webjars/chart.js/dist/chart.umd.min.js")) {
            assertThat(browsing.get(null, asset, null).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void every_role_reads_the_pages_with_http_basic_too() {
        for (String role : ROLES) {
            for (String page : List.of("/", "/proposals", "/reports/annual/2024")) {
                HttpResponse<byte[]> answer = browsing.get(role, page, HTML);
                assertThat(answer.statusCode()).as(role + " " + page).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
            }
        }
    }

    @Test
    void the_api_stays_stateless_basic_with_problem_answers_even_for_a_browser() {
        HttpResponse<byte[]> anonymous = browsing.get(null, "/api/proposals", HTML);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<byte[]> identified = browsing.get("elected", "/api/proposals", null);
        assertThat(identified.statusCode()).isEqualTo(200);
        assertThat(identified.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(browsing.get("elected", "/api/nothing-here", null).statusCode()).isEqualTo(403);
    }

    @Test
    void pages_refuse_a_post_without_its_csrf_token_and_forbid_foreign_scripts() {
        assertThat(browsing.post("elected", "/logout").statusCode()).isEqualTo(403);

        HttpResponse<byte[]> page = browsing.get("elected", "/", HTML);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").contains("object-src 'none'")
                        .contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void a_page_that_does_not_exist_or_asks_nonsense_answers_a_french_page() {
        HttpResponse<byte[]> unknown = browsing.get("elected", "/proposals/" + UUID.randomUUID(), HTML);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(unknown)).contains("<h1>Page introuvable</h1>").contains("est inconnu(e)");

        HttpResponse<byte[]> badYear = browsing.get("elected", "/reports/annual/1492", HTML);
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(text(badYear)).contains("<h1>Demande incorrecte</h1>");

        HttpResponse<byte[]> badId = browsing.get("elected", "/proposals/pas-un-identifiant", HTML);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(text(badId)).contains("<h1>Demande incorrecte</h1>");
    }
}
