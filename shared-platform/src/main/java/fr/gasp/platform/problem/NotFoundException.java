package fr.gasp.platform.problem;

import java.util.UUID;

/** A request that names something this GASP deployment does not know: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, UUID id) {
        super(what + " " + id + " est inconnu(e).");
    }

    public NotFoundException(String message) {
        super(message);
    }
}
