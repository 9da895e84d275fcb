package fr.gasp.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling for command throughput on this machine and database: threads each inserting
 * one row shaped like an event (same columns, a payload of an event's size) and committing
 * it, as fast as they can. A command costs at least one such commit.
 */
final class RawCommitRate {

    private static final String TABLE = "bench_raw_event";

    private RawCommitRate() {
    }

    /** Commits per second over the whole duration. */
    static double measure(BenchDatabase database, int threads, Duration duration, byte[] payload, byte[] metaData)
            throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            EventShapedTable.create(statement, TABLE);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder commits = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            workers.add(new Thread(() -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement(EventShapedTable.insert(TABLE))) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, java.time.Instant.now().toString());
                        insert.setString(4, "fr.gasp.events.proposal.ProposalRaised");
                        insert.setBytes(5, payload);
                        insert.setBytes(6, metaData);
                        insert.executeUpdate();
                        connection.commit();
                        commits.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "raw-commit-" + thread));
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + TABLE);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw inserts failed", failures.get(0));
        }
        return commits.sum() / seconds;
    }
}
