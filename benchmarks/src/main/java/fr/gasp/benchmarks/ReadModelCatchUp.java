package fr.gasp.benchmarks;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's own account of how far behind the store its read models are: the gauge
 * gasp_readmodel_lag_events on /actuator/prometheus (ADMIN only).
 */
final class ReadModelCatchUp {

    private static final Pattern LAG = Pattern.compile("(?m)^gasp_readmodel_lag_events(?:\\{[^}]*})?\\s+([-0-9.eE+]+)");

    record Observed(long lagAtStart, long lagAtEnd, double seconds, boolean caughtUp) {

        /** Events the live processor applied per second over the window (the store did not grow meanwhile). */
        double eventsPerSecond() {
            return (lagAtStart - lagAtEnd) / seconds;
        }
    }

    private final Api api = new Api();
    private final String querySide;

    ReadModelCatchUp(String querySide) {
        this.querySide = querySide;
    }

    /** Empty while the processor has no position yet (the gauge says -1) or the endpoint does not answer. */
    OptionalLong lag() {
        try {
            Api.Answer answer = api.get(querySide, "admin", "/actuator/prometheus");
            if (answer.status() != 200) {
                return OptionalLong.empty();
            }
            return parse(answer.body());
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parse(String prometheus) {
        Matcher matcher = LAG.matcher(prometheus);
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
