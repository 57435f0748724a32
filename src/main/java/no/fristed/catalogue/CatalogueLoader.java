package no.fristed.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import no.fristed.common.ContentFingerprint;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.StartupSync;
import org.jboss.logging.Logger;

/**
 * Loads content/services/*.yaml at start-up, unless the same content was already loaded by this build. Idempotent:
 * an unchanged file is skipped, a changed one replaces the stored version, a removed one retires its service. Any
 * malformed file stops start-up, naming the file and field.
 */
@ApplicationScoped
public class CatalogueLoader {

    private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

    private final ContentFiles files;
    private final CatalogueService catalogue;
    private final Path servicesDir;
    private final ContentFingerprint fingerprint;

    CatalogueLoader(ContentFiles files, CatalogueService catalogue, ContentFingerprint fingerprint,
            @ContentDir Path contentDir) {
        this.files = files;
        this.catalogue = catalogue;
        this.fingerprint = fingerprint;
        this.servicesDir = contentDir.resolve("services");
    }

    void onStart(@Observes StartupEvent event) {
        StartupSync.exclusivelyUnlessDone("catalogue", fingerprint.value(), () -> {
            List<ContentFiles.Loaded<ServiceDocument>> documents = read();
            documents.forEach(file -> catalogue.syncFromContent(file.value(), file.hash()));
            catalogue.retireContentServicesOtherThan(documents.stream().map(file -> file.value().id()).toList());
            LOG.infof("Catalogue: %d service files checked in %s", documents.size(), servicesDir);
        });
    }

    /** Parses and checks every file before anything is written, so a bad file changes nothing. */
    List<ContentFiles.Loaded<ServiceDocument>> read() {
        List<ContentFiles.Loaded<ServiceDocument>> documents = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path file : files.list(servicesDir, ".yaml")) {
            String name = file.toString();
            ContentFiles.Loaded<ServiceDocument> loaded = files.load(file, ServiceDocument.class);
            ServiceDocument doc = loaded.value();
            List<FieldError> errors = catalogue.violations(doc);
            if (!errors.isEmpty()) {
                throw new ContentException(name, errors.get(0).field(), errors.get(0).message());
            }
            String earlier = fileById.putIfAbsent(doc.id(), name);
            if (earlier != null) {
                throw new ContentException(name, "id", "'" + doc.id() + "' is already used by " + earlier);
            }
            documents.add(loaded);
        }
        return documents;
    }
}
