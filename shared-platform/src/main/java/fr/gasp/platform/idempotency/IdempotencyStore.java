package fr.gasp.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code idempotency_record} table (created by the app that enables idempotency: the
 * command side, {@code V12__idempotency_records.sql}). Every call runs in the caller's
 * transaction, the one that also stores the command's events.
 */
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the key for this request: {@code false} if a committed record already holds it.
     * While another transaction holds the same key uncommitted, this waits for its outcome:
     * its commit makes this answer {@code false}, its rollback lets this one take the key.
     */
    public boolean claim(String key, String user, String requestHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record (idempotency_key, user_name, request_hash, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(key, user, requestHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }

    /** The answer recorded for a key, with the hash of the request that got it. */
    public Optional<StoredAnswer> find(String key, String user) {
        return jdbc.sql("""
                        SELECT request_hash, response_status, content_type, location, response_body
                        FROM idempotency_record WHERE idempotency_key = ? AND user_name = ?""")
                .params(key, user)
                .query((row, number) -> new StoredAnswer(row.getString("request_hash"), row.getInt("response_status"),
                        row.getString("content_type"), row.getString("location"), row.getBytes("response_body")))
                .optional();
    }

    /** Records the answer of a key just claimed, in the same transaction. */
    public void complete(String key, String user, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_record SET response_status = ?, content_type = ?, location = ?, response_body = ?
                        WHERE idempotency_key = ? AND user_name = ?""")
                .params(status, contentType, location, body, key, user)
                .update();
    }

    /** Forgets the keys taken before {@code cutoff}: how many. */
    public int forgetCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}
