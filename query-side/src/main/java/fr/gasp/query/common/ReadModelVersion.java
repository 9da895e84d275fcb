package fr.gasp.query.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which state the read models are in, as a value that changes whenever they may have: what a
 * figure computed from them can be remembered against ({@code fr.gasp.query.report.ComputedFigures}).
 *
 * <p>Read from the database, so that it also moves when another query-side node projected
 * the events (nodes share the processor's segments): the processor's tokens, stored in the
 * same transaction as every batch of rows, and the dead letters, which a retry removes after
 * writing its rows. This node's own commit count is added, so that a rebuild or a retry done
 * here is seen at once even when it left the tokens as they were.
 */
@Component
public class ReadModelVersion {

    private final JdbcClient jdbc;
    private final ReadModelCommits commits;

    public ReadModelVersion(JdbcClient jdbc, ReadModelCommits commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /** Equal values mean the read models have not moved in between. */
    public String current() {
        long local = commits.count();
        MessageDigest digest = sha256();
        jdbc.sql("SELECT segment, token FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(ReadModel.PROCESSING_GROUP)
                .query(row -> {
                    digest.update(Integer.toString(row.getInt("segment")).getBytes(StandardCharsets.UTF_8));
                    byte[] token = row.getBytes("token");
                    digest.update(token == null ? new byte[] {0} : token);
                });
        String deadLetters = jdbc.sql("""
                        SELECT count(*) AS letters, max(last_touched) AS touched FROM dead_letter_entry
                        WHERE processing_group = ?""")
                .param(ReadModel.PROCESSING_GROUP)
                .query((row, number) -> row.getLong("letters") + "/" + row.getString("touched"))
                .single();
        return local + ":" + HexFormat.of().formatHex(digest.digest()) + ":" + deadLetters;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
