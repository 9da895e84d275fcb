package fr.gasp.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.query.audit.ChainFingerprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The annual report's JSON: the figures' JSON, written once, with the history fingerprint of
 * the moment put in place of its last member, written as {@code null} with the figures (a
 * record's members are written in order, the fingerprint last).
 */
final class AnnualReportJson {

    private static final byte[] NO_FINGERPRINT = "\"historyFingerprint\":null}".getBytes(StandardCharsets.UTF_8);

    private AnnualReportJson() {
    }

    static byte[] withFingerprint(byte[] figures, ObjectMapper json, ChainFingerprint.Fingerprint fingerprint) {
        int cut = figures.length - NO_FINGERPRINT.length;
        if (cut < 0 || !Arrays.equals(figures, cut, figures.length, NO_FINGERPRINT, 0, NO_FINGERPRINT.length)) {
            throw new IllegalStateException("Le JSON du rapport annuel ne finit pas par son empreinte");
        }
        try {
            byte[] member = ("\"historyFingerprint\":" + json.writeValueAsString(fingerprint) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] report = Arrays.copyOf(figures, cut + member.length);
            System.arraycopy(member, 0, report, cut, member.length);
            return report;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Empreinte impossible à écrire en JSON", e);
        }
    }
}
