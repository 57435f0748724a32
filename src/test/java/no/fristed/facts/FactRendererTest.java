package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FactRendererTest {

    private static final String PAGE = """
            Felles tekst.

            <!-- band: 13-15 -->
            Bare for de yngste.
            <!-- /band -->
            <!-- band: 16-17, 18-25 -->
            For de eldre.
            <!-- /band -->
            Slutt.
            """;

    @Test
    void eachBandReadsItsOwnSectionsAndTheTextForEveryone() {
        assertEquals("Felles tekst.\n\nBare for de yngste.\nSlutt.\n", FactRenderer.variant(PAGE, AgeBand.YOUNG_TEEN));
        assertEquals("Felles tekst.\n\nFor de eldre.\nSlutt.\n", FactRenderer.variant(PAGE, AgeBand.OLDER_TEEN));
        assertEquals(FactRenderer.variant(PAGE, AgeBand.OLDER_TEEN), FactRenderer.variant(PAGE, AgeBand.YOUNG_ADULT));
    }

    @Test
    void markersWrittenWithoutSpacesOrLeftOpenDoNotBreakThePage() {
        assertEquals("A\n\nB\n", FactRenderer.variant("A\n<!--band:18-25-->\nB\n<!--/band-->\n", AgeBand.YOUNG_ADULT));
        String unclosed = "A\n<!-- band: 18-25 -->\nB\n";
        assertEquals(unclosed, FactRenderer.variant(unclosed, AgeBand.YOUNG_TEEN));
        assertEquals("A\n<!-- /band -->\n", FactRenderer.variant("A\n<!-- /band -->\n", AgeBand.YOUNG_TEEN));
    }

    @Test
    void aPageWithThousandsOfBandMarkersRendersFastAndInTimeThatGrowsLinearly() {
        String thousand = manyMarkers(1_000);
        String fourThousand = manyMarkers(4_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> FactRenderer.variant(fourThousand, AgeBand.YOUNG_TEEN));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> FactRenderer.variant(unclosedMarkers(4_000), AgeBand.YOUNG_TEEN));
        bestOf(() -> FactRenderer.variant(fourThousand, AgeBand.YOUNG_TEEN));
        long small = bestOf(() -> FactRenderer.variant(thousand, AgeBand.YOUNG_TEEN));
        long large = bestOf(() -> FactRenderer.variant(fourThousand, AgeBand.YOUNG_TEEN));
        // Four times the markers: linear is about 4x, quadratic 16x (the old regex took 12.8 s for 1,000 markers).
        // The slack allows for a busy machine.
        assertTrue(large < small * 8 + 20_000_000, "1,000 markers " + small + " ns, 4,000 markers " + large + " ns");
        assertEquals(500, FactRenderer.variant(thousand, AgeBand.YOUNG_TEEN).split("ung ").length - 1);
    }

    private static String manyMarkers(int sections) {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < sections; i++) {
            page.append(i % 2 == 0 ? "<!-- band: 13-15 -->\nung " : "<!-- band: 18-25 -->\nvoksen ").append(i)
                    .append("\n<!-- /band -->\n");
        }
        return page.toString();
    }

    private static String unclosedMarkers(int count) {
        return "<!-- band: 13-15 -->\ntekst\n".repeat(count);
    }

    private static long bestOf(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    @Test
    void onlyHttpsAndInPageLinksStayLinks() {
        String html = FactRenderer.html("[trygg](https://www.helsenorge.no) [hopp](#akutt) [gammel](http://example.com) "
                + "[data](data:text/html;base64,PHNjcmlwdD4=) [skript](javascript:alert(1)) [post](mailto:a@b.no)");
        assertTrue(html.contains("href=\"https://www.helsenorge.no\">trygg</a>"), html);
        assertTrue(html.contains("href=\"#akutt\">hopp</a>"), html);
        assertTrue(html.contains("gammel") && !html.contains("http://example.com"), html);
        assertFalse(html.contains("data:") || html.contains("javascript:") || html.contains("mailto:"), html);
    }

    @Test
    void imagesAreShownAsTheirDescriptionAndNeverLoaded() {
        String html = FactRenderer.html("Se ![en sporingspiksel](https://tracker.example/p.gif) her.");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("tracker.example"), html);
        assertTrue(html.contains("en sporingspiksel"), html);
    }
}
