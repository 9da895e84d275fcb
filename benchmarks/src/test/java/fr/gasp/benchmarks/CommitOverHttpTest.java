package fr.gasp.benchmarks;

import fr.gasp.benchmarks.floor.CommitOverHttp;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The floor over HTTP on the real PostgreSQL server: one request, one committed event-shaped row. */
class CommitOverHttpTest {

    @Test
    void commits_one_event_shaped_row_per_request_and_answers_its_identifier() throws Exception {
        try (BenchDatabase database = BenchDatabase.create("jdbc:postgresql://127.0.0.1:5432/", "postgres", "")) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                EventShapedTable.create(statement, CommitOverHttp.TABLE);
            }
            try (ConfigurableApplicationContext floor = CommitOverHttp.start("--server.port=0",
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user,
                    "--spring.datasource.password=" + database.password)) {
                int port = ((ServletWebServerApplicationContext) floor).getWebServer().getPort();
                // Its commands run in a transaction of their own, as the command side's do (docs/adr/0006).
                assertThat(floor.getBeansWithAnnotation(RestController.class).values())
                        .isNotEmpty().allMatch(AopUtils::isAopProxy);
                Api api = new Api();

                Api.Answer answer = api.post("http://127.0.0.1:" + port, "secretariat", "/floor/proposals",
                        "{\"raisedByGroupId\":\"0b8f9c57-7f4e-4c43-9a59-1d7f1f3f0a11\",\"title\":\"Horaires du guichet\","
                                + "\"description\":\"Ouvrir le samedi\",\"themes\":[\"accueil\"]}")
                        .expect(201, "raise on the floor");

                String id = answer.json().get("id").asText();
                try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, payload FROM " + CommitOverHttp.TABLE)) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(id);
                    assertThat(new String(rows.getBytes(2), StandardCharsets.UTF_8))
                            .contains("\"title\":\"Horaires du guichet\"").contains("\"proposalId\":\"" + id + "\"");
                    assertThat(rows.next()).isFalse();
                }
                assertThat(api.get("http://127.0.0.1:" + port, "nobody", "/floor/health").body()).contains("\"UP\"");
            }
        }
    }
}
