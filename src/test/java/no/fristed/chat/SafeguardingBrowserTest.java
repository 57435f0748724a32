package no.fristed.chat;

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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import no.fristed.testing.Axe;
import no.fristed.testing.Chromium;
import no.fristed.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crisis path in Debian's Chromium: a young person in the demo says "I'm not safe now" and gets the safety card;
 * the counsellor's console shows that chat first with its badge; a supervisor in a third context reads along and
 * whispers; the counsellor sees the whisper and the young person neither sees nor receives it. Consent before
 * personal data, and axe-core (no serious or critical violation) on the demo, console and supervisor screens.
 */
@QuarkusTest
class SafeguardingBrowserTest extends ChatTestSupport {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String WHISPER = "Spør om hun er alene nå";

    @TestHTTPResource("/console/")
    URL consoleUrl;
    @TestHTTPResource("/demo/")
    URL demoUrl;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private Page loggedInConsole(BrowserContext context, String username, List<String> blocked) {
        Page console = context.newPage();
        console.onConsoleMessage(message -> reportBlocked(message.text(), blocked));
        console.onPageError(error -> blocked.add("script error: " + error));
        console.navigate(consoleUrl.toString());
        console.getByLabel("Brukernavn", new Page.GetByLabelOptions().setExact(true)).fill(username);
        console.getByLabel("Passord", new Page.GetByLabelOptions().setExact(true)).fill(StaffAccounts.PASSWORD);
        button(console, "Logg inn").click();
        // Connected: the console has set its availability (off until the counsellor turns it on).
        waitForText(console, "#connection", "ilgjengelig");
        return console;
    }

    private static void reportBlocked(String message, List<String> blocked) {
        if (message.contains("Content Security Policy")) {
            blocked.add(message);
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator waitForText(Page page, String selector, String text) {
        Locator found = page.locator(selector).filter(new Locator.FilterOptions().setHasText(text)).first();
        found.waitFor();
        return found;
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    @Test
    void anUrgentChatGoesFirstAndASupervisorWhispersToTheCounsellorOnly() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        String counsellorName = StaffAccounts.create("kari", "counsellor");
        String supervisorName = StaffAccounts.create("siri", "counsellor", "supervisor");
        List<String> blocked = new CopyOnWriteArrayList<>();

        BrowserContext counsellorContext = CHROMIUM.browser().newContext(new Browser.NewContextOptions()
                .setPermissions(List.of("notifications")));
        // Counts the desktop notifications the console shows (headless Chromium shows none on a screen).
        counsellorContext.addInitScript("window.shown = []; const Shown = window.Notification;"
                + " window.Notification = class extends Shown { constructor(title, options) { window.shown.push(title);"
                + " super(title, options); } };");
        Page console = loggedInConsole(counsellorContext, counsellorName, blocked);
        assertFalse(button(console, "Oversikt").isVisible(), "a counsellor without the supervisor role has no overview");
        console.getByLabel("Tilgjengelig", new Page.GetByLabelOptions().setExact(true)).check();
        waitForText(console, "#connection", "Tilgjengelig (");
        button(console, "Slå på lyd og skrivebordsvarsler").click();
        waitForText(console, "#alerting-status", "Lyd og skrivebordsvarsler er på");

        BrowserContext supervisorContext = CHROMIUM.browser().newContext();
        Page supervisor = loggedInConsole(supervisorContext, supervisorName, blocked);

        // Someone already waits in the ordinary lane.
        ChatClient waiting = youth();
        open(waiting, "cannabis");
        waitForText(console, "#queue li", "cannabis");

        BrowserContext youthContext = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("nb-NO")
                .setPermissions(List.of("geolocation")).setGeolocation(59.9139, 10.7522));
        Page demo = youthContext.newPage();
        demo.onConsoleMessage(message -> reportBlocked(message.text(), blocked));
        demo.onPageError(error -> blocked.add("script error: " + error));
        List<String> youthFrames = new CopyOnWriteArrayList<>();
        demo.onWebSocket(socket -> socket.onFrameReceived(frame -> youthFrames.add(frame.text())));
        demo.navigate(demoUrl.toString());
        button(demo, "Chat").click();
        button(demo, "Jeg er ikke trygg nå").click();

        // The safety card at once: the emergency numbers as tappable links, and the honest wait.
        demo.locator("#safety").waitFor();
        demo.locator("#safety-numbers a[href='tel:113']").waitFor();
        assertEquals("tel:113", demo.locator("#safety-numbers a").first().getAttribute("href"));
        waitForText(demo, "#safety-wait", "først i køen");
        waitForText(demo, "#chat-status", "i køen");

        // The console: the urgent chat first with its badge, the other after it; an alert is listed.
        waitForText(console, "#queue li.urgent", "Akutt");
        Locator firstInQueue = console.locator("#queue li").first();
        assertTrue(firstInQueue.textContent().contains("Akutt"), "the urgent chat is first: " + firstInQueue.textContent());
        assertTrue(console.locator("#queue li").nth(1).textContent().contains("cannabis"));
        assertFalse(console.locator("#queue li").nth(1).textContent().contains("Akutt"));
        waitForText(console, "#alerts li", "Jeg er ikke trygg nå");
        console.waitForCondition(() -> console.evaluate("() => window.shown.join('|')").toString().contains("Akutt"));
        assertEquals(List.of("En ung venter i køen", "Akutt: en ung er ikke trygg"), console.evaluate("() => window.shown"),
                "one notification when a young person starts waiting, one for the urgent chat (not one per frame)");
        waitForText(supervisor, "#alerts li", "Jeg er ikke trygg nå");

        firstInQueue.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta samtalen")).click();
        waitForText(demo, "#chat-status", "En veileder er her");
        waitForText(console, "#chat-tabs [role=tab]", "Akutt");
        console.getByLabel("Melding", new Page.GetByLabelOptions().setExact(true)).fill("Hei, jeg er her. Er du trygg akkurat nå?");
        console.locator("#send-form button").click();
        waitForText(demo, "#chat-messages li", "Er du trygg akkurat nå?");
        waitForText(console, "#messages li", "veileder:");

        // The supervisor: the live view lists the chat (urgent, no text), reads along and whispers.
        button(supervisor, "Oversikt").click();
        Locator row = waitForText(supervisor, "#live-chats tr.urgent", counsellorName);
        assertFalse(supervisor.locator("#view-supervisor").textContent().contains("Er du trygg"), "no message text in the live view");
        waitForText(supervisor, "#sup-alerts li", "Jeg er ikke trygg nå");
        screenshot(supervisor, "safeguarding-supervisor.png");
        Axe.noSeriousViolations(supervisor, "supervisor overview");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Les med").setExact(true)).click();
        waitForText(supervisor, "#supervise-status", "Du leser med");
        waitForText(demo, "#chat-messages li.notice", "");
        row = waitForText(supervisor, "#live-chats tr.urgent", supervisorName);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hvisk til veileder").setExact(true)).click();
        supervisor.getByLabel("Hvisk til veileder", new Page.GetByLabelOptions().setExact(true)).fill(WHISPER);
        button(supervisor, "Send hvisking").click();
        waitForText(supervisor, "#messages li.whisper", WHISPER);
        waitForText(supervisor, "#messages li", "Er du trygg akkurat nå?");

        waitForText(console, "#messages li.whisper", "Hvisket fra " + supervisorName);
        waitForText(console, "#messages li.whisper", WHISPER);

        // Consent before personal data: the young person says yes and shares a phone number, marked personal.
        console.getByLabel("Be om", new Page.GetByLabelOptions().setExact(true)).selectOption("phone");
        button(console, "Be om samtykke").click();
        Locator dialog = demo.locator("#consent");
        dialog.waitFor();
        assertTrue(demo.locator("#consent-message").textContent().length() > 20, "the request says who sees it and what for");
        screenshot(demo, "safeguarding-consent.png");
        Axe.noSeriousViolations(demo, "demo consent dialog");
        demo.getByLabel("Telefonnummeret ditt").fill("912 34 567");
        button(demo, "Ja, del").click();
        waitForText(console, "#messages li.personal", "Personopplysning – lagres ikke");
        waitForText(console, "#messages li.personal", "912 34 567");
        waitForText(demo, "#chat-messages li", "Du delte");

        // A location is read once, only after yes (the youth page alone may ask the browser for it), and reaches
        // the counsellor as personal data; the young person's socket never gets it back.
        console.getByLabel("Be om", new Page.GetByLabelOptions().setExact(true)).selectOption("location");
        button(console, "Be om samtykke").click();
        button(demo, "Ja, del posisjonen min").click();
        waitForText(console, "#messages li.personal", "breddegrad 59.91390");
        assertFalse(dialog.isVisible(), "the dialog closes after the answer");

        // A message after the whisper reaches the young person; the whisper never did.
        console.getByLabel("Melding", new Page.GetByLabelOptions().setExact(true)).fill("Takk. Vi sender hjelp.");
        console.locator("#send-form button").click();
        waitForText(demo, "#chat-messages li", "Vi sender hjelp");
        assertFalse(demo.locator("body").textContent().contains(WHISPER), "the young person's page never shows a whisper");
        assertTrue(youthFrames.stream().noneMatch(f -> f.contains(WHISPER) || f.contains("\"whisper\"")),
                "no whisper frame reached the young person's socket");
        assertTrue(youthFrames.stream().noneMatch(f -> f.contains("personal-data")),
                "personal data goes to staff only");
        assertTrue(youthFrames.stream().anyMatch(f -> f.contains("\"safety\"")));

        screenshot(demo, "safeguarding-youth.png");
        Axe.noSeriousViolations(demo, "demo safety card");
        button(console, "Chat").click();
        screenshot(console, "safeguarding-console.png");
        Axe.noSeriousViolations(console, "console chat");

        // Unread counts on the tabs, and the tabs work with the arrow keys.
        console.locator("#queue li").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta samtalen")).click();
        waitForText(console, "#chat-tabs [role=tab][aria-selected=true]", "Samtale 2");
        demo.getByLabel("Skriv en melding").fill("Er du der fortsatt?");
        demo.locator("#chat-form button").click();
        Locator first = waitForText(console, "#chat-tabs [role=tab]", "1 ulest");
        assertTrue(first.textContent().startsWith("Samtale 1"), first.textContent());
        console.locator("#chat-tabs [role=tab][aria-selected=true]").press("ArrowLeft");
        waitForText(console, "#chat-tabs [role=tab][aria-selected=true]", "Samtale 1");
        assertFalse(console.locator("#chat-tabs").textContent().contains("ulest"), "reading a chat clears its count");
        Locator asked = waitForText(console, "#messages li", "Er du der fortsatt?");
        assertTrue(asked.textContent().matches("ung:Er du der fortsatt\\?\\d\\d:\\d\\d"), "who wrote it and when: " + asked.textContent());
        assertEquals("Samtale 1", ((String) console.evaluate("() => document.activeElement.textContent")).substring(0, 9));

        // Quick exit during the chat: the counsellor is told the young person left suddenly.
        demo.locator("#quick-exit").click();
        demo.waitForURL(url -> !url.contains("/demo/"));
        waitForText(console, "#messages li", "gikk brått");

        assertEquals(List.of(), blocked, "the Content-Security-Policy blocked something on the pages, or a script failed");
        for (String name : List.of("safeguarding-youth.png", "safeguarding-console.png", "safeguarding-supervisor.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 0, name);
        }
        youthContext.close();
        supervisorContext.close();
        counsellorContext.close();
    }

    @Test
    void unsafeDuringAChatRiskFlagsAndCallsForHelpAlertTheSupervisorWhoJoinsAndTakesOver() {
        String counsellorName = StaffAccounts.create("kari", "counsellor");
        String supervisorName = StaffAccounts.create("siri", "counsellor", "supervisor");
        List<String> blocked = new CopyOnWriteArrayList<>();
        BrowserContext counsellorContext = CHROMIUM.browser().newContext();
        Page console = loggedInConsole(counsellorContext, counsellorName, blocked);
        console.getByLabel("Tilgjengelig", new Page.GetByLabelOptions().setExact(true)).check();
        waitForText(console, "#connection", "Tilgjengelig (");
        BrowserContext supervisorContext = CHROMIUM.browser().newContext();
        Page supervisor = loggedInConsole(supervisorContext, supervisorName, blocked);
        supervisor.onDialog(dialog -> dialog.accept());

        BrowserContext youthContext = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("nb-NO"));
        Page demo = youthContext.newPage();
        demo.onConsoleMessage(message -> reportBlocked(message.text(), blocked));
        demo.onPageError(error -> blocked.add("script error: " + error));
        demo.navigate(demoUrl.toString());
        button(demo, "Chat").click();
        button(demo, "Start chat").click();
        waitForText(demo, "#chat-status", "i køen");
        console.locator("#queue li").first().waitFor();
        assertFalse(console.locator("#queue").textContent().contains("Akutt"));

        // "I'm not safe now" while waiting: the safety card, and the chat turns urgent in the queue.
        button(demo, "Jeg er ikke trygg nå").click();
        demo.locator("#safety-numbers a[href='tel:116111']").waitFor();
        waitForText(console, "#queue li.urgent", "Akutt");
        waitForText(supervisor, "#alerts li", "Jeg er ikke trygg nå");

        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ta samtalen")).click();
        waitForText(demo, "#chat-status", "En veileder er her");

        // A risk flag needs a category; acute and "I need help" alert the supervisor.
        console.getByLabel("Risiko", new Page.GetByLabelOptions().setExact(true)).selectOption("acute");
        button(console, "Sett risiko").click();
        waitForText(console, "#chat-status", "Velg en kategori");
        console.getByLabel("Kategori", new Page.GetByLabelOptions().setExact(true)).selectOption("overdose-intoxication");
        button(console, "Sett risiko").click();
        waitForText(console, "#messages li", "Risiko satt: Akutt – Overdose eller ruspåvirket");
        waitForText(supervisor, "#alerts li", "Akutt risiko flagget – Overdose eller ruspåvirket");
        button(console, "Jeg trenger hjelp").click();
        waitForText(supervisor, "#alerts li", "En veileder trenger hjelp");
        assertFalse(demo.locator("body").textContent().contains("Overdose"), "the risk flag is for staff only");

        // The supervisor joins from the overview, writes, then takes over.
        button(supervisor, "Oversikt").click();
        Locator row = waitForText(supervisor, "#live-chats tr.urgent", "Overdose eller ruspåvirket");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bli med").setExact(true)).click();
        waitForText(supervisor, "#chat-status", "Du er med i samtalen");
        waitForText(demo, "#chat-messages li.notice", "");
        supervisor.getByLabel("Melding", new Page.GetByLabelOptions().setExact(true)).fill("Jeg er også her sammen med veilederen din.");
        supervisor.locator("#send-form button").click();
        waitForText(demo, "#chat-messages li.supervisor", "Erfaren veileder:");
        waitForText(console, "#messages li", "erfaren veileder:Jeg er også her");
        Axe.noSeriousViolations(supervisor, "supervisor in a chat");

        button(supervisor, "Ta over").click();
        waitForText(supervisor, "#chat-status", "Du har tatt over samtalen");
        waitForText(console, "#chat-status", "ikke lenger din");
        assertEquals(0, console.locator("#chat-tabs [role=tab]").count(), "the counsellor no longer has the chat");
        assertTrue(supervisor.locator("#risk-row").isVisible(), "the supervisor now has the chat's own tools");
        assertEquals(3, demo.locator("#chat-messages li.notice").count(), "told: reads along, joined, took over");

        assertEquals(List.of(), blocked, "the Content-Security-Policy blocked something on the pages, or a script failed");
        youthContext.close();
        supervisorContext.close();
        counsellorContext.close();
    }
}
