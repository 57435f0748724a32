package no.fristed.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Files and directories the embedded default keeps for itself (database, keys): readable by the owner only
 * (directories 700, files 600).
 */
public final class SecretFiles {

    private static final Logger LOG = Logger.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {
    }

    public static void writeOwnerOnly(Path file, String content) throws IOException {
        ownerOnlyDirectory(file.toAbsolutePath().getParent());
        if (!Files.exists(file) && supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.writeString(file, content);
        restrict(file, OWNER_FILE);
    }

    /** Creates the directory (and missing parents) owner-only, or makes an existing one owner-only. */
    public static void ownerOnlyDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                restrict(directory, OWNER_DIRECTORY);
            } else if (supportsPosix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(directory);
                LOG.warnf("Cannot restrict the permissions of %s on this file system", directory.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the directory and everything under it owner-only. */
    public static void ownerOnlyTree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            LOG.warnf("Cannot restrict the permissions of %s on this file system", path.getFileName());
        }
    }
}
