package fr.gasp.query.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The links of the hash chain over stored events (definition in {@code package-info.java}). */
final class AuditChain {

    /** hash_0: the head of an empty chain. */
    static final String SEED = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NULL_FIELD = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private AuditChain() {
    }

    /** hash_n from hash_{n-1} and the stored form of event n. */
    static String next(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        field(sha256, Long.toString(event.globalIndex()));
        field(sha256, event.eventIdentifier());
        field(sha256, event.aggregateIdentifier());
        field(sha256, Long.toString(event.sequenceNumber()));
        field(sha256, event.type());
        field(sha256, event.timeStamp());
        field(sha256, event.payloadType());
        field(sha256, event.payloadRevision());
        field(sha256, event.payload());
        field(sha256, event.metaData());
        return HEX.formatHex(sha256.digest());
    }

    private static void field(MessageDigest sha256, String text) {
        field(sha256, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sha256, byte[] bytes) {
        if (bytes == null) {
            sha256.update(NULL_FIELD);
            return;
        }
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
