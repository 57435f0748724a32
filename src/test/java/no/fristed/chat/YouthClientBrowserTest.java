package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import no.fristed.testing.Axe;
import no.fristed.testing.Chromium;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The youth client (/demo/) as a young person on a phone uses it, in Debian's Chromium: a question asked and picked
 * up, a chat that loses its connection and resumes with nothing lost or doubled, the help finder over every
 * municipality, the three languages, the closed chat, and axe-core, 320 px and 200 % zoom on every screen. Screenshots
 * at phone size go to target/screenshots/.
 */
@QuarkusTest
class YouthClientBrowserTest extends ChatTestSupport {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    /**
     * Lets the test drop the page's chat socket as a lost network would: every socket is remembered, and while
     * window.fristedOffline is set a new one goes to a path that refuses it (the reconnect fails, as offline).
     */
    private static final String NETWORK_SWITCH = """
            (() => {
              const Native = window.WebSocket;
              window.fristedSockets = [];
              window.fristedOffline = false;
              class Tracked extends Native {
                constructor(url, protocols) {
                  super(window.fristedOffline ? String(url).replace('/ws/youth', '/ws/offline') : url, protocols);
                  window.fristedSockets.push(this);
                }
              }
              window.WebSocket = Tracked;
            })();
            """;

    @TestHTTPResource("/demo/")
    URL demoUrl;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** A phone-sized page in Norwegian (or the given locale), with CSP reports and script errors collected. */
    private Page phone(String locale, int width) {
        if (context != null) {
            context.close();
        }
        context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 844).setLocale(locale)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add("script error: " + error));
        page.navigate(demoUrl.toString());
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator waitForText(Page page, String selector, String text) {
        Locator found = page.locator(selector).filter(new Locator.FilterOptions().setHasText(text)).first();
        found.waitFor();
        return found;
    }

    private static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 0);
    }

    /** Nothing is wider than the screen (WCAG 1.4.10 reflow): no sideways scrolling at this width. */
    private static void noSidewaysScrolling(Page page, String screen) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(((Number) overflow).intValue() <= 0, () -> screen + " scrolls sideways by " + overflow + " px: "
                + page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
    }

    private static long count(Page page, String selector, String text) {
        return page.locator(selector).allTextContents().stream().filter(t -> t.contains(text)).count();
    }

    @Test
    void aQuestionIsAskedWithItsPhoneNumberRemovedAndTheAnswerIsPickedUpWithTheCode() throws Exception {
        Page page = phone("nb-NO", 390);
        String word = "blandingsfare-" + UUID.randomUUID().toString().substring(0, 6);
        button(page, "Spør").click();
        page.getByLabel("Spørsmålet ditt").fill("Er det farlig å blande alkohol og piller? " + word
                + " Ring meg på 412 34 567");
        page.getByLabel("Tema (valgfritt)").selectOption("alkohol");
        button(page, "Send spørsmålet").click();

        Locator code = page.locator("#ask-code");
        page.waitForCondition(() -> !code.textContent().isBlank());
        String pickupCode = code.textContent();
        assertTrue(pickupCode.matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}"), pickupCode);
        assertTrue(page.locator("#ask-removed").textContent().contains("telefonnummer"), "says what was removed");
        assertFalse(page.locator("#ask-stored").textContent().contains("412 34 567"), "shows the stored, redacted text");
        assertTrue(page.locator("#ask-warning").isVisible());
        assertTrue(page.locator("#ask-warning").textContent().contains("bare denne ene gangen"));
        button(page, "Kopier koden").click();
        waitForText(page, "#ask-copy-status", "kopiert");
        assertEquals(pickupCode, page.evaluate("() => navigator.clipboard.readText()"));
        Axe.noSeriousViolations(page, "question asked, code shown");
        screenshot(page, "youth-question-code.png");

        // Shown once: after "kept", the code is gone from the page.
        button(page, "Jeg har tatt vare på koden").click();
        assertEquals("", code.textContent());
        assertFalse(page.locator("#ask-receipt").isVisible());
        assertFalse(page.content().contains(pickupCode));

        // Typed the way a phone types it: lower case, no dashes.
        page.getByLabel("Skriv inn koden").fill(pickupCode.replace("-", "").toLowerCase());
        button(page, "Hent svar").click();
        waitForText(page, "#pickup-status", "Ingen har svart ennå");

        String counsellor = TestTokens.staff("counsellor-ylva", "counsellor");
        String id = given().auth().oauth2(counsellor).get("/api/v1/counsellor/questions").then().statusCode(200)
                .extract().jsonPath().getString("find { it.question.contains('" + word + "') }.id");
        given().auth().oauth2(counsellor).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body(Map.of("text", "Ja, det kan være farlig. Snakk gjerne med oss om det."))
                .post("/api/v1/counsellor/questions/" + id + "/answer").then().statusCode(200);

        button(page, "Hent svar").click();
        waitForText(page, "#pickup-answer", "Ja, det kan være farlig");
        assertTrue(page.locator("#pickup-question").textContent().contains(word));
        Axe.noSeriousViolations(page, "answer picked up");
        screenshot(page, "youth-question-answer.png");

        page.getByLabel("Skriv inn koden").fill("AAAAA-BBBBB-CCCCC-DDDDD");
        button(page, "Hent svar").click();
        waitForText(page, "#pickup-status", "Vi finner ikke");

        // "Delete everything now": the page forgets what it showed, and the question asked in this session is gone.
        button(page, "Slett alt nå").click();
        waitForText(page, "#privacy-status", "Alt er slettet");
        assertFalse(page.locator("body").textContent().contains(word), "nothing of the question is left on the page");
        page.getByLabel("Skriv inn koden").fill(pickupCode);
        button(page, "Hent svar").click();
        waitForText(page, "#pickup-status", "Vi finner ikke");
        assertEquals(List.of(), problems);
    }

    @Test
    void aQuestionCanBeAskedWithTheKeyboardAlone() {
        Page page = phone("nb-NO", 390);
        page.keyboard().press("Tab");
        assertEquals("skip", page.evaluate("() => document.activeElement.className"), "the first stop skips to the content");
        page.keyboard().press("Tab");
        assertEquals("quick-exit", page.evaluate("() => document.activeElement.id"), "then the quick exit");
        page.locator("#tab-facts").focus();
        page.keyboard().press("ArrowLeft");
        assertEquals("tab-ask", page.evaluate("() => document.activeElement.id"));
        page.keyboard().press("Tab");
        assertEquals("ask-text", page.evaluate("() => document.activeElement.id"));
        page.keyboard().type("Kan jeg spørre om noe for en venn?");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertEquals("Send spørsmålet", page.evaluate("() => document.activeElement.textContent"));
        page.keyboard().press("Enter");
        page.locator("#ask-receipt").waitFor();
        assertEquals("ask-receipt", page.evaluate("() => document.activeElement.id"), "focus moves to the code");
        page.waitForCondition(() -> !page.locator("#ask-code").textContent().isBlank());
        assertEquals(List.of(), problems);
    }

    @Test
    void othersAskedListsPublishedQuestionsByTopic() throws Exception {
        String word = "kvelden-" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(Map.of("text", "Hvor mye alkohol er for mye en kveld? " + word,
                "topic", "alkohol", "ageBand", "16-17")).post("/api/v1/questions").then().statusCode(201);
        String counsellor = TestTokens.staff("counsellor-ylva", "counsellor");
        String id = given().auth().oauth2(counsellor).get("/api/v1/counsellor/questions").then().statusCode(200)
                .extract().jsonPath().getString("find { it.question.contains('" + word + "') }.id");
        given().auth().oauth2(counsellor).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(counsellor).contentType(ContentType.JSON)
                .body(Map.of("text", "Det finnes ingen trygg mengde for deg som er under 18."))
                .post("/api/v1/counsellor/questions/" + id + "/answer").then().statusCode(200);
        String slug = "qa-" + word;
        String title = "Hvor mye er for mye? " + word;
        String editor = TestTokens.staff("editor-ada", "editor");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("slug", slug, "title", title))
                .post("/api/v1/editor/questions/" + id + "/publish").then().statusCode(201);
        given().auth().oauth2(editor).post("/api/v1/editor/facts/" + slug + "/nb/submit").then().statusCode(200);
        given().auth().oauth2(TestTokens.staff("editor-bo", "editor")).post("/api/v1/editor/facts/" + slug + "/nb/approve")
                .then().statusCode(200);

        Page page = phone("nb-NO", 390);
        page.getByLabel("Tema", new Page.GetByLabelOptions().setExact(true)).selectOption("alkohol");
        Locator asked = button(page, title);
        asked.waitFor();
        asked.click();
        waitForText(page, "#fact-page", "ingen trygg mengde");
        Axe.noSeriousViolations(page, "others asked");
        screenshot(page, "youth-others-asked.png");
        assertEquals(List.of(), problems);
    }

    @Test
    void aChatThatLosesItsConnectionResumesWithNothingLostOrDoubled() throws Exception {
        ChatClient kari = counsellor(uniqueName("kari"), 1);
        Page page = phone("nb-NO", 390);
        page.addInitScript(NETWORK_SWITCH);
        page.reload();
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> socket.onFrameSent(frame -> sent.add(frame.text())));

        button(page, "Chat").click();
        button(page, "Start chat").click();
        waitForText(page, "#chat-status", "Du er nummer 1 i køen");
        String id = kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").size() > 0, "a waiting chat")
                .path("items").get(0).path("conversationId").asText();
        kari.send(Map.of("type", "claim", "conversationId", id));
        kari.next("claimed");
        waitForText(page, "#chat-status", "En veileder er her");

        page.getByLabel("Skriv en melding").fill("Hei, er du der?");
        page.locator("#chat-form button").click();
        nextMessage(kari, "Hei, er du der?");
        kari.send(Map.of("type", "typing", "conversationId", id));
        waitForText(page, "#chat-typing", "Veilederen skriver");
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Ja, jeg er her."));
        waitForText(page, "#chat-messages li", "Ja, jeg er her.");
        waitForText(page, "#chat-announce", "Ny melding fra Veileder: Ja, jeg er her.");
        assertEquals("polite", page.locator("#chat-announce").getAttribute("aria-live"), "read out by screen readers");

        // The privacy prompt: a phone number is held back until the young person chooses.
        page.getByLabel("Skriv en melding").fill("Du kan ringe meg på 412 34 567");
        page.locator("#chat-form button").click();
        page.locator("#pii").waitFor();
        button(page, "Send uten").click();
        JsonNode redacted = kari.next(f -> "message".equals(f.path("type").asText()) && "youth".equals(f.path("from").asText())
                && f.path("text").asText().startsWith("Du kan ringe meg"), "the redacted message");
        assertFalse(redacted.path("text").asText().contains("412 34 567"));
        page.locator("#chat-messages li.mine").filter(new Locator.FilterOptions().setHasText("telefonnummer")).waitFor();
        assertEquals(0, count(page, "#chat-messages li", "412 34 567"), "the number was never shown as sent");
        // The counsellor's read receipt reaches the young person's message.
        JsonNode mine = kari.seen().stream().filter(f -> "message".equals(f.path("type").asText())
                && "youth".equals(f.path("from").asText())).reduce((first, second) -> second).orElseThrow();
        kari.send(Map.of("type", "read", "conversationId", id, "upToSeq", mine.path("seq").asInt()));
        waitForText(page, "#chat-messages li.mine .receipt", "lest");

        // The phone loses its network: the socket drops, and reconnecting fails until it is back.
        page.evaluate("() => { window.fristedOffline = true; window.fristedSockets.forEach(s => s.close()); }");
        waitForText(page, "#chat-status", "kobler til igjen");
        kari.next("reconnecting");
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Mens du var borte 1"));
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Mens du var borte 2"));
        page.getByLabel("Skriv en melding").fill("Skrevet uten nett");
        page.locator("#chat-form button").click();
        waitForText(page, "#chat-messages li.mine .receipt", "venter på nett");
        screenshot(page, "youth-chat-offline.png");

        // Back on the network: the page reconnects, resumes from its last seq and sends what waited.
        page.evaluate("() => { window.fristedOffline = false; window.dispatchEvent(new Event('online')); }");
        waitForText(page, "#chat-status", "Tilkoblet igjen");
        waitForText(page, "#chat-messages li", "Mens du var borte 2");
        nextMessage(kari, "Skrevet uten nett");
        assertTrue(kari.seen().stream().anyMatch(f -> "youth-back".equals(f.path("type").asText())), "the counsellor saw the young person come back");
        waitForText(page, "#chat-messages li.mine", "Skrevet uten nett").locator(".receipt")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("sendt|levert|lest"))).waitFor();
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Fint at du er tilbake."));
        waitForText(page, "#chat-messages li", "Fint at du er tilbake.");

        // A second drop, and this time the network is simply back: the back-off alone brings the chat back.
        page.evaluate("() => window.fristedSockets.forEach(s => s.close())");
        kari.next("reconnecting");
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Etter det andre bruddet"));
        waitForText(page, "#chat-messages li", "Etter det andre bruddet");

        for (String text : List.of("Etter det andre bruddet", "Hei, er du der?", "Ja, jeg er her.", "Du kan ringe meg", "Mens du var borte 1", "Mens du var borte 2",
                "Skrevet uten nett", "Fint at du er tilbake.")) {
            assertEquals(1, count(page, "#chat-messages li", text), "shown exactly once: " + text);
        }
        assertTrue(sent.stream().anyMatch(f -> f.contains("\"resume\"") && f.contains(id)), "resumed with its last seq");
        assertTrue(kari.drain(500).stream().noneMatch(f -> "Skrevet uten nett".equals(f.path("text").asText())),
                "the message written offline reached the counsellor once");
        Axe.noSeriousViolations(page, "chat after a resume");
        screenshot(page, "youth-chat.png");

        // The end: feedback and a continuation code.
        kari.send(Map.of("type", "end", "conversationId", id));
        waitForText(page, "#chat-messages li", "Samtalen er avsluttet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("4 av 5")).click();
        waitForText(page, "#feedback-status", "Takk");
        button(page, "Få en kode").click();
        waitForText(page, "#continuation-code", "Koden din");
        Axe.noSeriousViolations(page, "chat ended");
        screenshot(page, "youth-chat-ended.png");
        assertEquals(List.of(), problems);
    }

    @Test
    void whenTheChatIsClosedItSaysWhenItOpensWhoToCallAndOffersAQuestionInstead() throws Exception {
        clock.setOslo(LocalDateTime.parse("2026-11-30T23:30"));
        Page page = phone("nb-NO", 390);
        button(page, "Chat").click();
        button(page, "Start chat").click();
        page.locator("#closed").waitFor();
        assertTrue(page.locator("#closed-next").textContent().contains("Den åpner igjen"));
        page.locator("#closed-numbers a[href='tel:116111']").waitFor();
        Axe.noSeriousViolations(page, "chat closed");
        screenshot(page, "youth-chat-closed.png");
        button(page, "Still et spørsmål i stedet").click();
        page.locator("#ask").waitFor();
        assertTrue(page.getByLabel("Spørsmålet ditt").isVisible());
        assertEquals(List.of(), problems);
    }

    @Test
    void theHelpFinderKnowsEveryMunicipalityByEachOfItsNames() throws Exception {
        Page page = phone("nb-NO", 390);
        button(page, "Hjelp").click();
        page.waitForCondition(() -> page.locator("#municipality-list option").count() >= 357);
        int municipalities = given().get("/api/v1/municipalities").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        assertTrue(municipalities >= 357, "the API lists every municipality: " + municipalities);
        assertTrue(page.locator("#municipality-list option[value='Hábmer']").count() == 1, "the Sami name");
        assertTrue(page.locator("#municipality-list option[value='Hamarøy']").count() == 1, "the Norwegian name");

        // Typed without the accent, in lower case: the Sami name still finds the municipality.
        page.getByLabel("Kommune").fill("habmer");
        button(page, "Finn hjelp").click();
        waitForText(page, "#help-status", "tilbud");
        assertEquals("", page.locator("#municipality-error").textContent());

        page.getByLabel("Kommune").fill("Hamarøy");
        page.getByLabel("Åpent nå").uncheck();
        button(page, "Finn hjelp").click();
        waitForText(page, "#help-status", "tilbud");
        assertTrue(page.locator("#help-results li").count() > 0);

        page.getByLabel("Kommune").fill("Bergen");
        page.getByLabel("Alder").fill("15");
        page.getByLabel("Bare anonyme").check();
        button(page, "Finn hjelp").click();
        waitForText(page, "#help-status", "tilbud");
        Locator first = page.locator("#help-results li").first();
        first.waitFor();
        assertTrue(first.textContent().contains("Når du tar kontakt:"), "says what happens when you contact it");
        assertTrue(page.locator("#help-results a[href^='tel:']").count() > 0, "tappable phone numbers");
        Axe.noSeriousViolations(page, "help finder");
        screenshot(page, "youth-help.png");

        page.getByLabel("Jeg spør for noen andre").check();
        button(page, "Finn hjelp").click();
        waitForText(page, "#help-status", "tilbud");
        assertTrue(page.locator("#help-results li").allTextContents().stream()
                .allMatch(t -> t.contains("Du kan ta kontakt om noen andre")), "only services that take contact about others");

        page.getByLabel("Kommune").fill("Atlantis");
        button(page, "Finn hjelp").click();
        waitForText(page, "#municipality-error", "Atlantis");
        assertEquals("true", page.getByLabel("Kommune").getAttribute("aria-invalid"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyStringIsInBokmalNynorskAndEnglishAndTheBrowserChoosesFirst() throws Exception {
        Page page = phone("en-GB", 390);
        assertEquals("en", page.evaluate("() => document.documentElement.lang"));
        button(page, "Facts").waitFor();
        button(page, "Quick exit – close now").waitFor();
        for (String lang : List.of("nb", "nn", "en")) {
            Object missing = page.evaluate("lang => import('/demo/i18n.js').then(m => m.keys('nb')"
                    + ".filter(k => !m.keys(lang).includes(k)))", lang);
            assertEquals(List.of(), missing, "keys missing in " + lang);
        }
        page.getByLabel("Language").selectOption("nn");
        assertEquals("nn", page.evaluate("() => document.documentElement.lang"));
        button(page, "Rask utgang – lukk no").waitFor();
        button(page, "Spør").click();
        button(page, "Send spørsmålet").waitFor();
        page.getByLabel("Språk").selectOption("en");
        button(page, "Send the question").waitFor();

        // Content is asked for in the chosen language.
        List<String> requests = new CopyOnWriteArrayList<>();
        page.onRequest(request -> requests.add(request.url()));
        button(page, "Facts").click();
        page.getByLabel("Search the facts").fill("weed");
        button(page, "Search").click();
        page.locator("#fact-results li").first().waitFor();
        assertTrue(requests.stream().anyMatch(u -> u.contains("/api/v1/facts/search") && u.contains("lang=en")), requests.toString());
        Axe.noSeriousViolations(page, "facts in English");
        screenshot(page, "youth-facts-en.png");

        // What the chat server says in bokmål is said in the chosen language from the frame's fields.
        button(page, "Chat").click();
        button(page, "I’m not safe now").click();
        waitForText(page, "#safety-message", "We do not know where you are");
        page.locator("#safety-numbers a[href='tel:113']").waitFor();
        Axe.noSeriousViolations(page, "safety card in English");
        screenshot(page, "youth-safety-en.png");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyScreenPassesAxeFitsA320PixelScreenAndWorksAt200PercentZoom() throws Exception {
        // 200 % zoom of a 640 px wide window lays the page out in 320 CSS pixels with everything twice the size.
        for (int width : List.of(320, 640)) {
            Page page = phone("nb-NO", width);
            if (width == 640) {
                page.evaluate("() => { document.documentElement.style.zoom = '2'; }");
            }
            String size = width == 320 ? "320 px" : "200 % zoom";
            Page shown = page;
            for (String tab : List.of("Fakta", "Hjelp", "Chat", "Spør")) {
                button(shown, tab).click();
                if ("Fakta".equals(tab)) {
                    shown.getByLabel("Søk i fakta").fill("hasj");
                    button(shown, "Søk").click();
                    shown.locator("#fact-results li button").first().click();
                    shown.locator("#fact-page h3").waitFor();
                    shown.locator("#others-list li").first().waitFor();
                }
                if ("Hjelp".equals(tab)) {
                    button(shown, "Finn hjelp").click();
                    shown.locator("#help-results li").first().waitFor();
                }
                Axe.noSeriousViolations(shown, tab + " at " + size);
                noSidewaysScrolling(shown, tab + " at " + size);
                if (width == 320) {
                    screenshot(shown, "youth-" + tab.toLowerCase().replace("ø", "o") + "-320.png");
                }
            }
            // Keyboard only: the tabs are reachable with Tab and move with the arrow keys.
            shown.locator("#tab-facts").focus();
            shown.keyboard().press("ArrowRight");
            assertEquals("tab-help", shown.evaluate("() => document.activeElement.id"));
            assertFalse(shown.locator("#help").isHidden());
        }
        assertEquals(List.of(), problems);
    }
}
