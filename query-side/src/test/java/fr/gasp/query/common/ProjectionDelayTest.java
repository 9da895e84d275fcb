package fr.gasp.query.common;

import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.testing.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' staleness in time: each event's age when the batch that applied it committed. */
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class ProjectionDelayTest extends QuerySideIntegrationTest {

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");

    @Autowired
    private MeterRegistry registry;

    @LocalServerPort
    private int port;

    @Test
    void an_event_recorded_a_minute_ago_is_a_minute_old_when_the_read_models_show_it() {
        Timer delay = registry.get("gasp.readmodel.projection.delay").timer();
        given.awaitReadModel();
        long before = delay.count();
        double aboveThirtySecondsBefore = countAbove(delay, Duration.ofSeconds(30));

        UUID gasp = UUID.randomUUID();
        Instant aMinuteAgo = Instant.now().minus(Duration.ofMinutes(1));
        given.append("Gasp", gasp, new GaspCreated(gasp, "GASP en retard", List.of("Quarouble"), LocalDate.of(2024, 1, 8)),
                SECRETARIAT, aMinuteAgo);
        given.awaitReadModel();

        assertThat(delay.count()).isEqualTo(before + 1);
        assertThat(delay.max(TimeUnit.SECONDS)).isBetween(60.0, 120.0);
        assertThat(countAbove(delay, Duration.ofSeconds(30)) - aboveThirtySecondsBefore).isEqualTo(1);

        assertThat(prometheus()).contains("gasp_readmodel_projection_delay_seconds_bucket{le=\"0.1\"}",
                "gasp_readmodel_projection_delay_seconds_count");
    }

    private String prometheus() {
        RawHttp.Response response = RawHttp.get(port, "admin", "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** Events recorded with a delay over {@code bound}, from the timer's buckets. */
    private static double countAbove(Timer timer, Duration bound) {
        double atMost = 0;
        for (var bucket : timer.takeSnapshot().histogramCounts()) {
            if (bucket.bucket(TimeUnit.NANOSECONDS) == bound.toNanos()) {
                atMost = bucket.count();
            }
        }
        return timer.count() - atMost;
    }
}
