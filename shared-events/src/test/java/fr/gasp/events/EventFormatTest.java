package fr.gasp.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of events, pinned: a change here would make stored events unreadable, so
 * it must come with an upcaster and a new revision, never as an accident of a refactoring or
 * of a Jackson setting.
 */
class EventFormatTest {

    private static final UUID PROPOSAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID GASP = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-000000000003");

    /** Configured as Spring Boot configures the ObjectMapper that Axon's Jackson serializer uses. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void a_raised_proposal_is_stored_as_this_json() throws Exception {
        ProposalRaised event = new ProposalRaised(PROPOSAL, GASP, GROUP, null, "Guide", "Un guide",
                List.of("connaissance des services"), LocalDate.of(2000, 9, 12));
        String stored = """
                {"proposalId":"00000000-0000-0000-0000-000000000001","gaspId":"00000000-0000-0000-0000-000000000002",\
                "raisedByGroupId":"00000000-0000-0000-0000-000000000003","meetingId":null,"title":"Guide",\
                "description":"Un guide","themes":["connaissance des services"],"occurredOn":"2000-09-12"}""";
        assertThat(json.writeValueAsString(event)).isEqualTo(stored);
        assertThat(json.readValue(stored, ProposalRaised.class)).isEqualTo(event);
    }

    @Test
    void other_events_keep_their_shape() throws Exception {
        assertThat(json.writeValueAsString(new ProposalRejected(PROPOSAL, null, "Coût", LocalDate.of(2001, 3, 19))))
                .isEqualTo("{\"proposalId\":\"00000000-0000-0000-0000-000000000001\",\"meetingId\":null,"
                        + "\"rationale\":\"Coût\",\"occurredOn\":\"2001-03-19\"}");
        assertThat(json.writeValueAsString(new ImplementationProgressed(PROPOSAL, 60, null, LocalDate.of(2001, 6, 11))))
                .isEqualTo("{\"proposalId\":\"00000000-0000-0000-0000-000000000001\",\"percent\":60,"
                        + "\"note\":null,\"occurredOn\":\"2001-06-11\"}");
        assertThat(json.writeValueAsString(new GroupCreated(GROUP, GASP, GroupKind.USERS, "Usagers",
                LocalDate.of(2000, 6, 1))))
                .isEqualTo("{\"groupId\":\"00000000-0000-0000-0000-000000000003\",\"gaspId\":"
                        + "\"00000000-0000-0000-0000-000000000002\",\"kind\":\"USERS\",\"name\":\"Usagers\","
                        + "\"occurredOn\":\"2000-06-01\"}");
    }
}
