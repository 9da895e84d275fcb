package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.testing.TestDatabase;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's rebuild of its read models ({@code POST /api/admin/replay}, ADMIN; its
 * progress at {@code GET /api/admin/replay}), and the check every reliability test ends on:
 * what the read models hold equals what a rebuild from all the stored events gives.
 */
final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Replay() {
    }

    /** Starts a rebuild; the query side answers 202 with its progress. */
    static JsonNode start(GaspService service) throws Exception {
        HttpResponse<String> started = service.sendRaw("admin", service.querySide.baseUrl(), "POST",
                "/api/admin/replay", null);
        assertThat(started.statusCode()).as("POST /api/admin/replay -> " + started.body()).isEqualTo(202);
        return JSON.readTree(started.body());
    }

    static JsonNode progress(GaspService service) throws Exception {
        HttpResponse<String> progress = service.sendRaw("admin", service.querySide.baseUrl(), "GET",
                "/api/admin/replay", null);
        assertThat(progress.statusCode()).as("GET /api/admin/replay -> " + progress.body()).isEqualTo(200);
        return JSON.readTree(progress.body());
    }

    /**
     * Waits for the rebuild to be done; fails if it failed, or went {@code timeout} without
     * reading any further (its length grows with the store and with how busy the machine is).
     */
    static JsonNode awaitDone(GaspService service, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode progress = progress(service);
        long processed = progress.path("processed").asLong();
        while (!progress.path("done").asBoolean()) {
            assertThat(progress.path("state").asText()).as("rebuild: " + progress).isNotEqualTo("FAILED");
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rebuild not done, and no further for " + timeout + ": " + progress);
            }
            Thread.sleep(100);
            progress = progress(service);
            if (progress.path("processed").asLong() > processed) {
                processed = progress.path("processed").asLong();
                deadline = System.nanoTime() + timeout.toNanos();
            }
        }
        assertThat(progress.path("state").asText()).as("rebuild: " + progress).isEqualTo("DONE");
        return progress;
    }

    /**
     * Once the query side has caught up, its read models are dumped, rebuilt from the store,
     * and dumped again: both dumps must be equal, row for row.
     */
    static void assertReadModelsEqualARebuild(GaspService service) throws Exception {
        CatchUp.await(service, Duration.ofSeconds(60));
        Map<String, List<String>> before;
        try (Connection connection = TestDatabase.connect(service.databaseUrl)) {
            before = ReadModelTables.dump(connection);
        }
        long stored = EventStoreRows.count(service.databaseUrl);
        start(service);
        JsonNode done = awaitDone(service, Duration.ofSeconds(60));
        // Equal dumps would prove nothing of a rebuild that read nothing.
        assertThat(done.path("processed").asLong()).as("events the rebuild read: " + done).isEqualTo(stored);
        CatchUp.await(service, Duration.ofSeconds(60));
        Map<String, List<String>> rebuilt;
        try (Connection connection = TestDatabase.connect(service.databaseUrl)) {
            rebuilt = ReadModelTables.dump(connection);
        }
        assertThat(ReadModelTables.differences(rebuilt, before)).as("read models against a rebuild ("
                + ReadModelTables.sizes(rebuilt) + " rows rebuilt; " + done + ")").isEmpty();
        assertThat(before).isEqualTo(rebuilt);
    }
}
