package fr.gasp.query.audit;

import fr.gasp.query.audit.AuditViews.Entry;
import fr.gasp.query.audit.AuditViews.Filter;
import fr.gasp.query.common.Csv;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The audit log as a spreadsheet: the rows of the API, French column names, comma-separated
 * and quoted as RFC 4180 says, a byte-order mark first so that spreadsheet software reads the
 * accents right. A cell that starts like a formula ({@code = + - @}) gets a leading apostrophe,
 * so that opening the file never runs what an event's text says.
 */
@Component
class AuditCsv {

    static final List<String> HEADER = List.of("index_global", "identifiant_evenement", "type_agregat",
            "identifiant_agregat", "numero_de_sequence", "type_evenement", "date_metier", "enregistre_le", "acteur",
            "role", "resume", "empreinte_chaine");

    private final AuditLog log;

    AuditCsv(AuditLog log) {
        this.log = log;
    }

    /** Writes every row the filter keeps, oldest first, as they are read (never the whole log in memory). */
    void write(Filter filter, Writer out) throws IOException {
        out.write(Csv.BYTE_ORDER_MARK);
        line(out, HEADER);
        try {
            log.forEach(filter, entry -> line(out, cells(entry)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> cells(Entry entry) {
        return List.of(Long.toString(entry.globalIndex()), entry.eventIdentifier(), text(entry.aggregateType()),
                entry.aggregateId(), Long.toString(entry.sequenceNumber()), entry.type(), text(entry.occurredOn()),
                entry.recordedAt().toString(), text(entry.actor()), text(entry.role()), entry.summary(), entry.hash());
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static void line(Writer out, List<String> cells) {
        Csv.line(out, cells);
    }
}
