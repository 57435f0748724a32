package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.fristed.common.ContentFiles;
import no.fristed.common.Problem.FieldError;
import no.fristed.testing.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The content rules on single pages, checked on small fixture pages (src/test/resources/content-fixture). */
class FactRulesTest {

    static final Path FIXTURE = Path.of("src/test/resources/content-fixture");
    private static final ContentFiles FILES = new ContentFiles(Validators.plain());
    private static final FactSnippets SNIPPETS = new FactSnippets(FILES, FIXTURE);
    private static final FactRules RULES = new FactRules(SNIPPETS, new PhoneNumbers(FILES, FIXTURE));
    private static final List<AgeBand> ALL_BANDS = List.of(AgeBand.YOUNG_TEEN, AgeBand.OLDER_TEEN, AgeBand.YOUNG_ADULT);
    private static final String BANDS = """
            <!-- band: 13-15 -->
            Under 16 år får foreldrene vanligvis vite.
            <!-- /band -->
            <!-- band: 16-17 -->
            Fra 16 år samtykker du selv.
            <!-- /band -->
            <!-- band: 18-25 -->
            Fra 18 år får ingen vite noe uten samtykke.
            <!-- /band -->
            """;

    static FactContent page(FactKind kind, List<AgeBand> audience, String body) {
        return new FactContent("Testium", "Et stoff som bare finnes i tester.", kind, List.of("testium"), List.of(),
                audience, List.of(new FactContent.Source("Helsenorge", "https://www.helsenorge.no/rus-og-avhengighet/")),
                null, null, null, body);
    }

    private static List<String> problems(FactContent content) {
        return RULES.violations("testium", "nb", content).stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    private static void assertProblem(FactContent content, String expected) {
        List<String> problems = problems(content);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }

    @Test
    void aPageFollowingEveryRuleHasNoProblems() {
        assertEquals(List.of(), problems(page(FactKind.SUBSTANCE, ALL_BANDS, "Tekst.\n" + BANDS + "<!-- include: akutt -->\n")));
        assertEquals(List.of(), problems(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_ADULT), "Bare én aldersgruppe.\n")));
    }

    @Test
    void aSubstancePageMustShowTheEmergencyBlock() {
        assertProblem(page(FactKind.SUBSTANCE, ALL_BANDS, "Tekst.\n" + BANDS), "body: a substance page includes");
        assertEquals(List.of(), problems(page(FactKind.SUBSTANCE, ALL_BANDS, "Tekst.\n" + BANDS
                + "<!-- include: giftinfo -->\n")));
        assertEquals(List.of(), problems(page(FactKind.TOPIC, ALL_BANDS, "Tekst.\n" + BANDS)));
    }

    @Test
    void anUnknownSnippetIsAProblem() {
        assertProblem(page(FactKind.TOPIC, ALL_BANDS, "Tekst.\n" + BANDS + "<!-- include: finnes-ikke -->\n"),
                "body: includes an unknown snippet 'finnes-ikke'");
    }

    @Test
    void theSnippetIsShownInPlaceInThePagesLanguageWithItsSources() {
        FactContent shown = SNIPPETS.expand(page(FactKind.SUBSTANCE, ALL_BANDS, "Før.\n<!-- include: akutt -->\nEtter.\n"),
                "nn");
        assertEquals("Før.\n## Akutt (nn)\nRing **113** hvis noen ikke kan vekkes. Giftinformasjonen: **22 59 13 00**.\nEtter.\n",
                shown.body());
        assertEquals(List.of("https://www.helsenorge.no/rus-og-avhengighet/",
                "https://www.helsenorge.no/forstehjelp/forstehjelp-ved-bevisstloshet"),
                shown.sources().stream().map(FactContent.Source::url).toList());
        assertTrue(SNIPPETS.expand(page(FactKind.TOPIC, ALL_BANDS, "<!-- include: giftinfo -->\n"), "en").body()
                .contains("Giftinformasjonen svarer"), "a snippet missing in a language is shown in bokmål");
    }

    @Test
    void bandsThatReadTheSameAreAProblem() {
        assertProblem(page(FactKind.TOPIC, ALL_BANDS, "Lik tekst for alle.\n"), "the bands 13-15 and 16-17 read the same");
        String onlyYoungest = "Felles.\n<!-- band: 13-15 -->\nUng.\n<!-- /band -->\n";
        assertProblem(page(FactKind.TOPIC, ALL_BANDS, onlyYoungest), "the bands 16-17 and 18-25 read the same");
        assertEquals(List.of(), problems(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_TEEN, AgeBand.YOUNG_ADULT),
                onlyYoungest)));
    }

    @Test
    void bandsAreComparedWithTheirSnippetsInPlace() {
        String snippetText = "## Akutt (nb)\nRing **113** hvis noen ikke kan vekkes. Giftinformasjonen: **22 59 13 00**.";
        String body = "Felles.\n<!-- band: 13-15 -->\n<!-- include: akutt -->\n<!-- /band -->\n"
                + "<!-- band: 16-17 -->\n" + snippetText + "\n<!-- /band -->\n";
        assertProblem(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_TEEN, AgeBand.OLDER_TEEN), body),
                "the bands 13-15 and 16-17 read the same");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "20 mg           | Ta aldri mer enn 20 mg.",
        "0,5 g           | Ikke mer enn 0,5 g om gangen.",
        "2 ml            | 2 ml er nok.",
        "1 gram          | Et halvt til 1 gram.",
        "100 mikrogram   | 100 mikrogram.",
        "50µg            | 50µg.",
    })
    void amountsInTextForMinorsAreAProblem(String amount, String sentence) {
        String body = "Felles.\n<!-- band: 16-17 -->\n" + sentence + "\n<!-- /band -->\n"
                + "<!-- band: 18-25 -->\nVoksen.\n<!-- /band -->\n";
        assertProblem(page(FactKind.TOPIC, List.of(AgeBand.OLDER_TEEN, AgeBand.YOUNG_ADULT), body),
                "gives an amount (\"" + amount + "\") in text for 16-17");
    }

    @Test
    void amountsForAdultsOnlyAndNumbersWithoutUnitsAreFine() {
        String body = "Over 18 år, 30 dager, 5 glass vann.\n<!-- band: 13-15 -->\nUng.\n<!-- /band -->\n"
                + "<!-- band: 18-25 -->\nTabletter med over 100 mg er funnet.\n<!-- /band -->\n";
        assertEquals(List.of(), problems(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_TEEN, AgeBand.YOUNG_ADULT), body)));
    }

    @Test
    void onlyListedPhoneNumbersMayBeGivenAnywhereOnThePage() {
        assertProblem(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_ADULT), "Ring 22 59 13 01.\n"),
                "body: the phone number '22 59 13 01' is not in content/taxonomy/phone-numbers.yaml");
        FactContent inSummary = new FactContent("Testium", "Ring 915 55 555", FactKind.TOPIC, List.of(), List.of(),
                List.of(AgeBand.YOUNG_ADULT), page(FactKind.TOPIC, List.of(), "").sources(), null, null, null, "Tekst.\n");
        assertProblem(inSummary, "summary: the phone number '915 55 555'");
        assertEquals(List.of(), problems(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_ADULT),
                "Ring 113, Giftinformasjonen på 22591300 eller legevakten på 116 117 (§ 3-4, 2026).\n")));
    }

    @Test
    void linksMustBeHttpsAndImagesAreNotAllowed() {
        List<AgeBand> adults = List.of(AgeBand.YOUNG_ADULT);
        assertProblem(page(FactKind.TOPIC, adults, "[gammel](http://example.com)\n"),
                "the link to 'http://example.com' must be an https: address");
        assertProblem(page(FactKind.TOPIC, adults, "[x](data:text/html;base64,PHNjcmlwdD4=)\n"), "the link to 'data:");
        assertProblem(page(FactKind.TOPIC, adults, "![piksel](https://tracker.example/p.gif)\n"), "images are not allowed");
        assertEquals(List.of(), problems(page(FactKind.TOPIC, adults, "[Helsenorge](https://www.helsenorge.no) [ned](#akutt)\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a section left open          | A\\n<!-- band: 13-15 -->\\nB\\n                          | is not closed",
        "a close without an open      | A\\n<!-- /band -->\\n                                     | closes no band section",
        "a section inside a section   | <!-- band: 13-15 -->\\n<!-- band: 16-17 -->\\n<!-- /band -->\\n | opens before the previous one is closed",
        "an unknown band              | <!-- band: 9-12 -->\\nB\\n<!-- /band -->\\n               | unknown age band '9-12'",
    })
    void bandMarkersMustBeBalancedAndNameKnownBands(String what, String body, String expected) {
        assertProblem(page(FactKind.TOPIC, List.of(AgeBand.YOUNG_ADULT), body.replace("\\n", "\n")), expected);
    }

    @Test
    void aReviewedPageNamesBothReviewerAndDate() {
        FactContent base = page(FactKind.TOPIC, List.of(AgeBand.YOUNG_ADULT), "Tekst.\n");
        FactContent dateOnly = new FactContent(base.title(), base.summary(), base.kind(), base.substances(), base.topics(),
                base.audience(), base.sources(), LocalDate.parse("2026-11-01"), null, null, base.body());
        assertEquals(List.of(new FieldError("reviewer",
                "a reviewed page names both its reviewer and the date; an unreviewed page has neither")),
                RULES.violations("testium", "nb", dateOnly));
    }
}
