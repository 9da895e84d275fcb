package fr.gasp.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * How many checkpoints PostgreSQL has begun so far (server-wide, timed or requested): read
 * before and after a load phase, it says whether one fell in it. A checkpoint writes the
 * shared buffers out and makes the next change of each page log it whole, which slows every
 * commit meanwhile (issue 6: the lag's tail of a phase that had one).
 */
final class Checkpoints {

    /** PostgreSQL 17 moved the counters to pg_stat_checkpointer; older ones have them in pg_stat_bgwriter. */
    private static final String[] QUERIES = {
            "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter",
            "SELECT num_timed + num_requested FROM pg_stat_checkpointer"};

    private Checkpoints() {
    }

    /** Empty when the server answers neither way. */
    static OptionalLong begun(BenchDatabase database) {
        for (String query : QUERIES) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery(query)) {
                count.next();
                return OptionalLong.of(count.getLong(1));
            } catch (SQLException tryTheOther) {
                // a column or a view this server version does not have
            }
        }
        return OptionalLong.empty();
    }

    /** "n checkpoints began during the phase", or why that is not known. */
    static String between(OptionalLong before, OptionalLong after) {
        if (before.isEmpty() || after.isEmpty()) {
            return "PostgreSQL's checkpoint count not readable";
        }
        long begun = after.getAsLong() - before.getAsLong();
        return begun + " PostgreSQL checkpoint" + (begun == 1 ? "" : "s") + " begun during the phase";
    }
}
