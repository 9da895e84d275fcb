package fr.gasp.query.common;

import fr.gasp.query.testing.QuerySideIntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is timed as a whole, and nothing observes each security filter, authentication and
 * authorization on the way (they cost a read a third of its CPU in the profile of issue 6).
 */
class SecurityObservationsTest extends QuerySideIntegrationTest {

    @Autowired
    private ObservationRegistry observations;

    @Test
    void a_request_is_observed_once_and_its_security_filters_not_at_all() {
        List<String> started = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });

        assertThat(api.get("elected", "/api/gasps").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/gasps").status()).isEqualTo(401);

        assertThat(started).contains("http.server.requests");
        assertThat(started).noneMatch(name -> name.startsWith("spring.security"));
    }
}
