package no.fristed.catalogue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import no.fristed.testing.Validators;

/** Jazzer fuzzing of the service-file loader: a broken file is a ContentException naming it, never anything else. */
class ServiceFileFuzzTest {

    private final ContentFiles files = new ContentFiles(Validators.plain());

    @FuzzTest(maxDuration = "30s")
    void anyYamlIsReadOrRejectedWithAContentError(FuzzedDataProvider data) {
        try {
            files.parse("fuzz.yaml", data.consumeRemainingAsString(), ServiceDocument.class);
        } catch (ContentException expected) {
            if (!expected.getMessage().startsWith("fuzz.yaml")) {
                throw new AssertionError("the error does not name the file: " + expected.getMessage());
            }
        }
    }
}
