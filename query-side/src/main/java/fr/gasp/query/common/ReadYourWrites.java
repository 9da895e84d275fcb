package fr.gasp.query.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Lets a client read its own writes: a read that names the version its command answered
 * waits, briefly and bounded, until the read model has reached it. It looks again each time
 * this node's read-model processor commits a batch holding events of that aggregate
 * ({@link ReadModelCommits}), and at least every {@value #POLL_MILLIS} ms: reading the read
 * model itself, it also holds when another query-side node applied the event.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_MILLIS = 100;

    private final Duration timeout;
    private final ReadModelCommits commits;

    public ReadYourWrites(@Value("${gasp.read-your-writes.timeout:5s}") Duration timeout, ReadModelCommits commits) {
        this.timeout = timeout;
        this.commits = commits;
    }

    /**
     * Returns once {@code currentVersion} of the aggregate reaches {@code minVersion}; a
     * {@code null} minimum never waits.
     */
    public void awaitVersion(UUID aggregateId, Long minVersion, Supplier<OptionalLong> currentVersion, String what) {
        if (minVersion == null) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ReadModelCommits.Watch moves = commits.watch(aggregateId.toString())) {
            while (true) {
                long seen = moves.stamp();
                OptionalLong version = currentVersion.get();
                if (version.isPresent() && version.getAsLong() >= minVersion) {
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    throw new ReadModelNotCaughtUp(what + " n'a pas encore atteint la version " + minVersion
                            + " après " + timeout.toMillis() + " ms (version lue : "
                            + (version.isPresent() ? version.getAsLong() : "aucune") + "). Réessayez dans un instant.");
                }
                try {
                    moves.awaitChange(seen, Math.min(POLL_MILLIS,
                            Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ReadModelNotCaughtUp("Lecture interrompue avant que " + what + " soit à jour.");
                }
            }
        }
    }
}
