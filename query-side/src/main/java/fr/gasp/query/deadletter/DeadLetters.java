package fr.gasp.query.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.problem.ConflictException;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.deadletter.DeadLetterViews.DeadLetter;
import fr.gasp.query.deadletter.DeadLetterViews.Listing;
import fr.gasp.query.deadletter.DeadLetterViews.RetryReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The read model's parked events: listed from {@code dead_letter_entry} (with their place in
 * the event store), counted as the gauge {@code gasp.readmodel.dead.letters} (Prometheus:
 * {@code gasp_readmodel_dead_letters}), and handled again through Axon's dead-letter processor.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final ReentrantLock retrying = new ReentrantLock();

    public DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.processing = processing;
        Gauge.builder("gasp.readmodel.dead.letters", this, DeadLetters::count)
                .description("Events parked by the read models after a failure, and those of their aggregates after them")
                .register(registry);
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?")
                .param(ReadModel.PROCESSING_GROUP)
                .query(Long.class).single();
    }

    public Listing list(int limit) {
        List<DeadLetter> letters = jdbc.sql("""
                        SELECT d.sequence_identifier, d.sequence_index, d.event_identifier, e.global_index,
                               d.payload_type, d.aggregate_type, d.aggregate_identifier, d.sequence_number,
                               d.cause_type, d.cause_message, d.enqueued_at, d.last_touched, d.diagnostics
                        FROM dead_letter_entry d
                        LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                        WHERE d.processing_group = ?
                        ORDER BY e.global_index, d.sequence_identifier, d.sequence_index
                        LIMIT ?""")
                .params(ReadModel.PROCESSING_GROUP, limit)
                .query((row, index) -> letter(row))
                .list();
        long sequences = jdbc.sql("SELECT count(DISTINCT sequence_identifier) FROM dead_letter_entry "
                        + "WHERE processing_group = ?")
                .param(ReadModel.PROCESSING_GROUP)
                .query(Long.class).single();
        return new Listing(count(), sequences, limit, letters);
    }

    /** Handles every parked sequence again, each from its first event, in the order of the event store. */
    public RetryReport retryAll() {
        return retry(jdbc.sql("""
                        SELECT d.sequence_identifier
                        FROM dead_letter_entry d
                        LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                        WHERE d.processing_group = ?
                        GROUP BY d.sequence_identifier
                        ORDER BY min(e.global_index), d.sequence_identifier""")
                .param(ReadModel.PROCESSING_GROUP)
                .query(String.class).list());
    }

    /** Handles the events parked for one aggregate again. */
    public RetryReport retry(String sequenceIdentifier) {
        boolean parked = jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                        + "AND sequence_identifier = ?")
                .params(ReadModel.PROCESSING_GROUP, sequenceIdentifier)
                .query(Long.class).single() > 0;
        if (!parked) {
            throw new NotFoundException("Aucun événement mis de côté pour la séquence " + sequenceIdentifier + ".");
        }
        return retry(List.of(sequenceIdentifier));
    }

    private RetryReport retry(List<String> sequenceIdentifiers) {
        if (!retrying.tryLock()) {
            throw new ConflictException("Une reprise des événements mis de côté est déjà en cours : "
                    + "attendez qu'elle se termine.");
        }
        try {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                    .sequencedDeadLetterProcessor(ReadModel.PROCESSING_GROUP)
                    .orElseThrow(() -> new IllegalStateException("Le traitement des modèles de lecture n'a pas "
                            + "de file d'événements mis de côté."));
            int resolved = 0;
            for (String sequenceIdentifier : sequenceIdentifiers) {
                if (retry(processor, sequenceIdentifier)) {
                    resolved++;
                }
            }
            return new RetryReport(sequenceIdentifiers.size(), resolved, sequenceIdentifiers.size() - resolved,
                    count());
        } finally {
            retrying.unlock();
        }
    }

    private static boolean retry(SequencedDeadLetterProcessor<EventMessage<?>> processor, String sequenceIdentifier) {
        try {
            return processor.process(letter -> sequenceIdentifier.equals(sequenceOf(letter)));
        } catch (RuntimeException e) {
            // The letters stay parked as they were (the retry's transaction rolled back): counted as still failing.
            log.warn("Retrying the dead letters of sequence {} failed", sequenceIdentifier, e);
            return false;
        }
    }

    private static String sequenceOf(org.axonframework.messaging.deadletter.DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }

    private static DeadLetter letter(ResultSet row) throws SQLException {
        return new DeadLetter(row.getString("sequence_identifier"), row.getLong("sequence_index"),
                row.getString("event_identifier"), row.getObject("global_index", Long.class),
                simpleName(row.getString("payload_type")), row.getString("aggregate_type"),
                row.getString("aggregate_identifier"), row.getObject("sequence_number", Long.class),
                row.getString("cause_type"), row.getString("cause_message"), instant(row.getString("enqueued_at")),
                instant(row.getString("last_touched")), attempts(row.getBytes("diagnostics")));
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** The diagnostics are Axon metadata serialized as JSON by the app's Jackson serializer. */
    private static long attempts(byte[] diagnostics) {
        if (diagnostics == null || diagnostics.length == 0) {
            return 0;
        }
        try {
            return JSON.readTree(diagnostics).path(ParkOnlyDeterministicFailures.ATTEMPTS).asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
