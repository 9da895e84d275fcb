package fr.gasp.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
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
 */
public final class ReadsInOneRoundTrip {

    private final List<String> statements = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<RowCallbackHandler> readers = new ArrayList<>();

    /** Adds a statement returning rows, its parameters (bound by position) and what reads each of its rows. */
    public ReadsInOneRoundTrip read(String statement, List<?> statementParameters, RowCallbackHandler reader) {
        statements.add(statement);
        parameters.addAll(statementParameters);
        readers.add(reader);
        return this;
    }

    public void run(JdbcTemplate jdbc) {
        jdbc.execute(String.join(";\n", statements), (PreparedStatementCallback<Void>) call -> {
            for (int index = 0; index < parameters.size(); index++) {
                call.setObject(index + 1, parameters.get(index));
            }
            boolean rows = call.execute();
            for (int statement = 0; statement < readers.size(); statement++) {
                if (!rows) {
                    throw new IllegalStateException("Each statement read in one round trip must return rows: "
                            + statements.get(statement));
                }
                try (ResultSet result = call.getResultSet()) {
                    while (result.next()) {
                        readers.get(statement).processRow(result);
                    }
                }
                rows = call.getMoreResults();
            }
            return null;
        });
    }
}
