package fr.gasp.query.common;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A processor's tokens as committed in {@code token_entry}, read without the token store (which
 * would claim them), in the caller's transaction: where the processor stands whether it runs
 * here, on another node, or not at all.
 */
@Component
public class StoredTokens {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** One per segment, empty where a segment has no token yet (it starts from the beginning); none before the processor first ran. */
    public List<Optional<TrackingToken>> of(String processingGroup) {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?")
                .param(processingGroup)
                .query((row, number) -> {
                    byte[] token = row.getBytes("token");
                    return token == null ? Optional.<TrackingToken>empty()
                            : Optional.of((TrackingToken) serializer.deserialize(
                                    new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"), null)));
                })
                .list();
    }
}
