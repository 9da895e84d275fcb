package fr.gasp.benchmarks;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's own account of how far behind the store one of its processors is: a
 * gauge on /actuator/prometheus (ADMIN only), gasp_readmodel_lag_events for the read models,
 * gasp_audit_lag_events for the audit chain.
 */
final class ProcessorCatchUp {

    static final String READ_MODELS = "gasp_readmodel_lag_events";
    static final String AUDIT_CHAIN = "gasp_audit_lag_events";

    record Observed(long lagAtStart, long lagAtEnd, double seconds, boolean caughtUp) {

        /** Events the live processor applied per second over the window (the store did not grow meanwhile). */
        double eventsPerSecond() {
            return (lagAtStart - lagAtEnd) / seconds;
        }
    }

    private final Api api = new Api();
    private final String querySide;
    private final Pattern gauge;

    ProcessorCatchUp(String querySide, String gaugeName) {
        this.querySide = querySide;
        this.gauge = gauge(gaugeName);
    }

    static Pattern gauge(String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})?\\s+([-0-9.eE+]+)");
    }

    /** Empty while the processor has no position yet (the gauge says -1) or the endpoint does not answer. */
    OptionalLong lag() {
        try {
            Api.Answer answer = api.get(querySide, "admin", "/actuator/prometheus");
            if (answer.status() != 200) {
                return OptionalLong.empty();
            }
            return parse(gauge, answer.body());
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parse(Pattern gauge, String prometheus) {
        Matcher matcher = gauge.matcher(prometheus);
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        long lag = (long) Double.parseDouble(matcher.group(1));
        return lag < 0 ? OptionalLong.empty() : OptionalLong.of(lag);
    }

    /** Watches the lag for at most {@code maxSeconds} or until it is zero. */
    Observed watch(double maxSeconds) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + (long) (maxSeconds * 1e9);
        OptionalLong first = lag();
        while (first.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            first = lag();
        }
        if (first.isEmpty()) {
            return new Observed(0, 0, 0, false);
        }
        long firstNanos = System.nanoTime();
        long last = first.getAsLong();
        long lastNanos = firstNanos;
        while (last > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            OptionalLong now = lag();
            if (now.isPresent()) {
                last = now.getAsLong();
                lastNanos = System.nanoTime();
            }
        }
        return new Observed(first.getAsLong(), last, Math.max(1e-3, (lastNanos - firstNanos) / 1e9), last == 0);
    }
}
