package fr.gasp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.testing.RawHttp;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export holds the rows of the audit API for the same filters: French headers,
 * RFC 4180 quoting, UTF-8 with a byte-order mark, and formulas defused.
 */
class AuditCsvTest extends QuerySideIntegrationTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @LocalServerPort
    private int port;

    @Test
    void the_export_holds_the_rows_of_the_api_quoted_and_defused() {
        UUID gasp = given.gasp("GASP exporté", LocalDate.of(1983, 1, 5), "Escaupont");
        UUID users = given.group(gasp, USERS, "Usagers exportés", LocalDate.of(1983, 1, 6));
        UUID proposal = given.raise(gasp, users, null, "Guide \"pratique\", édition 2", LocalDate.of(1983, 2, 1));
        given.append("Proposal", proposal, new ProposalValidated(proposal, null, null, LocalDate.of(1983, 3, 1)),
                MetaData.with("actor", "=2+3").and("role", "REFERENT"));
        given.awaitReadModel();
        String filter = "?from=1983-01-01&to=1983-12-31";
        JsonNode items = api.get("auditor", "/api/audit" + filter).body().get("items");

        RawHttp.Response csv = RawHttp.get(port, "auditor", "/api/audit.csv" + filter);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"audit.csv\"");
        assertThat(Arrays.copyOf(csv.body(), 3)).isEqualTo(BOM);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text).contains(",\"Proposition « Guide \"\"pratique\"\", édition 2 » émise par le groupe "
                + "« Usagers exportés »\",");
        List<List<String>> rows = parse(text);
        assertThat(rows.get(0)).containsExactly("index_global", "identifiant_evenement", "type_agregat",
                "identifiant_agregat", "numero_de_sequence", "type_evenement", "date_metier", "enregistre_le",
                "acteur", "role", "resume", "empreinte_chaine");
        assertThat(rows).hasSize(1 + 4).hasSize(1 + items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String actor = item.get("actor").asText();
            assertThat(rows.get(1 + i)).containsExactly(item.get("globalIndex").asText(),
                    item.get("eventIdentifier").asText(), item.get("aggregateType").asText(),
                    item.get("aggregateId").asText(), item.get("sequenceNumber").asText(), item.get("type").asText(),
                    item.get("occurredOn").asText(), item.get("recordedAt").asText(),
                    actor.startsWith("=") ? "'" + actor : actor, item.get("role").asText(),
                    item.get("summary").asText(), item.get("hash").asText());
        }
        assertThat(rows.get(4).get(8)).isEqualTo("'=2+3");
        assertThat(rows.get(3).get(10)).isEqualTo("Proposition « Guide \"pratique\", édition 2 » émise par le groupe "
                + "« Usagers exportés »");
    }

    @Test
    void the_export_takes_the_same_filters_as_the_api() {
        UUID gasp = given.gasp("GASP exporté par acteur", LocalDate.of(1984, 1, 5), "Escaupont");
        given.append("Probe", UUID.randomUUID(), new AuditProbe("sonde"), MetaData.with("actor", "exporteur-1984"));
        given.awaitReadModel();

        List<List<String>> byActor = parse(csvText("/api/audit.csv?actor=exporteur-1984"));
        List<List<String>> byType = parse(csvText("/api/audit.csv?type=GaspCreated&from=1984-01-01&to=1984-12-31"));

        assertThat(byActor).hasSize(2);
        assertThat(byActor.get(1).get(5)).isEqualTo("AuditProbe");
        assertThat(byType).hasSize(2);
        assertThat(byType.get(1).get(3)).isEqualTo(gasp.toString());
    }

    private String csvText(String path) {
        RawHttp.Response csv = RawHttp.get(port, "admin", path);
        assertThat(csv.status()).as(path).isEqualTo(200);
        return new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
    }

    /** RFC 4180, as a spreadsheet reads it. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
