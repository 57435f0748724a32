package no.fristed.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class ContentDirectoryTest {

    @Inject
    ContentFiles files;

    @Inject
    @ContentDir
    Path contentDir;

    @TempDir
    Path temp;

    @Test
    void theConfiguredFolderIsUsedWhenItExists() {
        assertEquals(Path.of("content"), contentDir);
        assertEquals(temp, ContentDirectory.resolve(temp, getClass().getClassLoader()));
    }

    @Test
    void startedWhereThereIsNoContentFolderTheShippedContentIsTheSeed() {
        Path shipped = ContentDirectory.resolve(temp.resolve("no-such-folder"), getClass().getClassLoader());
        List<Path> services = files.list(shipped.resolve("services"), ".yaml");
        assertTrue(services.stream().anyMatch(p -> p.getFileName().toString().equals("legevakt.yaml")), services.toString());
        assertEquals(files.list(Path.of("content/services"), ".yaml").size(), services.size());
    }

    @Test
    void contentShippedInsideAJarIsReadFromTheJar() throws IOException {
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "content/taxonomy/topics.yaml", "- id: cannabis\n  label: {nb: Cannabis}\n");
            add(out, "content/services/a.yaml", "id: a\n");
            add(out, "content/services/b.yaml", "id: b\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path shipped = ContentDirectory.resolve(temp.resolve("elsewhere/content"), loader);
            assertEquals(2, files.list(shipped.resolve("services"), ".yaml").size());
            assertEquals("id: b\n", files.text(shipped.resolve("services/b.yaml")));
            List<Map<String, Object>> topics = files.read(shipped.resolve("taxonomy/topics.yaml"),
                    new TypeReference<List<Map<String, Object>>>() { });
            assertEquals("cannabis", topics.get(0).get("id"));
        }
    }

    @Test
    void withoutAFolderOrShippedContentStartUpStopsNamingTheFolder() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ContentException e = assertThrows(ContentException.class,
                    () -> ContentDirectory.resolve(temp.resolve("missing"), empty));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
