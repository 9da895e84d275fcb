package fr.gasp.benchmarks;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's own figure of how old events are when the read models showing them commit
 * ({@code gasp_readmodel_projection_delay_seconds}, a histogram on /actuator/prometheus): read
 * before and after a phase, the difference gives that phase's distribution. Beside the lag
 * the harness measures (command answered → query side answers a read at that version), it
 * tells how much of it is the query side's projection and how much the rest: the read's own
 * request, and the clients waiting for the CPU. Quantiles are bucket bounds: "p99 ≤ 150 ms".
 */
record ProjectionDelay(TreeMap<Double, Double> cumulativeCounts) {

    static final String BUCKETS = "gasp_readmodel_projection_delay_seconds_bucket";
    private static final Pattern BUCKET = Pattern.compile(
            "(?m)^" + BUCKETS + "\\{(?:[^}]*,)?le=\"([^\"]+)\"[^}]*}\\s+([-0-9.eE+]+)");

    /** Empty when the query side does not publish the histogram (an older build) or does not answer. */
    static Optional<ProjectionDelay> read(Api api, String querySide) {
        try {
            Api.Answer answer = api.get(querySide, "admin", "/actuator/prometheus");
            return answer.status() == 200 ? parse(answer.body()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Optional<ProjectionDelay> parse(String prometheus) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(prometheus);
        while (bucket.find()) {
            double bound = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
            counts.put(bound, Double.parseDouble(bucket.group(2)));
        }
        return counts.containsKey(Double.POSITIVE_INFINITY) ? Optional.of(new ProjectionDelay(counts)) : Optional.empty();
    }

    /** What was recorded between {@code earlier} and this reading. */
    ProjectionDelay since(ProjectionDelay earlier) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        cumulativeCounts.forEach((bound, count) -> counts.put(bound, count - earlier.cumulativeCounts.getOrDefault(bound, 0.0)));
        return new ProjectionDelay(counts);
    }

    long count() {
        return Math.round(cumulativeCounts.get(Double.POSITIVE_INFINITY));
    }

    /** The smallest bucket bound, in seconds, with at least {@code percent} % of the events at or under it. */
    double percentileBound(double percent) {
        double wanted = count() * percent / 100;
        for (Map.Entry<Double, Double> bucket : cumulativeCounts.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    String summary() {
        return "n=" + count() + ", p50 " + bound(50) + ", p95 " + bound(95) + ", p99 " + bound(99);
    }

    private String bound(double percent) {
        double seconds = percentileBound(percent);
        if (Double.isInfinite(seconds)) {
            return "> " + Report.millis(cumulativeCounts.lowerKey(Double.POSITIVE_INFINITY) * 1000) + " ms";
        }
        return "≤ " + Report.millis(seconds * 1000) + " ms";
    }
}
