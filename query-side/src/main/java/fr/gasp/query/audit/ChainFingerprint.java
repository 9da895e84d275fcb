package fr.gasp.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The chain's fingerprint on a date, for a printed report: the kept hash after the last event
 * recorded (event timestamp) by the end of that day in the territory's time zone.
 *
 * <p>By recorded instant, not business date: business dates go back to 2000 and can be
 * entered any day, so "every event dated up to D" is no prefix of the chain and keeps
 * growing; "every event recorded up to D" is a prefix, fixed once the day is over. Printed
 * with a report, it lets anyone check later that the history up to that day is unchanged:
 * the fingerprint asked again for the same date must be the same, and verification valid.
 */
@Service
public class ChainFingerprint {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ChainFingerprint(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The head of the chain as it stood at the end of {@code date}: {@code events} links, the
     * last being the event at {@code lastGlobalIndex}, recorded at {@code lastRecordedAt}.
     * Before any event, no link: the chain's seed (64 zeros).
     */
    public record Fingerprint(LocalDate date, long events, Long lastGlobalIndex, Instant lastRecordedAt,
                              String headHash) {
    }

    public Fingerprint at(LocalDate date) {
        OffsetDateTime endOfDay = date.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                        SELECT chain_position, global_index, recorded_at, chain_hash FROM audit_event
                        WHERE recorded_at < ? ORDER BY chain_position DESC LIMIT 1""")
                .param(endOfDay)
                .query((row, number) -> new Fingerprint(date, row.getLong("chain_position"),
                        row.getLong("global_index"), row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getString("chain_hash")))
                .optional()
                .orElse(new Fingerprint(date, 0, null, null, AuditChain.SEED));
    }
}
