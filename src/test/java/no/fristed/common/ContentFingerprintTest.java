package no.fristed.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFingerprintTest {

    @TempDir
    Path content;

    private String fingerprint() {
        return ContentFingerprint.of(content, "build-1");
    }

    @Test
    void sameFilesGiveTheSameFingerprintSoARestartSkipsLoading() throws IOException {
        Files.createDirectories(content.resolve("services"));
        Files.writeString(content.resolve("services/a.yaml"), "id: a\n");
        assertEquals(fingerprint(), fingerprint());
    }

    @Test
    void anEditedAddedRenamedOrRemovedFileIsLoadedAgain() throws IOException {
        Files.createDirectories(content.resolve("services"));
        Files.writeString(content.resolve("services/a.yaml"), "id: a\n");
        String before = fingerprint();
        Files.writeString(content.resolve("services/a.yaml"), "id: b\n");
        String edited = fingerprint();
        Files.writeString(content.resolve("services/b.yaml"), "id: b\n");
        String added = fingerprint();
        Files.move(content.resolve("services/b.yaml"), content.resolve("services/c.yaml"));
        String renamed = fingerprint();
        Files.delete(content.resolve("services/c.yaml"));
        assertNotEquals(before, edited);
        assertNotEquals(edited, added);
        assertNotEquals(added, renamed);
        assertEquals(edited, fingerprint());
    }

    @Test
    void aNewBuildChecksTheSameFilesAgain() throws IOException {
        Files.writeString(content.resolve("a.yaml"), "id: a\n");
        assertNotEquals(fingerprint(), ContentFingerprint.of(content, "build-2"));
    }
}
