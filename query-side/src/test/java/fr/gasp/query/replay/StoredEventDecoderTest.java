package fr.gasp.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gasp.events.proposal.ProposalRaised;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild's decoding gives what the processors' serializer gives, and Axon's time stamps as Instant reads them. */
class StoredEventDecoderTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private final StoredEventDecoder decoder = new StoredEventDecoder(serializer);

    @Test
    void a_payload_and_its_metadata_read_as_the_serializer_reads_them() {
        UUID id = UUID.randomUUID();
        ProposalRaised raised = new ProposalRaised(id, UUID.randomUUID(), UUID.randomUUID(), null, "Titre",
                "Une description « accentuée »", List.of("accueil", "mobilité"), LocalDate.of(2024, 5, 2));
        SerializedObject<byte[]> payload = serializer.serialize(raised, byte[].class);
        MetaData metaData = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT").and("traceId", "t-1");
        byte[] storedMetaData = serializer.serialize(metaData, byte[].class).getData();

        for (int time = 0; time < 2; time++) {
            Object decoded = decoder.payload(payload.getData(), payload.getType().getName(),
                    payload.getType().getRevision());
            assertThat(decoded).isEqualTo(raised)
                    .isEqualTo(serializer.deserialize(new SimpleSerializedObject<>(payload.getData(), byte[].class,
                            payload.getType())));
            assertThat(decoder.metaData(storedMetaData)).isEqualTo(metaData);
        }
        assertThat(decoder.metaData(null)).isEqualTo(MetaData.emptyInstance());
    }

    @Test
    void time_stamps_read_as_instant_parse_reads_them_whatever_their_precision() {
        for (String stored : List.of("2024-05-02T10:15:30Z", "2024-05-02T10:15:30.1Z", "2024-05-02T10:15:30.123Z",
                "2024-12-31T23:59:59.123456Z", "2000-01-01T00:00:00.000000001Z", "2024-02-29T12:00:00.999999999Z")) {
            assertThat(StoredEventDecoder.timestamp(stored)).as(stored).isEqualTo(Instant.parse(stored));
        }
        // Other shapes are Instant.parse's to read (or refuse).
        assertThat(StoredEventDecoder.timestamp("+12024-05-02T10:15:30Z")).isEqualTo(Instant.parse("+12024-05-02T10:15:30Z"));
    }
}
