package fr.gasp.platform.problem;

/** A request that the current state of what it names does not allow: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
