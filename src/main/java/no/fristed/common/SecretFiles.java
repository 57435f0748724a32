package no.fristed.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/** Writes key material the embedded default generates for itself: readable by the owner only. */
public final class SecretFiles {

    private static final Logger LOG = Logger.getLogger(SecretFiles.class);

    private SecretFiles() {
    }

    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warnf("Cannot restrict the permissions of %s on this file system", file.getFileName());
        }
    }
}
