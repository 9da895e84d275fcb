package fr.gasp.platform.idempotency;

/** The first answer given to a key: replayed as it was to every later request with the same key and body. */
public record StoredAnswer(String requestHash, int status, String contentType, String location, byte[] body) {
}
