package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for the query side to have read every stored event: the read models' lag (its
 * Prometheus gauge, the store's head minus the processor's position) is 0, and the audit log
 * holds as many events as the store.
 */
final class CatchUp {

    private static final Pattern LAG = Pattern.compile("^gasp_readmodel_lag_events\\S* (\\S+)$", Pattern.MULTILINE);

    private CatchUp() {
    }

    /**
     * Waits until the query side has caught up; fails once it has gone {@code timeout} without
     * getting any closer (no new lowest lag, no more events audited). A catch-up of thousands
     * of events takes as long as the machine makes it take (several times longer on a busy
     * one): a fixed deadline for the whole of it would fail a query side that is merely slow,
     * while one that is stuck, or stopped, still fails.
     */
    static void await(GaspService service, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        double lowestLag = Double.POSITIVE_INFINITY;
        long mostAudited = -1;
        String last = "";
        while (System.nanoTime() < deadline) {
            double lag = lag(service);
            long[] counts = counts(service.databaseUrl);
            last = "lag " + lag + ", " + counts[0] + " events stored, " + counts[1] + " audited";
            if (lag == 0.0 && counts[0] == counts[1]) {
                return;
            }
            boolean closer = lag >= 0 && lag < lowestLag || counts[1] > mostAudited;
            if (closer) {
                deadline = System.nanoTime() + timeout.toNanos();
                lowestLag = lag >= 0 ? Math.min(lowestLag, lag) : lowestLag;
                mostAudited = Math.max(mostAudited, counts[1]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the query side did not catch up: no step closer for " + timeout + "; " + last);
    }

    /** The read models' lag in events, or NaN while the query side does not answer. */
    static double lag(GaspService service) {
        try {
            HttpResponse<String> metrics = service.sendRaw("admin", service.querySide.baseUrl(), "GET",
                    "/actuator/prometheus", null);
            Matcher value = LAG.matcher(metrics.body());
            return metrics.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
        } catch (Exception notAnswering) {
            return Double.NaN;
        }
    }

    /** Events in the store, and in the audit log. */
    private static long[] counts(String databaseUrl) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery(
                     "SELECT (SELECT count(*) FROM domain_event_entry), (SELECT count(*) FROM audit_event)")) {
            counts.next();
            return new long[]{counts.getLong(1), counts.getLong(2)};
        }
    }
}
