package fr.gasp.benchmarks;

import java.util.Arrays;

/**
 * Durations recorded by many threads, read as percentiles. Nearest-rank percentiles on the
 * sorted samples: with 200 samples the p99 is the second slowest, not an interpolation.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The smallest sample that at least {@code percent} % of the samples do not exceed, in ms; NaN if none. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1_000_000.0;
    }

    synchronized double maxMillis() {
        return percentileMillis(100);
    }

    /** "p50 1.2 / p95 3.4 / p99 5.6 / max 7.8 ms (n=200)" for the listed percentiles. */
    String summary(double... percents) {
        StringBuilder text = new StringBuilder();
        for (double percent : percents) {
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(percent == 100 ? "max" : "p" + Report.number(percent)).append(' ')
                    .append(Report.millis(percentileMillis(percent)));
        }
        return text.append(" ms (n=").append(count()).append(')').toString();
    }
}
