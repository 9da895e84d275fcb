package fr.gasp.query.common;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;

import java.util.Arrays;

/**
 * Axon's JDBC token store, but the read-model processor's position is sent with the rows of
 * its batch: Axon stores a batch's token as the batch begins, one round trip on its own, and
 * the batch's rows then go in one more ({@link ProjectionWrites}); under load, each round
 * trip waited for PostgreSQL to be scheduled on two busy cores, and the events' projection
 * lag with it (issue 6). Queued first, the token's update is still the batch's first
 * statement, in its transaction, and still only moves a token this node owns: when it finds
 * none (another node took the claim), the batch fails and nothing of it is written. Anywhere
 * else (the audit processor, a batch run again event by event, a rebuild, H2) the token is
 * stored as Axon stores it.
 */
class TokenWithTheRows extends JdbcTokenStore {

    private final String processorName;
    private final ProjectionWrites writes;
    private final Serializer serializer;
    private final String nodeId;
    private final String update;

    TokenWithTheRows(Builder builder, TokenSchema schema, Serializer serializer, String nodeId,
                     String processorName, ProjectionWrites writes) {
        super(builder.schema(schema).serializer(serializer).nodeId(nodeId).contentType(byte[].class));
        this.processorName = processorName;
        this.writes = writes;
        this.serializer = serializer;
        this.nodeId = nodeId;
        // The statement Axon's JdbcTokenStore.storeUpdate runs.
        this.update = "UPDATE " + schema.tokenTable() + " SET " + schema.tokenColumn() + " = ?, "
                + schema.tokenTypeColumn() + " = ?, " + schema.timestampColumn() + " = ? WHERE "
                + schema.ownerColumn() + " = ? AND " + schema.processorNameColumn() + " = ? AND "
                + schema.segmentColumn() + " = ?";
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        if (this.processorName.equals(processorName) && queued(token, segment)) {
            return;
        }
        super.storeToken(token, processorName, segment);
    }

    private boolean queued(TrackingToken token, int segment) {
        GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(token, serializer, byte[].class, processorName, segment);
        byte[] data = entry.getSerializedToken() == null ? null : entry.getSerializedToken().getData();
        String type = entry.getTokenType() == null ? null : entry.getTokenType().getName();
        return writes.queueWithTheBatch(update, Arrays.asList(data, type, entry.timestampAsString(), nodeId,
                processorName, segment), rows -> {
            if (rows != 1) {
                throw new UnableToClaimTokenException("Le jeton du processeur " + processorName + " (segment "
                        + segment + ") n'appartient plus à ce nœud (" + nodeId + ") : le lot n'est pas enregistré.");
            }
        });
    }
}
