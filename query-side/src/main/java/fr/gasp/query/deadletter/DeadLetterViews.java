package fr.gasp.query.deadletter;

import java.time.Instant;
import java.util.List;

/** What the dead-letter endpoints answer. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /**
     * One parked event. {@code causeType}/{@code causeMessage} are those of its last failure,
     * absent for an event parked only because an earlier one of its aggregate is; {@code attempts}
     * counts the failed attempts at handling it (0 for those).
     */
    public record DeadLetter(String sequenceIdentifier, long sequenceIndex, String eventIdentifier, Long globalIndex,
                             String eventType, String aggregateType, String aggregateId, Long aggregateSequenceNumber,
                             String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched,
                             long attempts) {
    }

    /** The parked events in the order of the event store, at most {@code limit} of them. */
    public record Listing(long total, long sequences, int limit, List<DeadLetter> deadLetters) {
    }

    /**
     * What a retry did: of the sequences (aggregates) it took up, how many were handled to the
     * end and left the queue, and how many stopped again on a failing event (still parked).
     */
    public record RetryReport(int retriedSequences, int resolvedSequences, int stillFailingSequences,
                              long remainingDeadLetters) {
    }
}
