package no.fristed.facts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import no.fristed.testing.Validators;

/** Jazzer fuzzing of the fact-page loader (front matter and Markdown), and of rendering what it accepts. */
class FactFileFuzzTest {

    private static final ContentFiles FILES = new ContentFiles(Validators.plain());
    private static final Path CONTENT = Path.of("content");
    private final FactLoader loader = new FactLoader(FILES, null,
            new FactRules(new FactSnippets(FILES, CONTENT), new PhoneNumbers(FILES, CONTENT)), null, CONTENT);

    @FuzzTest(maxDuration = "30s")
    void anyPageIsLoadedAndRenderedOrRejectedWithAContentError(FuzzedDataProvider data) {
        try {
            FactLoader.FactFile file = loader.parse("fuzz.nb.md", "fuzz.nb.md", data.consumeRemainingAsString());
            for (AgeBand band : file.content().audience()) {
                String html = FactRenderer.html(FactRenderer.variant(file.content().body(), band));
                if (html.contains("<script") || html.contains("<img")) {
                    throw new AssertionError("raw HTML or an image got through: " + html);
                }
            }
        } catch (ContentException expected) {
            // Rejected with a message naming the file: what start-up shows the editor.
        }
    }
}
