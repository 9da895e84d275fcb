package fr.gasp.query.report;

import java.time.LocalDate;

/**
 * The business dates a figure covers: a calendar year cut at the as-of date, or everything
 * up to the as-of date. Figures count the steps whose business date falls in it.
 */
public record ReportPeriod(Integer year, LocalDate from, LocalDate to) {

    /** Far enough back for any GASP (the first was created in 2000), and a valid SQL date everywhere. */
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    public static ReportPeriod of(Integer year, LocalDate asOf) {
        if (year == null) {
            return new ReportPeriod(null, BEGINNING, asOf);
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        return new ReportPeriod(year, LocalDate.of(year, 1, 1), asOf.isBefore(end) ? asOf : end);
    }

    /** An as-of date before the year starts leaves nothing to count. */
    public boolean isEmpty() {
        return to.isBefore(from);
    }
}
