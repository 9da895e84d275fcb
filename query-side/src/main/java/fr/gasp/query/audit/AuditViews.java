package fr.gasp.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes the audit API answers with. */
public final class AuditViews {

    private AuditViews() {
    }

    /**
     * What the log may be narrowed to; {@code null} means no narrowing. {@code from} and
     * {@code to} bound the business date (the recorded day for an event without one).
     */
    public record Filter(LocalDate from, LocalDate to, String actor, String type) {
    }

    /** One stored event: both clocks, who wrote it, what it is about, and its link of the chain. */
    public record Entry(long globalIndex, String eventIdentifier, String aggregateType, String aggregateId,
                        long sequenceNumber, String type, LocalDate occurredOn, Instant recordedAt, String actor,
                        String role, String summary, String hash) {
    }

    public record Page(List<Entry> items, long total, int page, int size) {
    }

    /** How a stored event differs from the chain kept when it was first seen. */
    public enum Change {
        /** Still there under its global index, but its stored form is no longer the one seen. */
        ALTERED,
        /** Seen once, no longer stored. */
        DELETED,
        /** Stored below what the read model had already read, yet never seen by it. */
        INSERTED
    }

    public record BrokenEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier,
                              long sequenceNumber, String type, Change change) {
    }

    /**
     * The outcome of a recomputation: {@code checked} links of the kept chain compared (up to
     * the first broken one), and the kept chain's head hash.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long checked, String headHash, BrokenEvent firstBrokenEvent) {
    }
}
