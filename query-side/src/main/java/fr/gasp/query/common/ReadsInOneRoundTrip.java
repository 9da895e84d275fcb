package fr.gasp.query.common;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several reads sent to PostgreSQL as one statement call: the driver sends them together and
 * waits once, and each result goes, in order, to the reader given with its statement. An
 * answer that reads several tables by one key (a proposal's detail: its row, themes,
 * discussions, decisions, presentations and meetings) costs one round trip instead of one
 * per table, plus none for a transaction: each statement reads what is committed when it
 * starts, as it would in a read-committed transaction of its own.
 *
 * <p>Give it the same statements each time for one kind of answer: the driver keeps the
 * statements it has seen per connection, by their text, and prepares them once.
 *
 * <p>Other databases (the embedded H2) take one statement per call: there the statements are
 * sent one after the other, in the same order, each to its reader.
 */
public final class ReadsInOneRoundTrip {

    private final List<String> statements = new ArrayList<>();
    private final List<List<?>> parameters = new ArrayList<>();
    private final List<RowCallbackHandler> readers = new ArrayList<>();

    /** Adds a statement returning rows, its parameters (bound by position) and what reads each of its rows. */
    public ReadsInOneRoundTrip read(String statement, List<?> statementParameters, RowCallbackHandler reader) {
        statements.add(statement);
        parameters.add(List.copyOf(statementParameters));
        readers.add(reader);
        return this;
    }

    public void run(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (PostgreSql.is(connection)) {
                inOneCall(connection, jdbc);
            } else {
                oneByOne(connection, jdbc);
            }
            return null;
        });
    }

    private void inOneCall(Connection connection, JdbcTemplate jdbc) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement(String.join(";\n", statements))) {
            applySettings(call, jdbc);
            bind(call, parameters.stream().<Object>flatMap(List::stream).toList());
            boolean rows = call.execute();
            for (int statement = 0; statement < readers.size(); statement++) {
                if (!rows) {
                    throw new IllegalStateException("Each statement read in one round trip must return rows: "
                            + statements.get(statement));
                }
                try (ResultSet result = call.getResultSet()) {
                    readAll(result, readers.get(statement));
                }
                rows = call.getMoreResults();
            }
        }
    }

    private void oneByOne(Connection connection, JdbcTemplate jdbc) throws SQLException {
        for (int statement = 0; statement < statements.size(); statement++) {
            try (PreparedStatement call = connection.prepareStatement(statements.get(statement))) {
                applySettings(call, jdbc);
                bind(call, parameters.get(statement));
                try (ResultSet result = call.executeQuery()) {
                    readAll(result, readers.get(statement));
                }
            }
        }
    }

    /** What the template would set on a statement of its own. */
    private static void applySettings(PreparedStatement call, JdbcTemplate jdbc) throws SQLException {
        if (jdbc.getFetchSize() != -1) {
            call.setFetchSize(jdbc.getFetchSize());
        }
        if (jdbc.getMaxRows() != -1) {
            call.setMaxRows(jdbc.getMaxRows());
        }
        DataSourceUtils.applyTimeout(call, jdbc.getDataSource(), jdbc.getQueryTimeout());
    }

    private static void bind(PreparedStatement call, List<?> values) throws SQLException {
        for (int index = 0; index < values.size(); index++) {
            call.setObject(index + 1, values.get(index));
        }
    }

    private static void readAll(ResultSet result, RowCallbackHandler reader) throws SQLException {
        while (result.next()) {
            reader.processRow(result);
        }
    }
}
