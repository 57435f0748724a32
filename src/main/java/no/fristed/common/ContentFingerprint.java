package no.fristed.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SHA-256 over every file under content/ (names and bytes) and the identity of this build, so start-up can tell
 * in a few milliseconds that the content files are the ones it already checked and stored. The build is part of it
 * because a new build may read or check the same files differently.
 */
@ApplicationScoped
public class ContentFingerprint {

    private final String value;

    ContentFingerprint(@ContentDir Path contentDir) {
        this.value = of(contentDir, build());
    }

    public String value() {
        return value;
    }

    static String of(Path dir, String build) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(build.getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                sha.update((dir.relativize(file) + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where this application's classes come from and when that was written; empty when the platform hides it. */
    private static String build() {
        CodeSource source = ContentFingerprint.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location + "@" + Files.getLastModifiedTime(location).toMillis();
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }
}
