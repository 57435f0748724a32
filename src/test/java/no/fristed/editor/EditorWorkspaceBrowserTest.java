package no.fristed.editor;

import static io.restassured.RestAssured.given;
import static no.fristed.testing.Axe.noSeriousViolations;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.fristed.testing.Chromium;
import no.fristed.testing.StaffAccounts;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editors' workspace in Debian's Chromium: one editor writes a page and previews two bands, is refused when
 * approving their own page, and a second editor approves it; a service's phone number is changed and approved with
 * the change highlighted; a report of wrong information is closed. axe-core checks every screen for serious and
 * critical violations; screenshots go to target/screenshots/. Without Chromium the test is skipped, except in CI.
 */
@QuarkusTest
class EditorWorkspaceBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/editor/")
    URL editorUrl;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    private final List<String> blocked = new CopyOnWriteArrayList<>();
    private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void screenshotFolder() throws Exception {
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeContextsAndCheckNothingWasBlocked() {
        contexts.forEach(BrowserContext::close);
        assertEquals(List.of(), blocked, "the Content-Security-Policy blocked something on the pages");
    }

    private Page logIn(String username) {
        BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blocked.add(message.text());
            }
        });
        page.navigate(editorUrl.toString());
        noSeriousViolations(page, "log-in");
        page.getByLabel("Brukernavn", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Passord", new Page.GetByLabelOptions().setExact(true)).fill(StaffAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        page.locator("#who").filter(new Locator.FilterOptions().setHasText(username)).waitFor();
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void waitForText(Page page, String selector, String text) {
        page.locator(selector).filter(new Locator.FilterOptions().setHasText(text)).first().waitFor();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void anEditorWritesAPagePreviewsTwoBandsAndOnlyASecondEditorCanApproveIt() throws Exception {
        String author = StaffAccounts.create("redaktor-anne", "editor");
        String reviewer = StaffAccounts.create("redaktor-bjorn", "editor");
        String slug = "nettleserside-" + UUID.randomUUID().toString().substring(0, 6);

        Page page = logIn(author);
        page.locator("#fact-list tr").first().waitFor();
        noSeriousViolations(page, "fact list");
        button(page, "Ny side").click();
        Locator form = page.locator("#fact-form");
        form.getByLabel("Adresse (slug)").fill(slug);
        form.getByLabel("Tittel", new Locator.GetByLabelOptions().setExact(true)).fill("Når en venn drikker for mye");
        form.getByLabel("Sammendrag").fill("Hva du kan gjøre når en venn har drukket for mye.");
        form.getByLabel("16–17 år").check();
        form.getByLabel("18–25 år").check();
        form.getByLabel("Tekst (Markdown)").fill("Felles tekst for alle.\n\nTa 2 mg av noe. Ring 987 65 432.");

        // Errors show next to their fields before anything is saved: no sources, identical bands, amounts for
        // minors, a phone number that is not in the list of known numbers.
        waitForText(page, "#err-sources", "minst én kilde");
        waitForText(page, "#err-body", "får lik tekst");
        waitForText(page, "#err-body", "mengde");
        waitForText(page, "#err-body", "987 65 432 er ikke i listen");
        noSeriousViolations(page, "page editor with errors");

        form.getByLabel("Kilde 1: tittel").fill("Helsenorge: Alkohol");
        form.getByLabel("Kilde 1: adresse").fill("https://www.helsenorge.no/rus-og-avhengighet/alkohol/");
        form.getByLabel("Tekst (Markdown)").fill("Felles tekst for alle.\n\n<!-- band: 16-17 -->\nDu er under 18: snakk med "
                + "en voksen du stoler på.\n<!-- /band -->\n<!-- band: 18-25 -->\nDu er voksen: ring legevakten om du er "
                + "redd.\n<!-- /band -->\n");
        button(page, "Sett inn der markøren står").click();
        page.locator("#preview-tab-16-17").waitFor();
        waitForText(page, "#preview", "Når noen er i fare");
        page.locator("#err-body:empty").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("#preview-tab-16-17").click();
        waitForText(page, "#preview", "snakk med en voksen");
        assertFalse(page.locator("#preview").innerText().contains("Du er voksen"), "16–17 does not read the 18–25 text");
        page.locator("#preview-tab-18-25").click();
        waitForText(page, "#preview", "ring legevakten");
        assertFalse(page.locator("#preview").innerText().contains("snakk med en voksen"));
        assertEquals(2, page.locator("#preview-bands [role=tab]").count(), "one preview tab per chosen band");
        assertFalse(page.locator("#preview").innerText().contains("null"), "nothing absent is printed");
        noSeriousViolations(page, "page editor with preview");
        screenshot(page, "editor-fact.png");
        page.locator("#fact-editor").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("editor-fact-form.png")));

        button(page, "Send til gjennomgang").click();
        waitForText(page, "#fact-status", "Sendt til gjennomgang");
        waitForText(page, "#history", author);

        // The author may not approve their own page: the page says so and the API refuses.
        button(page, "Gjennomgang").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se gjennom Når en venn drikker for mye (nb)")).click();
        waitForText(page, "#review-own", "Du skrev denne endringen");
        button(page, "Godkjenn og publiser").click();
        waitForText(page, "#review-status", "du kan ikke godkjenne din egen endring");
        given().get("/api/v1/facts/" + slug).then().statusCode(404);

        Page second = logIn(reviewer);
        button(second, "Gjennomgang").click();
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se gjennom Når en venn drikker for mye (nb)")).click();
        waitForText(second, "#review-body li.add", "ring legevakten");
        waitForText(second, "#review-fields", "Helsenorge: Alkohol");
        assertTrue(second.locator("#review-own").isHidden());
        second.locator("#review-tab-18-25").click();
        waitForText(second, "#review-preview", "ring legevakten");
        waitForText(second, "#review-preview", "Når noen er i fare");
        noSeriousViolations(second, "review");
        screenshot(second, "editor-review.png");
        button(second, "Godkjenn og publiser").click();
        waitForText(second, "#review-status", "Godkjent og publisert");

        given().queryParam("ageBand", "18-25").get("/api/v1/facts/" + slug).then().statusCode(200)
                .body("title", is("Når en venn drikker for mye")).body("version", is(1));
        given().auth().oauth2(TestTokens.staff("editor-check", "editor"))
                .get("/api/v1/editor/facts/" + slug + "/nb/versions").then().statusCode(200)
                .body("[0].author", is(author)).body("[0].submittedBy", is(author)).body("[0].approver", is(reviewer));
        assertTrue(Files.size(SCREENSHOTS.resolve("editor-fact.png")) > 0);
    }

    /** A live service, proposed by one editor and approved by another through the API. */
    private static String liveService(String name) {
        String id = "nettleser-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> service = Map.ofEntries(
                Map.entry("id", id),
                Map.entry("organization", Map.of("id", "test-org", "name", "Testorganisasjon")),
                Map.entry("name", name),
                Map.entry("description", "Et tilbud laget av en test."),
                Map.entry("topics", List.of("cannabis")),
                Map.entry("anonymous", "yes"),
                Map.entry("track", "voluntary-help"),
                Map.entry("whatHappens", "Ingenting blir sendt videre."),
                Map.entry("channels", List.of(Map.of("type", "phone", "value", "12 34 56 78"))),
                Map.entry("municipalities", List.of("Tromsø")),
                Map.entry("eligibility", Map.of("minAge", 13, "maxAge", 25)),
                Map.entry("schedules", List.of(Map.of("byday", List.of("FR", "SA"), "opensAt", "20:00", "closesAt", "02:00"))));
        String change = given().auth().oauth2(TestTokens.staff("editor-anne", "editor")).contentType(ContentType.JSON)
                .body(service).post("/api/v1/services").then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.staff("editor-bob", "editor"))
                .post("/api/v1/editor/service-changes/" + change + "/approve").then().statusCode(200);
        return id;
    }

    @Test
    void aChangedPhoneNumberIsHighlightedForTheSecondEditorAndAReportIsClosed() throws Exception {
        String author = StaffAccounts.create("redaktor-cecilie", "editor");
        String reviewer = StaffAccounts.create("redaktor-david", "editor");
        String name = "Nattlinje " + UUID.randomUUID().toString().substring(0, 6);
        String id = liveService(name);
        given().contentType(ContentType.JSON).body(Map.of("text", "Telefonnummeret stemmer ikke lenger."))
                .post("/api/v1/services/" + id + "/reports").then().statusCode(201);

        Page page = logIn(author);
        button(page, "Tjenester").click();
        page.getByLabel("Søk etter tjeneste").fill(name);
        page.locator("#service-search").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Søk")).click();
        button(page, "Åpne " + name).first().click();
        Locator form = page.locator("#service-form");
        form.locator("#s-name").waitFor();
        assertEquals(name, form.locator("#s-name").inputValue());
        waitForText(page, "#s-municipalities", "Tromsø");
        waitForText(page, "#s-schedules .overnight", "over midnatt");
        form.getByLabel("Bydeler (kommaseparert; tomt = hele kommunen)").waitFor();
        assertEquals("", form.locator("#s-districts").inputValue());
        Locator phone = form.getByLabel("Nummer eller adresse").first();
        assertEquals("12 34 56 78", phone.inputValue());
        phone.fill("ring oss");
        waitForText(page, "#s-channels .channel-error", "sifre");
        phone.fill("87 65 43 21");
        page.locator("#s-channels .channel-error:empty").first().waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        noSeriousViolations(page, "service form");
        screenshot(page, "editor-service.png");
        button(page, "Send endringen til gjennomgang").click();
        waitForText(page, "#service-status", "sendt til gjennomgang");
        given().get("/api/v1/services/" + id).then().statusCode(200).body("channels[0].value", is("12 34 56 78"));

        Page second = logIn(reviewer);
        button(second, "Gjennomgang").click();
        waitForText(second, "#review-services", id + " – endring (channels)");
        button(second, "Se gjennom endringen av " + id).click();
        Locator changed = second.locator("#review-fields tr.highlight");
        changed.filter(new Locator.FilterOptions().setHasText("87 65 43 21")).waitFor();
        String row = changed.first().innerText();
        assertTrue(row.contains("channels[0].value") && row.contains("12 34 56 78") && row.contains("telefonnummer"), row);
        noSeriousViolations(second, "service review");
        screenshot(second, "editor-service-review.png");
        button(second, "Godkjenn og publiser").click();
        waitForText(second, "#review-status", "Godkjent");
        given().get("/api/v1/services/" + id).then().statusCode(200).body("channels[0].value", is("87 65 43 21"));

        // The report of wrong information is closed with a note, and the entry verified with the service today.
        button(second, "Tjenester").click();
        Locator report = second.locator("#reports li").filter(new Locator.FilterOptions().setHasText(name));
        report.getByLabel("Hva ble gjort (notat)").fill("Nummeret er rettet etter samtale med tjenesten.");
        noSeriousViolations(second, "services with reports");
        report.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lukk meldingen om " + name)).click();
        waitForText(second, "#reports-status", "er lukket");
        given().auth().oauth2(TestTokens.staff("editor-check", "editor")).queryParam("status", "closed")
                .get("/api/v1/editor/service-reports").then().statusCode(200)
                .body("find { it.serviceId == '" + id + "' }.note", is("Nummeret er rettet etter samtale med tjenesten."))
                .body("find { it.serviceId == '" + id + "' }.closedBy", is(reviewer));
        button(second, "Åpne " + name).first().click();
        button(second, "Verifisert med tjenesten i dag").click();
        waitForText(second, "#service-status", "Verifisert med tjenesten i dag");
        assertTrue(Files.size(SCREENSHOTS.resolve("editor-service-review.png")) > 0);
    }

    @Test
    void cannedResponsesAreWrittenAndRetiredQuestionsAreShownRedactedAndSupervisorsOnlyRead() {
        String editor = StaffAccounts.create("redaktor-eva", "editor");
        String cannedId = "nettleser-" + UUID.randomUUID().toString().substring(0, 6);
        Page page = logIn(editor);

        button(page, "Ferdigsvar").click();
        page.locator("#canned-list li").first().waitFor();
        button(page, "Nytt ferdigsvar").click();
        Locator form = page.locator("#canned-form");
        form.getByLabel("Id").fill(cannedId);
        form.getByLabel("Tittel").fill("Pause i samtalen");
        form.getByLabel("Tekst").fill("Jeg er her fortsatt. Ta den tiden du trenger.");
        noSeriousViolations(page, "canned responses");
        button(page, "Lagre").click();
        waitForText(page, "#canned-status", "Lagret");
        waitForText(page, "#canned-list", "Pause i samtalen");
        button(page, "Trekk tilbake").click();
        waitForText(page, "#canned-status", "Trukket tilbake");
        given().auth().oauth2(TestTokens.staff("counsellor-check", "counsellor")).get("/api/v1/canned")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(cannedId)));

        // An answered question becomes a draft Q&A page; what was removed before storage is marked.
        String asked = "Kan jeg ringe dere fra nettleseren? " + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", asked + " Nummeret mitt er 912 34 567.", "ageBand", "16-17"))
                .post("/api/v1/questions").then().statusCode(201);
        String counsellor = TestTokens.staff("counsellor-check", "counsellor");
        String questionId = given().auth().oauth2(counsellor).get("/api/v1/counsellor/questions").then().statusCode(200)
                .extract().jsonPath().getString("find { it.question.startsWith('" + asked + "') }.id");
        given().auth().oauth2(counsellor).post("/api/v1/counsellor/questions/" + questionId + "/claim").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON).body(Map.of("text", "Ja, ring 116 111."))
                .post("/api/v1/counsellor/questions/" + questionId + "/answer").then().statusCode(200);
        button(page, "Spørsmål").click();
        Locator question = page.locator("#questions li").filter(new Locator.FilterOptions().setHasText(asked));
        question.locator("mark").filter(new Locator.FilterOptions().setHasText("[telefonnummer]")).waitFor();
        noSeriousViolations(page, "questions");
        question.getByLabel("Tittel").fill("Kan jeg ringe Fristed?");
        question.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lag utkast til spørsmål og svar")).click();
        waitForText(page, "#editor-state", "Utkast, versjon 1");
        assertEquals("Kan jeg ringe Fristed?", page.locator("#f-title").inputValue());
        assertEquals("qa", page.locator("#f-kind").inputValue());

        Page supervisor = logIn(StaffAccounts.create("leder-frida", "supervisor"));
        waitForText(supervisor, "#read-only-note", "bare redaktører kan endre");
        assertTrue(supervisor.locator("#new-fact").isHidden(), "no new pages for supervisors");
        supervisor.locator("#fact-list tr").first().waitFor();
        noSeriousViolations(supervisor, "fact list (supervisor)");
        supervisor.locator("#fact-list button").first().click();
        supervisor.locator("#history tr").first().waitFor();
        assertTrue(supervisor.locator("#f-title").isDisabled(), "supervisors cannot change a page");
        assertTrue(supervisor.locator("#save-fact").isHidden() && supervisor.locator("#submit-fact").isHidden());
        noSeriousViolations(supervisor, "page (supervisor)");
    }
}
