package no.fristed.common;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Keeps the embedded default's H2 database private to the account that runs the service. Java cannot set a umask,
 * so the directory is created owner-only (700) before the first connection (Flyway's, early in start-up) makes H2
 * create its files, and once started every file in it is made owner-only (600) too. PostgreSQL needs nothing here.
 */
@ApplicationScoped
public class DataDirectory implements FlywayConfigurationCustomizer {

    private static final String H2_FILE = "jdbc:h2:file:";

    private final Optional<Path> directory;

    DataDirectory(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.directory = h2Directory(url);
    }

    /** The directory an H2 file URL keeps its database in, or empty for any other database. */
    static Optional<Path> h2Directory(String url) {
        if (!url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String database = url.substring(H2_FILE.length()).split(";", 2)[0];
        if (database.startsWith("~")) {
            database = System.getProperty("user.home") + database.substring(1);
        }
        return Optional.ofNullable(Path.of(database).toAbsolutePath().getParent());
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        directory.ifPresent(SecretFiles::ownerOnlyDirectory);
    }

    void onStart(@Observes @Priority(2) StartupEvent event) {
        directory.ifPresent(SecretFiles::ownerOnlyTree);
    }
}
