package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.fristed.common.ContentFiles;
import no.fristed.testing.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped synonyms (content/facts/synonyms.yaml) on one small page per name, so each rule is tested before the
 * real pages exist. FactSearchTest checks the same words on the real pages.
 */
class FactSynonymsTest {

    private static final Map<String, List<String>> SYNONYMS = new ContentFiles(Validators.plain())
            .read(Path.of("content/facts/synonyms.yaml"), new TypeReference<Map<String, List<String>>>() { });

    /** slug | names it is filed under | title | text. */
    private static final String[][] PAGES = {
        {"alkohol", "alkohol", "Alkohol", "Å drikke alkohol gjør deg påvirket. Fyll og promille."},
        {"cannabis", "cannabis", "Cannabis (hasj og marihuana)", "Hasj og marihuana røykes ofte. THC er virkestoffet."},
        {"snus-og-nikotin", "nikotin", "Snus, røyk og vape", "Nikotin i snus, sigaretter og e-sigaretter. Mange røyker."},
        {"benzodiazepiner", "benzodiazepiner", "Benzodiazepiner", "Beroligende tabletter på resept."},
        {"mdma", "mdma", "MDMA og ecstasy", "MDMA selges som tabletter og krystaller."},
        {"kokain", "kokain", "Kokain", "Et sentralstimulerende pulver."},
        {"amfetamin", "amfetamin", "Amfetamin", "Et sentralstimulerende stoff."},
        {"opioider", "opioider", "Opioider", "Heroin, oksykodon og kodein er opioider."},
        {"ghb", "ghb", "GHB", "Et dempende stoff i væskeform."},
        {"adhd-medisiner", "adhd-medisiner", "ADHD-medisiner", "Sentralstimulerende legemidler på resept."},
        {"syntetiske-cannabinoider", "syntetiske-cannabinoider", "Syntetiske cannabinoider", "Kunstig framstilte stoffer."},
        {"psykedelika", "psilocybin lsd", "Psykedelika", "Fleinsopp og LSD."},
        {"taushetsplikt", "taushetsplikt", "Taushetsplikt", "Hvem som må holde på det du forteller."},
        {"rettighetene-dine", "rettigheter", "Rettighetene dine", "Det du har krav på."},
        {"koffein", "koffein", "Koffein", "Energidrikk inneholder mye koffein. Mange drikker energidrikk før trening."},
    };

    private static final FactIndex INDEX = new FactIndex(List.of(PAGES).stream().map(FactSynonymsTest::page).toList(),
            SYNONYMS);
    private static final Set<String> IDS = List.of(PAGES).stream().map(p -> p[0] + ".nb").collect(Collectors.toSet());

    private static PublishedFact page(String[] row) {
        FactContent content = new FactContent(row[2], row[2] + ".", FactKind.SUBSTANCE, List.of(row[1].split(" ")),
                List.of(), List.of(AgeBand.YOUNG_TEEN), List.of(new FactContent.Source("Helsenorge",
                        "https://www.helsenorge.no")), null, null, null, row[3]);
        return new PublishedFact(row[0], "nb", 1, content, Instant.EPOCH);
    }

    private static List<String> search(String query) {
        return INDEX.search(query, IDS, null, 10).stream().map(FactIndex.Hit::slug).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
        "ritalin, adhd-medisiner", "elvanse, adhd-medisiner", "concerta, adhd-medisiner",
        "E, mdma", "XTC, mdma", "e-sigarett, snus-og-nikotin", "e-sigg, snus-og-nikotin",
        "rivo, benzodiazepiner", "stesolid, benzodiazepiner", "bromazolam, benzodiazepiner",
        "lean, opioider", "paralgin, opioider",
        "sigg, snus-og-nikotin", "pouch, snus-og-nikotin", "hvit snus, snus-og-nikotin",
        "HHC, syntetiske-cannabinoider", "spice, syntetiske-cannabinoider",
        "G, ghb", "liquid ecstasy, ghb",
        "fleinsopp, psykedelika",
        "røyke hasj, cannabis", "røyker hasj, cannabis", "røyke, snus-og-nikotin", "røyk, snus-og-nikotin",
        "drikke, alkohol",
    })
    void aWordFindsThePageFiledUnderTheNameItStandsForFirst(String query, String slug) {
        List<String> found = search(query);
        assertFalse(found.isEmpty(), query + " found nothing");
        assertEquals(slug, found.get(0), query + " found " + found);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
        "piller            | benzodiazepiner mdma opioider adhd-medisiner",
        "strek             | amfetamin kokain",
        "THC-vape          | cannabis syntetiske-cannabinoider",
        "bekymringsmelding | taushetsplikt rettighetene-dine",
        "helsesykepleier   | taushetsplikt rettighetene-dine",
        "helsesøster       | taushetsplikt rettighetene-dine",
    })
    void anAmbiguousWordFindsEveryPageItMayMeanFirst(String query, String slugs) {
        List<String> expected = List.of(slugs.split(" "));
        List<String> found = search(query);
        assertEquals(Set.copyOf(expected), Set.copyOf(found.subList(0, Math.min(found.size(), expected.size()))),
                query + " found " + found);
    }

    @Test
    void energyDrinksAreNotAlcohol() {
        List<String> found = search("energidrikk");
        assertEquals("koffein", found.get(0), found.toString());
        assertFalse(found.contains("alkohol"), found.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"emma", "snø", "fantasy", "juice"})
    void slangWithoutANorwegianSourceIsNotASynonym(String word) {
        assertTrue(SYNONYMS.values().stream().noneMatch(words -> words.contains(word)), word);
        assertEquals(List.of(), search(word));
    }
}
