package fr.gasp.query.web;

import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.gasp.query.web.SmallGasp.ESCAPED_THEME;
import static fr.gasp.query.web.SmallGasp.GUIDE;
import static fr.gasp.query.web.SmallGasp.GUIDE_OUTCOME;
import static fr.gasp.query.web.SmallGasp.HOUSING;
import static fr.gasp.query.web.SmallGasp.HOUSING_RATIONALE;
import static fr.gasp.query.web.SmallGasp.MEDIATION;
import static fr.gasp.query.web.SmallGasp.STUDY_RATIONALE;
import static org.assertj.core.api.Assertions.assertThat;

/** The annual report as a PDF over the API: the year's title, figures, decisions and achievements, in French. */
class AnnualReportPdfTest extends QuerySideIntegrationTest {

    private static final List<String> ROLES = List.of("secretariat", "referent", "elected", "auditor", "admin");

    @LocalServerPort
    private int port;

    private Browsing browsing;

    @BeforeEach
    void browse() {
        browsing = new Browsing(port);
    }

    @Test
    void the_pdf_of_a_year_holds_its_title_figures_decisions_and_achievements() throws IOException {
        SmallGasp gasp = SmallGasp.record(given, "GASP du rapport " + UUID.randomUUID().toString().substring(0, 8));

        HttpResponse<byte[]> answer = browsing.get("elected", "/api/reports/annual/2024.pdf?gaspId=" + gasp.gasp(),
                null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"gasp-2024.pdf\"");
        assertThat(new String(answer.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Files.createDirectories(PagesInTheBrowserTest.SCREENSHOTS);
        Files.write(PagesInTheBrowserTest.SCREENSHOTS.resolve("rapport-annuel-2024.pdf"), answer.body());
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Rapport annuel 2024 — " + gasp.name());
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(fontsOf(pdf)).allMatch(name -> name.contains("DejaVuSans"));
            PDFTextStripper reader = new PDFTextStripper();
            reader.setSortByPosition(true);
            String text = normalized(reader.getText(pdf));
            assertThat(text)
                    .contains("Rapport annuel 2024")
                    .contains(gasp.name())
                    .contains("Escaupont, Bruay-sur-l'Escaut")
                    .contains("En 2024, les groupes ont émis 3 propositions. Les référents en ont validé 2, "
                            + "rejeté 0 et mis 1 à l'étude. Réalisées dans l'année : 1.")
                    .contains("Émises 3").contains("Validées 2").contains("Mises à l'étude 1").contains("Réalisées 1")
                    .contains("Séance des référents 2 2")
                    .contains(GUIDE + ", réalisée le 30 septembre 2024. " + GUIDE_OUTCOME)
                    .contains(MEDIATION + ", à l'étude depuis le 18 juin 2024. " + STUDY_RATIONALE)
                    .contains("18/06/2024 " + HOUSING + " Validée " + HOUSING_RATIONALE)
                    .contains("Rencontre du 3 décembre 2024")
                    .contains(ESCAPED_THEME)
                    .doesNotContain("&lt;").doesNotContain("&amp;");
        }
    }

    @Test
    void every_role_may_have_the_pdf_and_nobody_unidentified() {
        SmallGasp gasp = SmallGasp.record(given, "GASP des rôles " + UUID.randomUUID().toString().substring(0, 8));
        String path = "/api/reports/annual/2023.pdf?gaspId=" + gasp.gasp();

        for (String role : ROLES) {
            assertThat(browsing.get(role, path, null).statusCode()).as(role).isEqualTo(200);
        }
        HttpResponse<byte[]> anonymous = browsing.get(null, path, "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<byte[]> unknown = browsing.get("elected", "/api/reports/annual/2023.pdf?gaspId=" + UUID.randomUUID(),
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static List<String> fontsOf(PDDocument pdf) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                names.add(font.getName());
            }
        }
        return names;
    }

    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }
}
