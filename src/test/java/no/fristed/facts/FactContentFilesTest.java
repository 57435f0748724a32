package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class FactContentFilesTest {

    private static final String VALID = """
            ---
            title: Test
            summary: Et sammendrag.
            kind: topic
            audience: [13-15]
            sources:
              - {title: Helsenorge, url: 'https://www.helsenorge.no'}
            ---
            Brødtekst.
            """;

    @Inject
    ContentFiles files;
    @Inject
    FactService facts;
    @Inject
    FactRules rules;
    @Inject
    FactLoader loader;
    @Inject
    FactSnippets snippets;

    @TempDir
    Path content;

    private FactLoader.FactFile parse(String name, String text) throws IOException {
        Path dir = Files.createDirectories(content.resolve("facts"));
        Files.writeString(dir.resolve(name), text);
        return new FactLoader(files, facts, rules, null, content).parse(dir.resolve(name));
    }

    @Test
    void aValidFileParsesIntoFrontMatterAndBody() throws IOException {
        FactLoader.FactFile file = parse("test.nb.md", VALID);
        assertEquals("test", file.slug());
        assertEquals("nb", file.lang());
        assertEquals("Brødtekst.\n", file.content().body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no sources           | sources:\\n  - {title: Helsenorge, url: 'https://www.helsenorge.no'}\\n | sources: []\\n | sources",
        "a date, no reviewer  | kind: topic\\n  | 'kind: topic\\nlastReviewed: 2026-11-01\\n'                  | reviewer",
        "an http source       | url: 'https://www.helsenorge.no'                                      | url: 'http://www.helsenorge.no' | sources[0].url",
        "a source without url | url: 'https://www.helsenorge.no'                                      | url: ''        | sources[0].url",
        "an unknown age band  | audience: [13-15]                                                     | audience: [9-12] | audience",
        "an unknown snippet   | Brødtekst.                                                            | '<!-- include: finnes-ikke -->' | body",
    })
    void startUpRejectsAPageNamingTheFileAndField(String what, String from, String to, String field) {
        String broken = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        ContentException e = assertThrows(ContentException.class, () -> parse("broken.nb.md", broken));
        assertTrue(e.getMessage().contains("broken.nb.md"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + field), e.getMessage());
    }

    @Test
    void aFileWithoutFrontMatterOrWithABadNameIsRejected() {
        ContentException noFrontMatter = assertThrows(ContentException.class, () -> parse("plain.nb.md", "Bare tekst\n"));
        assertTrue(noFrontMatter.getMessage().contains("plain.nb.md"));
        ContentException badName = assertThrows(ContentException.class, () -> parse("cannabis.md", VALID));
        assertTrue(badName.getMessage().contains("<slug>.<lang>.md"));
    }

    @Test
    void theShippedPagesAllLoadAndCoverEverySubstanceAndTopic() {
        List<FactLoader.FactFile> shipped = loader.read();
        List<String> nb = shipped.stream().filter(f -> f.lang().equals("nb")).map(FactLoader.FactFile::slug).toList();
        List<String> nn = shipped.stream().filter(f -> f.lang().equals("nn")).map(FactLoader.FactFile::slug).toList();
        List<String> en = shipped.stream().filter(f -> f.lang().equals("en")).map(FactLoader.FactFile::slug).toList();
        List<String> substances = List.of("alkohol", "cannabis", "snus-og-nikotin", "benzodiazepiner", "mdma", "kokain",
                "amfetamin", "opioider", "ghb", "lystgass", "anabole-steroider");
        assertTrue(nb.containsAll(substances), nb.toString());
        assertTrue(nn.containsAll(substances), nn.toString());
        assertTrue(en.containsAll(substances), en.toString());
        assertTrue(nb.containsAll(List.of("bekymret-for-en-venn", "nar-foreldre-ruser-seg", "hva-gjor-barnevernet",
                "hva-skjer-med-det-du-forteller-oss", "rettighetene-dine", "de-fleste-gjor-det-ikke",
                "psykisk-helse-og-rus")), nb.toString());
    }

    @Test
    void noPageGivesAmountsToMinorsAndEverySubstancePageSaysWhenToCall113() {
        for (FactLoader.FactFile file : loader.read()) {
            FactContent shown = snippets.expand(file.content(), file.lang());
            for (AgeBand band : shown.audience()) {
                String text = FactRenderer.variant(shown.body(), band);
                if (band.isMinor()) {
                    assertFalse(FactRules.AMOUNT.matcher(text).find(),
                            file.slug() + "." + file.lang() + " gives amounts to " + band.code());
                }
                if (file.content().kind() == FactKind.SUBSTANCE) {
                    assertTrue(text.contains("113"), file.slug() + " must say when to call 113");
                }
            }
        }
    }
}
