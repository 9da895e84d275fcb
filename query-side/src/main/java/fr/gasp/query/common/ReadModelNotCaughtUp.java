package fr.gasp.query.common;

/** The read model did not reach the version a client asked for in time: answered 503, retry shortly. */
public class ReadModelNotCaughtUp extends RuntimeException {

    public ReadModelNotCaughtUp(String message) {
        super(message);
    }
}
