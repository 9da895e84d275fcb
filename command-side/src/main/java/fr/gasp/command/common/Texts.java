package fr.gasp.command.common;

import fr.gasp.platform.problem.InvalidInputException;

/** Free texts as commands receive them: trimmed, and blank meaning absent. */
public final class Texts {

    private Texts() {
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String required(String field, String value) {
        String text = optional(value);
        if (text == null) {
            throw new InvalidInputException(field, "ne peut pas être vide");
        }
        return text;
    }
}
