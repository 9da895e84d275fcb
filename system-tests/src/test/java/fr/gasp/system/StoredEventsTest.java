package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lands in PostgreSQL: one row per event in Axon's JDBC store, the payload as JSON
 * holding the business date, the metadata naming the actor and role, and no person's name.
 */
@ExtendWith(BothApps.class)
class StoredEventsTest {

    @Test
    void each_event_records_its_business_date_actor_and_role(GaspService service) throws Exception {
        Organisation gasp = Organisation.create(service, "GASP du stockage");
        String id = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"title\":\"Guide\",\"description\":\"d\","
                        + "\"themes\":[\"t\"],\"occurredOn\":\"2000-09-12\"}").id();
        service.command("secretariat", "POST", "/api/proposals/" + id + "/discussions",
                "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"summary\":\"s\",\"occurredOn\":\"2000-10-03\"}");
        service.command("secretariat", "POST", "/api/proposals/" + id + "/submission", "{\"occurredOn\":\"2000-10-04\"}");
        service.command("referent", "POST", "/api/proposals/" + id + "/decision",
                "{\"outcome\":\"REJECTED\",\"rationale\":\"Coût\",\"occurredOn\":\"2000-11-20\"}");

        ObjectMapper json = new ObjectMapper();
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT sequence_number, type, payload_type, payload_revision, payload, meta_data
                     FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                String[] expectedTypes = {"ProposalRaised", "ProposalDiscussed", "ProposalSubmitted", "ProposalRejected"};
                String[] expectedActors = {"secretariat", "secretariat", "secretariat", "referent"};
                String[] expectedDates = {"2000-09-12", "2000-10-03", "2000-10-04", "2000-11-20"};
                int count = 0;
                while (rows.next()) {
                    assertThat(rows.getLong("sequence_number")).isEqualTo(count);
                    assertThat(rows.getString("type")).isEqualTo("Proposal");
                    assertThat(rows.getString("payload_type")).isEqualTo("fr.gasp.events.proposal." + expectedTypes[count]);
                    assertThat(rows.getString("payload_revision")).isEqualTo("1");
                    JsonNode payload = json.readTree(new String(rows.getBytes("payload"), StandardCharsets.UTF_8));
                    assertThat(payload.get("occurredOn").asText()).isEqualTo(expectedDates[count]);
                    JsonNode metaData = json.readTree(new String(rows.getBytes("meta_data"), StandardCharsets.UTF_8));
                    assertThat(metaData.get("actor").asText()).isEqualTo(expectedActors[count]);
                    assertThat(metaData.get("role").asText()).isEqualTo(expectedActors[count].toUpperCase());
                    count++;
                }
                assertThat(count).isEqualTo(4);
            }
        }
    }
}
