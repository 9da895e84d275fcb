package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;
import fr.gasp.platform.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity for production: both apps accept the OpenID Connect provider's tokens on the API,
 * with the roles read from a claim, and accounts given explicitly; without the demo
 * accounts, a deployment with no way to identify anyone refuses to start.
 */
class IdentityTest {

    private static TestIssuer issuer;
    private static GaspService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLERK_PASSWORD = "mot-de-passe-du-secretariat";

    @BeforeAll
    static void startBothAppsWithAProvider() throws Exception {
        issuer = TestIssuer.start();
        service = GaspService.start(Map.of(
                "GASP_DEMO_USERS", "false",
                "GASP_OIDC_ISSUER_URI", issuer.issuerUri(),
                "GASP_OIDC_ROLE_MAPPING", "gasp-elus=ELECTED",
                "GASP_OIDC_CLIENT_ID", TestIssuer.CLIENT_ID,
                "GASP_OIDC_CLIENT_SECRET", TestIssuer.CLIENT_SECRET,
                "GASP_USERS", "greffe:{bcrypt}" + new BCryptPasswordEncoder().encode(CLERK_PASSWORD) + ":SECRETARIAT"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void a_provider_token_carries_the_roles_and_the_actor_into_the_events() throws Exception {
        String token = issuer.token("claire.martin", List.of("SECRETARIAT"), Duration.ofMinutes(5));
        HttpResponse<String> created = bearer(token, service.commandSide.baseUrl(), "POST", "/api/gasps",
                "{\"name\":\"GASP OIDC\",\"communes\":[\"Escaupont\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String metaData = lastStoredMetaData();
        assertThat(metaData).contains("\"actor\":\"claire.martin\"", "\"role\":\"SECRETARIAT\"");

        String elected = issuer.token("elu", List.of("gasp-elus"), Duration.ofMinutes(5));
        assertThat(bearer(elected, service.querySide.baseUrl(), "GET", "/api/proposals", null).statusCode())
                .isEqualTo(200);
        assertThat(bearer(elected, service.commandSide.baseUrl(), "POST", "/api/gasps",
                "{\"name\":\"x\",\"communes\":[\"y\"]}").statusCode()).isEqualTo(403);
        String noRole = issuer.token("visiteur", List.of("inconnu"), Duration.ofMinutes(5));
        assertThat(bearer(noRole, service.querySide.baseUrl(), "GET", "/api/proposals", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void people_sign_in_to_the_pages_with_the_provider_and_get_the_role_it_says() throws Exception {
        issuer.signInNextAs("marie.elue", List.of("gasp-elus"));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                URI.create(service.querySide.baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("/oauth2/authorization/oidc");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(
                        URI.create(service.querySide.baseUrl() + "/oauth2/authorization/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        assertThat(signedIn.body()).contains("Tableau de bord", "marie.elue");

        issuer.signInNextAs("passant", List.of("sans-role"));
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> refused = stranger.send(HttpRequest.newBuilder(
                        URI.create(service.querySide.baseUrl() + "/oauth2/authorization/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void expired_forged_or_missing_tokens_are_401_problems() throws Exception {
        String expired = issuer.token("claire.martin", List.of("SECRETARIAT"), Duration.ofMinutes(-5));
        String forged = issuer.forgedToken("claire.martin", List.of("ADMIN"));
        for (String token : List.of(expired, forged, "pas-un-jeton")) {
            for (String base : List.of(service.commandSide.baseUrl(), service.querySide.baseUrl())) {
                HttpResponse<String> refused = bearer(token, base, "GET", "/api/proposals", null);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            }
        }
        assertThat(bearer(null, service.querySide.baseUrl(), "GET", "/api/proposals", null).statusCode()).isEqualTo(401);
    }

    @Test
    void accounts_given_explicitly_work_and_the_demo_accounts_do_not_exist() throws Exception {
        assertThat(basic("greffe", CLERK_PASSWORD, "/api/proposals").statusCode()).isEqualTo(200);
        assertThat(basic("greffe", "mauvais", "/api/proposals").statusCode()).isEqualTo(401);
        assertThat(basic("admin", "admin", "/api/proposals").statusCode()).isEqualTo(401);
    }

    @Test
    void an_app_with_no_way_to_identify_anyone_refuses_to_start() throws Exception {
        Map<String, String> environment = new HashMap<>(GaspService.environment(TestDatabase.create()));
        environment.put("GASP_DEMO_USERS", "false");
        AppProcess app = AppProcess.start("command-side-without-accounts", "gasp.commandSideJar", environment);
        assertThat(app.awaitExit(AppProcess.STARTUP)).isNotZero();
        assertThat(app.log()).contains("Aucun moyen de s'identifier n'est configuré");
    }

    private static HttpResponse<String> bearer(String token, String base, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> basic(String user, String password, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.querySide.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String lastStoredMetaData() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
            assertThat(row.next()).isTrue();
            return new String(row.getBytes(1), StandardCharsets.UTF_8);
        }
    }
}
