package fr.gasp.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations read the apps' metrics in Prometheus' format, including how many events the
 * read models are behind the store; only an ADMIN may, and health stays open.
 */
@ExtendWith(BothApps.class)
class MetricsTest {

    private static final Pattern LAG = Pattern.compile("^gasp_readmodel_lag_events\\S* (\\S+)$", Pattern.MULTILINE);
    private static final Pattern AUDIT_LAG = Pattern.compile("^gasp_audit_lag_events\\S* (\\S+)$", Pattern.MULTILINE);

    @Test
    void the_read_model_and_audit_lags_are_published_and_drop_to_zero_once_caught_up(GaspService service) throws Exception {
        Organisation gasp = Organisation.create(service, "GASP des métriques");
        service.read("elected", "/api/gasps/" + gasp.gaspId());
        double lag = Double.NaN;
        double auditLag = Double.NaN;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> metrics = service.sendRaw("admin", service.querySide.baseUrl(), "GET",
                    "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            lag = gauge(LAG, metrics.body());
            auditLag = gauge(AUDIT_LAG, metrics.body());
            if (lag == 0.0 && auditLag == 0.0) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(lag).isZero();
        assertThat(auditLag).isZero();
        assertThat(service.sendRaw("admin", service.commandSide.baseUrl(), "GET", "/actuator/prometheus", null)
                .body()).contains("http_server_requests");
    }

    private static double gauge(Pattern gauge, String metrics) {
        Matcher value = gauge.matcher(metrics);
        assertThat(value.find()).as(gauge.pattern() + " in\n" + metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void only_an_admin_reads_the_metrics_and_health_stays_open(GaspService service) throws Exception {
        for (String base : new String[]{service.commandSide.baseUrl(), service.querySide.baseUrl()}) {
            assertThat(service.sendRaw(null, base, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(service.sendRaw("elected", base, "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(403);
            assertThat(service.sendRaw("auditor", base, "GET", "/actuator/metrics", null).statusCode()).isEqualTo(403);
            assertThat(service.sendRaw(null, base, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }
}
