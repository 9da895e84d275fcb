package fr.gasp.command.common;

import fr.gasp.platform.problem.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The business date of a command: the day it happened, which defaults to today and is
 * never in the future (historical records, back to 2000, are welcome), nor before
 * {@link #EARLIEST}: a year like -999999999, which Java reads, would be stored in the event
 * and then refused by the read models' database for ever.
 */
public final class BusinessDates {

    public static final String FIELD = "occurredOn";
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private BusinessDates() {
    }

    public static LocalDate resolve(LocalDate requested, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new InvalidInputException(FIELD, "la date (" + requested + ") ne peut pas être dans le futur");
        }
        if (requested.isBefore(EARLIEST)) {
            throw new InvalidInputException(FIELD, "la date (" + requested + ") précède le " + EARLIEST);
        }
        return requested;
    }

    /** The date of a step that follows another: never before it. */
    public static LocalDate resolveAfter(LocalDate requested, LocalDate previous, Clock clock) {
        LocalDate date = resolve(requested, clock);
        if (previous != null && date.isBefore(previous)) {
            throw new InvalidInputException(FIELD, "la date (" + date + ") précède celle de l'étape précédente ("
                    + previous + ")");
        }
        return date;
    }
}
