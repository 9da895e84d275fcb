package fr.gasp.query.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * Which stored events the audit processor has gone past, as its tokens say. Read from
 * {@code token_entry} (never through the token store, which would claim the token), in the
 * caller's transaction: the tokens are written with the audit rows, so both agree.
 */
@Component
class AuditPosition {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    AuditPosition(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The processor's tokens, one per segment; none before it first ran. */
    List<TrackingToken> tokens() {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ? AND token IS NOT NULL")
                .param(AuditProcessor.PROCESSING_GROUP)
                .query((row, number) -> (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(row.getBytes("token"), byte[].class, row.getString("token_type"),
                                null)))
                .list();
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
