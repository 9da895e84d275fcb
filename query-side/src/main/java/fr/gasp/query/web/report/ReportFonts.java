package fr.gasp.query.web.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped in the jar (fonts/LICENSE-DejaVu.txt): the PDF embeds it and the charts
 * are measured with it, so a report prints the same on any server, with or without fonts
 * installed, and every French character has its glyph.
 */
@Component
public class ReportFonts {

    public static final String FAMILY = "DejaVu Sans";

    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    private final byte[] regular;
    private final byte[] bold;
    private volatile Font chartFont;

    public ReportFonts() {
        this.regular = read("fonts/DejaVuSans.ttf");
        this.bold = read("fonts/DejaVuSans-Bold.ttf");
    }

    public InputStream regular() {
        return new ByteArrayInputStream(regular);
    }

    public InputStream bold() {
        return new ByteArrayInputStream(bold);
    }

    /** The charts' lettering, at a size in points. */
    public Font chart(float size) {
        return chartFont().deriveFont(size);
    }

    /**
     * Made on first use, through Java's own font machinery: should a stripped-down runtime lack
     * it, only the charts are affected ({@link ReportCharts} leaves them out), never the start.
     */
    private Font chartFont() {
        Font font = chartFont;
        if (font == null) {
            synchronized (this) {
                if (chartFont == null) {
                    try {
                        chartFont = Font.createFont(Font.TRUETYPE_FONT, regular());
                        // Known by name to the PDF's SVG renderer as well as to the charts.
                        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(chartFont);
                    } catch (FontFormatException | IOException e) {
                        throw new IllegalStateException("Police DejaVu Sans illisible", e);
                    }
                    log.debug("DejaVu Sans registered for the charts");
                }
                font = chartFont;
            }
        }
        return font;
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Police absente du paquet : " + path, e);
        }
    }
}
