package fr.gasp.query.replay;

import java.time.Instant;

/** Where a rebuild of the read models stands, as {@code GET /api/admin/replay} shows it. */
public record ReplayProgress(State state, long processed, long total, double percent, double eventsPerSecond,
                             Instant startedAt, Instant finishedAt, boolean done, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    static ReplayProgress idle() {
        return new ReplayProgress(State.IDLE, 0, 0, 0, 0, null, null, false, null);
    }
}
