package fr.gasp.query.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.SelectOption;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static fr.gasp.query.web.SmallGasp.ESCAPED_THEME;
import static fr.gasp.query.web.SmallGasp.GUIDE;
import static fr.gasp.query.web.SmallGasp.GUIDE_OUTCOME;
import static fr.gasp.query.web.SmallGasp.HOUSING;
import static fr.gasp.query.web.SmallGasp.MEDIATION;
import static fr.gasp.query.web.SmallGasp.SCRIPT;
import static fr.gasp.query.web.SmallGasp.STUDY_RATIONALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages in a real browser (Debian's chromium, driven by Playwright): an elected official
 * signs in through the login page and reads the dashboard, the proposals and the annual report
 * of a small GASP whose figures are counted by hand ({@link SmallGasp}). Screenshots of the
 * pages go to target/screenshots/.
 */
class PagesInTheBrowserTest extends QuerySideIntegrationTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final ZoneId TERRITORY = ZoneId.of("Europe/Paris");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new ArrayList<>();
    private SmallGasp gasp;

    @BeforeAll
    static void launchBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium est introuvable à " + CHROMIUM + " : les tests de pages en ont besoin. "
                    + "Installez-le (apt-get install -y chromium), comme le fait .ci/run.");
        }
        Files.createDirectories(SCREENSHOTS);
        // Never download a browser: the machine's chromium is the one to drive.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        gasp = SmallGasp.record(given, "GASP des pages " + UUID.randomUUID().toString().substring(0, 8));
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setLocale("fr-FR")
                .setTimezoneId("Europe/Paris"));
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(dialogs).as("no script from the data may run").isEmpty();
    }

    @Test
    void an_elected_official_signs_in_and_reads_the_dashboard_of_the_gasp() throws Exception {
        page.navigate(url("/"));
        assertThat(page.url()).endsWith("/login");
        assertThat(page.title()).isEqualTo("Connexion — GASP");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connexion.png")));

        page.getByLabel("Identifiant").fill("elected");
        page.getByLabel("Mot de passe").fill("wrong");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(text(page.locator("[role=alert]"))).contains("Identifiant ou mot de passe incorrect");

        signIn("elected");
        assertThat(page.url()).startsWith(url("/")).doesNotContain("/login");
        assertThat(text(page.locator(".utilisateur"))).contains("elected").contains("(élu)");
        pick(gasp.name(), "Toutes les années");

        // All time: statuses of today.
        assertThat(page.locator("h1").count()).isEqualTo(1);
        assertThat(text(page.locator("h1"))).contains("Tableau de bord").contains(gasp.name());
        assertThat(figure("chiffre-propositions")).isEqualTo("5");
        assertThat(figure("chiffre-emises")).isEqualTo("5");
        assertThat(figure("chiffre-validees")).isEqualTo("2");
        assertThat(figure("chiffre-realisees")).isEqualTo("1");
        assertThat(figure("chiffre-taux")).isEqualTo("50 %");
        assertThat(figure("chiffre-attente")).isEqualTo("1");
        // Raised to first decision: 97, 124, 150 and 343 days; validated to implemented: 258 days.
        assertThat(figure("delai-decision")).isEqualTo("137 jours");
        assertThat(figure("delai-realisation")).isEqualTo("258 jours");
        assertThat(rows("donnees-statuts")).contains(
                List.of("Émise", "0"), List.of("Soumise aux référents", "1"), List.of("À l'étude", "1"),
                List.of("Validée", "1"), List.of("Réalisée", "1"), List.of("Rejetée", "1"));
        long waited = ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 1), LocalDate.now(TERRITORY));
        assertThat(rows("donnees-attente")).containsExactly(
                List.of(SCRIPT, "1er mars 2024", String.format(Locale.ROOT, "%,d", waited).replace(',', ' ')));
        assertThat(rows("donnees-tendance")).containsExactly(List.of("2023", "2", "0", "0"),
                List.of("2024", "3", "2", "1"));
        assertThat(rows("donnees-themes")).contains(List.of(ESCAPED_THEME, "1", "0", "0"),
                List.of("logement", "2", "1", "0"));
        // The title written as markup is shown as text, and never made into an element.
        assertThat(page.locator("#donnees-attente script").count()).isZero();
        assertThat(page.locator("#donnees-attente b").count()).isZero();

        waitForCharts(4);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tableau-de-bord.png"))
                .setFullPage(true));

        // A proposal raised in 2023 and validated in 2024 counts as raised in 2023, validated in 2024.
        pick(null, "Année 2023");
        assertThat(figure("chiffre-propositions")).isEqualTo("2");
        assertThat(figure("chiffre-emises")).isEqualTo("2");
        assertThat(figure("chiffre-validees")).isEqualTo("0");
        assertThat(figure("chiffre-realisees")).isEqualTo("0");
        assertThat(rows("donnees-etapes")).contains(List.of("Rejetées", "1"), List.of("Soumises aux référents", "2"));
        // At the end of 2023 the guide had waited for the referents since 1 April: 274 days.
        assertThat(rows("donnees-attente")).containsExactly(List.of(GUIDE, "1er avril 2023", "274"));

        pick(null, "Année 2024");
        assertThat(figure("chiffre-propositions")).isEqualTo("4");
        assertThat(figure("chiffre-emises")).isEqualTo("3");
        assertThat(figure("chiffre-validees")).isEqualTo("2");
        assertThat(figure("chiffre-realisees")).isEqualTo("1");
        assertThat(figure("delai-decision")).isEqualTo("150 jours");
        assertThat(rows("donnees-reunions")).contains(List.of("Référents", "Séance des référents", "2", "2"),
                List.of("Rencontre inter-groupes", "Rencontre inter-groupes", "1", "1"),
                List.of("Agents de la ville", "Réunion de groupe", "0", "12"));
        waitForCharts(4);

        page.locator("form[action='/logout'] button").click();
        assertThat(page.url()).endsWith("/login?deconnexion");
        assertThat(text(page.locator("[role=status]"))).contains("Vous êtes déconnecté");
        page.navigate(url("/"));
        assertThat(page.url()).endsWith("/login");
    }

    @Test
    void the_proposals_are_filtered_and_a_proposal_shows_every_step_of_its_life() {
        signIn("auditor");
        page.navigate(url("/proposals?gaspId=" + gasp.gasp()));
        assertThat(text(page.locator("#nombre-resultats"))).isEqualTo("5 propositions");
        assertThat(column("liste-propositions", 0)).containsExactly(MEDIATION, SCRIPT, HOUSING,
                SmallGasp.POLICE, GUIDE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("propositions.png"))
                .setFullPage(true));

        page.getByLabel("Statut").selectOption(new SelectOption().setLabel("Soumise aux référents"));
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(text(page.locator("#nombre-resultats"))).isEqualTo("1 proposition");
        assertThat(column("liste-propositions", 0)).containsExactly(SCRIPT);
        assertThat(page.locator("#liste-propositions script").count()).isZero();

        page.getByLabel("Statut").selectOption(new SelectOption().setLabel("Tous les statuts"));
        page.getByLabel("Thématique").selectOption(new SelectOption().setLabel("logement"));
        page.getByLabel("Active en").selectOption(new SelectOption().setLabel("2024"));
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(column("liste-propositions", 0)).containsExactly(MEDIATION, HOUSING);

        page.getByLabel("Thématique").selectOption(new SelectOption().setLabel("Toutes les thématiques"));
        page.getByLabel("Active en").selectOption(new SelectOption().setLabel("2023"));
        page.getByLabel("Groupe qui l'a émise").selectOption(new SelectOption().setLabel("Agents de la ville"));
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(column("liste-propositions", 0)).containsExactly(GUIDE);

        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(GUIDE)).click();
        assertThat(page.url()).endsWith("/proposals/" + gasp.guide());
        assertThat(text(page.locator("h1"))).isEqualTo(GUIDE);
        assertThat(text(page.locator("#statut-proposition"))).isEqualTo("Réalisée");
        Locator steps = page.locator("#chronologie > li");
        assertThat(steps.count()).isEqualTo(7);
        assertThat(steps.locator("h3").allTextContents()).containsExactly("Proposition émise",
                "Discutée en réunion", "Soumise aux référents", "Validée par les référents", "Mise en œuvre engagée",
                "Réalisée", "Présentée en rencontre inter-groupes");
        assertThat(steps.locator(".etape-date").allTextContents()).containsExactly("7 février 2023",
                "15 mars 2023", "1er avril 2023", "16 janvier 2024", "1er février 2024", "30 septembre 2024",
                "3 décembre 2024");
        assertThat(text(steps.nth(0))).contains("Réunion du groupe « Agents de la ville » du 7 février 2023")
                .contains("Enregistrée par secretariat (secrétariat)");
        assertThat(text(steps.nth(1))).contains("Réunion du groupe « Usagers du centre » du 15 mars 2023")
                .contains("Groupe : Usagers du centre")
                .contains("Les usagers veulent un guide court, par démarche.");
        assertThat(text(steps.nth(3))).contains("Séance des référents du 16 janvier 2024")
                .contains("Motif Financé par la politique de la ville.")
                .contains("Enregistrée par referent (référent)");
        assertThat(text(steps.nth(4))).contains("Porteur Maison des services publics")
                .contains("Échéance prévue 30 juin 2024");
        assertThat(text(steps.nth(5))).contains("Résultat " + GUIDE_OUTCOME);
        assertThat(text(steps.nth(6))).contains("Rencontre inter-groupes du 3 décembre 2024");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposition.png"))
                .setFullPage(true));

        page.navigate(url("/proposals/" + gasp.script()));
        assertThat(text(page.locator("h1"))).isEqualTo(SCRIPT);
        assertThat(page.locator("main script, main b").count()).isZero();
        assertThat(page.title()).startsWith(SCRIPT);
    }

    @Test
    void the_annual_report_page_shows_the_year_and_serves_its_pdf_and_csv_to_the_session() {
        signIn("referent");
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Rapport annuel")).click();
        assertThat(page.url()).contains("/reports/annual/" + LocalDate.now(TERRITORY).getYear());
        pick(gasp.name(), "2024");
        assertThat(page.url()).contains("/reports/annual/2024?gaspId=" + gasp.gasp());

        assertThat(page.locator("h1").count()).isEqualTo(1);
        assertThat(text(page.locator("h1"))).isEqualTo("Rapport annuel 2024 " + gasp.name());
        assertThat(text(page.locator("#chiffres p").first()))
                .isEqualTo("En 2024, les groupes ont émis 3 propositions. Les référents en ont validé 2, rejeté 0 "
                        + "et mis 1 à l'étude. Réalisées dans l'année : 1.");
        assertThat(rows("rapport-etapes")).containsExactly(List.of("Émises", "3"), List.of("Discutées", "3"),
                List.of("Soumises aux référents", "3"), List.of("Validées", "2"), List.of("Rejetées", "0"),
                List.of("Mises à l'étude", "1"), List.of("Réalisées", "1"), List.of("Retirées", "0"));
        assertThat(rows("rapport-decisions")).containsExactly(
                List.of("16/01/2024", GUIDE, "Validée", "Financé par la politique de la ville."),
                List.of("18/06/2024", MEDIATION, "Mise à l'étude", STUDY_RATIONALE),
                List.of("18/06/2024", HOUSING, "Validée", SmallGasp.HOUSING_RATIONALE));
        assertThat(text(page.locator("#realisations"))).contains(GUIDE).contains("30 septembre 2024")
                .contains(GUIDE_OUTCOME);
        assertThat(text(page.locator("#etude"))).contains(MEDIATION).contains(STUDY_RATIONALE);
        assertThat(text(page.locator("#thematiques"))).contains("là où leurs préoccupations se rejoignent : logement");
        assertThat(text(page.locator("#rencontres"))).contains("Rencontre du 3 décembre 2024").contains(GUIDE);
        assertThat(page.locator("#thematiques svg text").allTextContents()).contains(ESCAPED_THEME);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rapport-annuel.png"))
                .setFullPage(true));

        // On paper: the report alone, without the site's header, menus, form and buttons.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".navigation").isVisible()).isFalse();
        assertThat(page.locator("form.selecteurs").isVisible()).isFalse();
        assertThat(page.locator("#lien-pdf").isVisible()).isFalse();
        assertThat(page.locator("#decisions").isVisible()).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rapport-annuel-impression.png"))
                .setFullPage(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        APIResponse pdf = page.request().get(url(page.locator("#lien-pdf").getAttribute("href")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        APIResponse csv = page.request().get(url(page.locator("#lien-csv").getAttribute("href")));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(HOUSING).contains(MEDIATION);
    }

    private void signIn(String user) {
        page.navigate(url("/login"));
        page.getByLabel("Identifiant").fill(user);
        page.getByLabel("Mot de passe").fill(user);
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL(address -> !address.contains("/login"));
    }

    /** Picks a GASP (when the deployment has several) and a period in the page's form, and shows them. */
    private void pick(String gaspName, String period) {
        Locator gaspChoice = page.locator("select#gaspId");
        if (gaspName != null && gaspChoice.count() > 0) {
            gaspChoice.selectOption(new SelectOption().setLabel(gaspName));
        }
        page.locator("select#year").selectOption(new SelectOption().setLabel(period));
        page.locator("form.selecteurs button[type=submit]").click();
        page.waitForLoadState();
    }

    private void waitForCharts(int count) {
        page.waitForFunction("n => document.querySelectorAll('.graphique-dessine canvas').length >= n", count);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String figure(String id) {
        return text(page.locator("#" + id));
    }

    /** The cells of a table's body, row by row, as read on screen. */
    private List<List<String>> rows(String tableId) {
        List<List<String>> rows = new ArrayList<>();
        Locator lines = page.locator("#" + tableId + " tbody tr");
        for (int i = 0; i < lines.count(); i++) {
            rows.add(lines.nth(i).locator("th, td").allTextContents().stream().map(PagesInTheBrowserTest::clean)
                    .toList());
        }
        return rows;
    }

    private List<String> column(String tableId, int index) {
        return rows(tableId).stream().map(row -> row.get(index)).toList();
    }

    private static String text(Locator locator) {
        return clean(locator.textContent());
    }

    /** Spaces as a reader sees them: French non-breaking spaces and line breaks count as one space. */
    private static String clean(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").trim();
    }
}
