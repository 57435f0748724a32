package no.fristed.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Decides where content is read from. The configured folder wins when it exists; otherwise the content/ shipped
 * inside the application (packaged as class-path resources) is the seed, so the jar works from any folder.
 */
@ApplicationScoped
public class ContentDirectory {

    private static final Logger LOG = Logger.getLogger(ContentDirectory.class);

    /** A file every shipped content folder has; its location on the class path gives the folder. */
    static final String MARKER = "content/taxonomy/topics.yaml";

    @Produces
    @Singleton
    @ContentDir
    Path contentDir(ContentConfig config) {
        Path configured = config.content().dir();
        Path dir = resolve(configured, ContentDirectory.class.getClassLoader());
        if (!dir.equals(configured)) {
            LOG.infof("Content folder %s not found; using the content shipped with the application", configured);
        }
        return dir;
    }

    /** The configured folder if it exists, else the shipped copy (in a jar or a classes folder). */
    static Path resolve(Path configured, ClassLoader classLoader) {
        if (Files.isDirectory(configured)) {
            return configured;
        }
        URL marker = classLoader.getResource(MARKER);
        if (marker == null) {
            throw new ContentException(configured.toString(), null,
                    "directory not found, and no content is shipped with the application");
        }
        return pathOf(marker).getParent().getParent();
    }

    private static Path pathOf(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                openZipFileSystem(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Shipped content has an unusable location: " + url, e);
        }
    }

    private static void openZipFileSystem(URI uri) {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // another caller opened the same jar; Path.of finds it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
