package fr.gasp.query.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV as the exports write it: comma-separated, quoted as RFC 4180 says, lines ended by CRLF,
 * and a cell starting like a spreadsheet formula defused with a leading apostrophe. The
 * exports start with a byte-order mark so that spreadsheet software opens the accents right.
 */
public final class Csv {

    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {
    }

    public static void line(Appendable out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quoted when it holds a separator, a quote or a line break. */
    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
