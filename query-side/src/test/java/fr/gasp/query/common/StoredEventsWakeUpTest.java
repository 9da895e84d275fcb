package fr.gasp.query.common;

import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.platform.axon.StoredEventsListener;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by another process (the command side) reach the read models as soon as they
 * are committed: PostgreSQL notifies the query side, whose reader would otherwise find them at
 * its next poll, here set to a minute so that only the notification can explain a prompt read.
 */
@TestPropertySource(properties = "gasp.events.fetch-delay-when-notified-ms=60000")
@DirtiesContext
class StoredEventsWakeUpTest extends QuerySideIntegrationTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Autowired
    private StoredEventsListener listener;

    @Test
    void an_event_stored_by_another_process_is_read_as_soon_as_it_is_committed() {
        awaitListening();
        idleReader();

        UUID gasp = storeElsewhere("GASP notifié");

        assertThat(readable(gasp)).as("read within " + PROMPTLY + " of its commit").isTrue();
    }

    @Test
    void the_listener_comes_back_after_its_connection_is_lost() {
        awaitListening();
        int terminated = jdbc.sql("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE application_name = ? AND datname = current_database()""")
                .param("gasp-stored-events-listener").query(Integer.class).single();
        assertThat(terminated).isEqualTo(1);
        awaitListening();
        idleReader();

        UUID gasp = storeElsewhere("GASP notifié après la coupure");

        assertThat(readable(gasp)).as("read within " + PROMPTLY + " of its commit").isTrue();
    }

    /** What the command side does, on a connection that is not the query side's event store's. */
    private UUID storeElsewhere(String name) {
        UUID gasp = UUID.randomUUID();
        SerializedObject<byte[]> payload = serializer.serialize(
                new GaspCreated(gasp, name, List.of("Onnaing"), LocalDate.of(2024, 1, 8)), byte[].class);
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Gasp', ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), gasp.toString(), Instant.now().toString(),
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                        "{\"actor\":\"secretariat\",\"role\":\"SECRETARIAT\"}".getBytes())
                .update();
        return gasp;
    }

    private boolean readable(UUID gasp) {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("secretariat", "/api/gasps/" + gasp).status() == 200) {
                return true;
            }
            pause(20);
        }
        return false;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // A connection just terminated may still look open for a moment: wait for a new one to listen.
        pause(100);
        while (!listener.isListening()) {
            assertThat(System.nanoTime()).as("listening again within 10 s").isLessThan(deadline);
            pause(20);
        }
    }

    /** Lets the reader find nothing and go to sleep for its (minute-long) poll. */
    private static void idleReader() {
        pause(300);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
