package fr.gasp.query.audit;

import fr.gasp.query.common.StoredTokens;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which stored events the audit processor has gone past, as its tokens say. Read from
 * {@code token_entry} ({@link StoredTokens}), in the caller's transaction: the tokens are
 * written with the audit rows, so both agree.
 */
@Component
class AuditPosition {

    private final StoredTokens stored;

    AuditPosition(StoredTokens stored) {
        this.stored = stored;
    }

    /** The processor's tokens, one per segment; none before it first ran. */
    List<TrackingToken> tokens() {
        return stored.of(AuditProcessor.PROCESSING_GROUP).stream().flatMap(Optional::stream).toList();
    }

    /**
     * Whether the processor went past the event at {@code globalIndex}: the event is at or below
     * the token's index and not among the gaps it still waits for. A replay token counts what
     * had been passed before the replay.
     */
    static boolean passed(TrackingToken token, long globalIndex) {
        TrackingToken position = WrappedToken.unwrapUpperBound(token);
        if (position instanceof GapAwareTrackingToken gapAware) {
            return globalIndex <= gapAware.getIndex() && !gapAware.getGaps().contains(globalIndex);
        }
        OptionalLong index = position == null ? OptionalLong.empty() : position.position();
        return index.isPresent() && globalIndex <= index.getAsLong();
    }

    /** Passed by every segment (each segment reads the whole stream and keeps its share). */
    static boolean passedByAll(List<TrackingToken> tokens, long globalIndex) {
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> passed(token, globalIndex));
    }
}
