package fr.gasp.query.web.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** The report's files as they are downloaded, named alike from the page and from the API. */
final class ReportDownloads {

    private ReportDownloads() {
    }

    static ResponseEntity<byte[]> pdf(int year, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("gasp-" + year + ".pdf"))
                .body(pdf);
    }

    static ResponseEntity<byte[]> csv(int year, String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("gasp-" + year + ".csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
