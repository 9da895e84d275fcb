package fr.gasp.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
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
        LongAdder commits = new LongAdder();
        double seconds;
        try {
            seconds = ClosedLoop.run("raw-commit", threads, duration, (thread, running) -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement(EventShapedTable.insert(TABLE))) {
                    connection.setAutoCommit(false);
                    while (running.getAsBoolean()) {
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
                }
            });
        } finally {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + TABLE);
            }
        }
        return commits.sum() / seconds;
    }
}
