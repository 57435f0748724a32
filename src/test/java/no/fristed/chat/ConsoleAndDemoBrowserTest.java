package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.atomic.AtomicInteger;
import no.fristed.testing.Chromium;
import no.fristed.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A young person in the demo client chats with a counsellor in the console, each in their own headless Chromium
 * context. Uses the system's Chromium (Debian's package); without it the test is skipped, except in CI.
 */
@QuarkusTest
class ConsoleAndDemoBrowserTest extends ChatTestSupport {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/console/")
    URL consoleUrl;
    @TestHTTPResource("/demo/")
    URL demoUrl;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    private static Page loggedInConsole(BrowserContext context, String consoleUrl, String username, List<String> blocked) {
        Page console = context.newPage();
        console.onConsoleMessage(message -> reportBlocked(message.text(), blocked));
        console.navigate(consoleUrl);
        console.getByLabel("Brukernavn", new Page.GetByLabelOptions().setExact(true)).fill(username);
        console.getByLabel("Passord", new Page.GetByLabelOptions().setExact(true)).fill(StaffAccounts.PASSWORD);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        return console;
    }

    private static void reportBlocked(String message, List<String> blocked) {
        if (message.contains("Content Security Policy")) {
            blocked.add(message);
        }
    }

    @Test
    void aYoungPersonAndACounsellorChatThroughTheirPagesAndQuickExitLeavesNothing() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        String username = StaffAccounts.create("kari", "counsellor", "supervisor");

        // Whatever the strict Content-Security-Policy blocks, Chromium reports on the page's console.
        List<String> blocked = new CopyOnWriteArrayList<>();
        BrowserContext counsellorContext = CHROMIUM.browser().newContext();
        Page console = loggedInConsole(counsellorContext, consoleUrl.toString(), username, blocked);
        console.getByLabel("Tilgjengelig", new Page.GetByLabelOptions().setExact(true)).check();
        console.locator("#connection").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Tilgjengelig (")).waitFor();

        BrowserContext youthContext = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("nb-NO"));
        Page demo = youthContext.newPage();
        demo.onConsoleMessage(message -> reportBlocked(message.text(), blocked));
        demo.navigate(demoUrl.toString());
        demo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat")).click();
        demo.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat")).click();
        demo.locator("#chat-status").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("i køen")).waitFor();

        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ta samtalen")).click();
        demo.locator("#chat-status").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("En veileder er her")).waitFor();

        demo.getByLabel("Skriv en melding").fill("Hei fra nettleseren");
        demo.locator("#chat-form button").click();
        console.locator("#messages li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Hei fra nettleseren")).waitFor();

        console.getByLabel("Melding", new Page.GetByLabelOptions().setExact(true)).fill("Hei tilbake, jeg er her");
        console.locator("#send-form button").click();
        demo.locator("#chat-messages li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Hei tilbake, jeg er her")).waitFor();

        no.fristed.testing.Axe.noSeriousViolations(console, "console chat");
        no.fristed.testing.Axe.noSeriousViolations(demo, "demo chat");
        console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console.png")).setFullPage(true));
        demo.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("demo.png")).setFullPage(true));

        demo.locator("#quick-exit").click();
        demo.waitForURL(url -> !url.contains("/demo/"));
        console.locator("#messages li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Samtalen er avsluttet")).waitFor();

        Page again = youthContext.newPage();
        again.navigate(demoUrl.toString());
        assertEquals(0, ((Number) again.evaluate("() => localStorage.length + sessionStorage.length")).intValue(),
                "nothing of the conversation is left in the page's storage");
        assertTrue(youthContext.cookies().isEmpty(), "no cookies");
        assertEquals(List.of(), blocked, "the Content-Security-Policy blocked something on the pages");
        assertTrue(Files.size(SCREENSHOTS.resolve("console.png")) > 0 && Files.size(SCREENSHOTS.resolve("demo.png")) > 0);
        youthContext.close();
        counsellorContext.close();
    }

    @Test
    void theOverviewPollsOnceHoweverOftenItsTabIsChosen() {
        String username = StaffAccounts.create("kari", "counsellor", "supervisor");
        List<String> blocked = new CopyOnWriteArrayList<>();
        BrowserContext context = CHROMIUM.browser().newContext();
        context.clock().install();
        AtomicInteger polls = new AtomicInteger();
        context.onRequest(request -> {
            if (request.url().contains("/api/v1/chat/live")) {
                polls.incrementAndGet();
            }
        });
        Page console = loggedInConsole(context, consoleUrl.toString(), username, blocked);
        Locator overview = console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Oversikt"));
        overview.waitFor();
        console.clock().pauseAt(((Number) console.evaluate("() => Date.now()")).longValue() + 1000);

        overview.click();
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat").setExact(true)).click();
        overview.click();
        overview.click();
        console.locator("#live dt").first().waitFor();
        console.clock().runFor(15_000);
        console.waitForCondition(() -> polls.get() >= 5);
        console.waitForTimeout(500);
        assertEquals(5, polls.get(), "one poll per choice of the tab (not when it is already shown), then one every 5 s");

        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat").setExact(true)).click();
        console.clock().runFor(15_000);
        console.waitForTimeout(500);
        assertEquals(5, polls.get(), "no polling while the chat view is shown");
        assertEquals(List.of(), blocked);
        context.close();
    }

    @Test
    void theSharedHelpersDecodeUtf8ClaimsAndShowAbsentTopicsAsSuch() {
        BrowserContext context = CHROMIUM.browser().newContext();
        Page page = context.newPage();
        page.navigate(consoleUrl.toString());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"Åse Ærlig\",\"groups\":[\"editor\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Object subject = page.evaluate("token => import('/shared/api.js').then(m => m.tokenClaims(token).sub)",
                "e30." + payload + ".c2ln");
        assertEquals("Åse Ærlig", subject);
        Object label = page.evaluate("() => import('/console/labels.js').then(m => m.queueItemLabel("
                + "{ conversationId: 'c', topic: null, ageBand: null, waitingSeconds: 125, requestedYou: false }))");
        assertEquals("uten tema · alder ukjent · venter 2 min", label);
        Object named = page.evaluate("() => import('/console/labels.js').then(m => m.queueItemLabel("
                + "{ conversationId: 'c', topic: 'cannabis', ageBand: '16-17', waitingSeconds: 0, requestedYou: true }))");
        assertEquals("cannabis · 16-17 · venter 0 min · ba om deg", named);
        Object problem = page.evaluate("() => import('/shared/api.js').then(m => m.createApi(null)('/api/v1/services/no-such-service')"
                + ".then(() => 'no error', e => e.name + ' ' + e.status))");
        assertEquals("ApiError 404", problem);
        context.close();
    }
}
