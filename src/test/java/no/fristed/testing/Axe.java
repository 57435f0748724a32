package no.fristed.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** axe-core in the browser tests: a screen may have no serious or critical accessibility violation. */
public final class Axe {

    private Axe() {
    }

    /** Runs axe-core on the page as it is now and fails with each serious or critical violation and where it is. */
    public static void noSeriousViolations(Page page, String screen) {
        List<Rule> violations = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertTrue(violations.isEmpty(), () -> "axe-core on the " + screen + " screen: " + violations.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(Object::toString).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n")));
    }
}
