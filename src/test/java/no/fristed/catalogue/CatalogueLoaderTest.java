package no.fristed.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CatalogueLoaderTest {

    private static final String VALID = """
            id: test-tjeneste
            organization: {id: test-org, name: Test}
            name: Testtjeneste
            description: Et tilbud.
            national: true
            topics: [cannabis]
            anonymous: 'yes'
            track: voluntary-help
            whatHappens: Ingenting sendes videre.
            channels: [{type: phone, value: '12345678'}]
            schedules: [{byday: [MO], opensAt: '08:00', closesAt: '15:30'}]
            """;

    @Inject
    ContentFiles files;
    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueLoader loader;
    @Inject
    CatalogueCache cache;

    @TempDir
    Path content;

    private ContentException loadFails(String fileName, String yaml) throws IOException {
        Path services = Files.createDirectories(content.resolve("services"));
        Files.writeString(services.resolve(fileName), yaml);
        CatalogueLoader isolated = new CatalogueLoader(files, catalogue, null, content);
        return assertThrows(ContentException.class, isolated::read);
    }

    @Test
    void theShippedCatalogueIsValid() {
        assertTrue(loader.read().size() >= 34, "every seeded service file loads");
    }

    @Test
    void aValidFileIsAccepted() throws IOException {
        Path services = Files.createDirectories(content.resolve("services"));
        Files.writeString(services.resolve("ok.yaml"), VALID);
        assertEquals(1, new CatalogueLoader(files, catalogue, null, content).read().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a missing required field        | whatHappens: Ingenting sendes videre.   | whatHappens: ''                              | whatHappens",
        "an unknown track                | track: voluntary-help                   | track: maybe-later                           | track",
        "an impossible opening time      | opensAt: '08:00'                        | opensAt: '25:00'                             | schedules[0].opensAt",
        "an unknown topic                | topics: [cannabis]                      | topics: [astrologi]                          | topics",
        "a misspelt field                | national: true                          | nasjonal: true                               | nasjonal",
        "a negative age                  | national: true                          | 'national: true\neligibility: {minAge: -3}' | eligibility.minAge",
    })
    void aMalformedFileStopsStartUpNamingTheFileAndField(String what, String from, String to, String field)
            throws IOException {
        ContentException e = loadFails("broken.yaml", VALID.replace(from, to.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("field '" + field + "'"), e.getMessage());
    }

    @Test
    void brokenYamlSyntaxNamesTheFile() throws IOException {
        ContentException e = loadFails("syntax.yaml", "id: [unclosed\n");
        assertTrue(e.getMessage().startsWith(content.resolve("services/syntax.yaml").toString()), e.getMessage());
    }

    @Test
    void twoFilesWithTheSameIdAreRejected() throws IOException {
        Path services = Files.createDirectories(content.resolve("services"));
        Files.writeString(services.resolve("a.yaml"), VALID);
        ContentException e = loadFails("b.yaml", VALID);
        assertTrue(e.getMessage().contains("b.yaml: field 'id'"), e.getMessage());
        assertTrue(e.getMessage().contains("a.yaml"), e.getMessage());
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        Instant before = cache.find("uro-bergen").orElseThrow().updatedAt();
        loader.onStart(null);
        assertEquals(before, cache.find("uro-bergen").orElseThrow().updatedAt());
    }
}
