package no.fristed.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, driven by Playwright, for a browser test class; Playwright never downloads a browser of its
 * own. Without Chromium the class is skipped with a message, except under CI=true (where .ci/run installs it).
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("FRISTED_CHROMIUM",
            "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium start() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium is missing at " + EXECUTABLE + ": CI must install it (see .ci/run)");
            }
            Assumptions.abort("Chromium is not installed at " + EXECUTABLE + ": browser tests skipped "
                    + "(install it with apt-get install chromium)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
