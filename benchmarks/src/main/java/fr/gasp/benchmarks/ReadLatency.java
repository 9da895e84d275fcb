package fr.gasp.benchmarks;

/**
 * Response times of one read, one client, after a warm-up that is not counted. A read so
 * slow that the requests would not fit in the time budget is measured on fewer requests
 * (the result says how many; never fewer than {@link #AT_LEAST}) rather than holding the
 * run for hours; the warm-up gets at most a third of the budget.
 */
final class ReadLatency {

    private static final int AT_LEAST = 3;

    record Result(Latencies latencies, String note) {
    }

    /** Something that makes the read models move, and returns once the query side has it. */
    @FunctionalInterface
    interface Change {
        void make() throws Exception;
    }

    private ReadLatency() {
    }

    /**
     * Response times of a read asked right after the read models moved: what the first reader
     * after a change waits, when nothing computed before that change may be served.
     */
    static Result afterChange(String querySide, String path, int samples, Change change) {
        Api api = new Api();
        Latencies latencies = new Latencies();
        try {
            for (int sample = 0; sample < samples; sample++) {
                change.make();
                latencies.add(api.get(querySide, "elected", path).expect(200, "GET " + path).nanos());
            }
            return new Result(latencies, "");
        } catch (Exception e) {
            return new Result(latencies, "failed after " + latencies.count() + " requests: " + e);
        }
    }

    static Result measure(String querySide, String path, int warmUp, int requests, double budgetSeconds) {
        Api api = new Api();
        long started = System.nanoTime();
        long warmUpDeadline = started + (long) (budgetSeconds / 3 * 1e9);
        long deadline = started + (long) (budgetSeconds * 1e9);
        Latencies latencies = new Latencies();
        try {
            for (int request = 0; request < warmUp && System.nanoTime() < warmUpDeadline; request++) {
                api.get(querySide, "elected", path).expect(200, "GET " + path);
            }
            for (int request = 0; request < requests; request++) {
                if (System.nanoTime() >= deadline && request >= AT_LEAST) {
                    return new Result(latencies, "stopped after " + latencies.count() + " of " + requests
                            + " requests: time budget of " + Report.number(budgetSeconds) + " s spent");
                }
                latencies.add(api.get(querySide, "elected", path).expect(200, "GET " + path).nanos());
            }
            return new Result(latencies, "");
        } catch (Exception e) {
            return new Result(latencies, "failed after " + latencies.count() + " requests: " + e);
        }
    }
}
