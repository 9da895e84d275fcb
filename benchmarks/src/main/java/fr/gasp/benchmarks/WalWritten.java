package fr.gasp.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Where PostgreSQL's write-ahead log stands (server-wide): read before and after a load phase, the
 * bytes logged per command say how much each command makes PostgreSQL write, for the event store,
 * the read models and the audit chain together. Unlike CPU time it does not depend on how busy
 * the machine is; what moves it is checkpoints: the first change of each page after one logs the
 * page whole, so a phase that follows one closely, or holds one ({@link Checkpoints} says so),
 * logs more. A change of the writes small beside that is counted by record, with
 * {@code pg_waldump} (docs/performance.md, sixteenth session).
 */
final class WalWritten {

    private WalWritten() {
    }

    /** The log's current position, as PostgreSQL writes it ({@code 16/B374D848}); empty if unreadable. */
    static Optional<String> position(BenchDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            row.next();
            return Optional.of(row.getString(1));
        } catch (SQLException unreadable) {
            return Optional.empty();
        }
    }

    /** Bytes logged between two positions. */
    static Optional<Long> between(BenchDatabase database, Optional<String> before, Optional<String> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = database.connect(); PreparedStatement statement =
                connection.prepareStatement("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint")) {
            statement.setString(1, after.get());
            statement.setString(2, before.get());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return Optional.of(row.getLong(1));
            }
        } catch (SQLException unreadable) {
            return Optional.empty();
        }
    }

    /** "4,210 bytes of PostgreSQL's write-ahead log per command", or why that is not known. */
    static String perCommand(Optional<Long> bytes, long commands) {
        if (bytes.isEmpty() || commands == 0) {
            return "PostgreSQL's write-ahead log position not readable";
        }
        return String.format(Locale.ROOT, "%,d bytes of PostgreSQL's write-ahead log per command",
                Math.round((double) bytes.get() / commands));
    }
}
