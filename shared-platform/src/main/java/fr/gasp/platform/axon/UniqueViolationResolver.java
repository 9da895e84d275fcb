package fr.gasp.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells Axon that an append failed on the unique (aggregate, sequence) key, so it reports a
 * concurrency conflict (answered 409) rather than a storage failure (500). Axon's JDBC
 * resolver reads vendor error codes, which PostgreSQL leaves at 0; the SQL state of a unique
 * violation, 23505, is the same on PostgreSQL and H2. Batched inserts hide it in the next
 * exception of the batch, so the whole chain is searched.
 */
final class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = exception;
        while (current != null && seen.add(current)) {
            if (current instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                    if (next.getNextException() == next) {
                        break;
                    }
                }
            }
            current = current.getCause();
        }
        return false;
    }
}
