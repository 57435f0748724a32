package no.fristed.canned;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;
import no.fristed.common.ContentFingerprint;
import no.fristed.common.DomainException;
import no.fristed.common.ProblemException;
import no.fristed.common.StartupSync;

/**
 * Canned responses: loaded from content/canned at start-up (unchanged files skipped, all of them when the content is
 * unchanged), edited by editors.
 */
@ApplicationScoped
public class CannedService {

    private static final String FROM_CONTENT = "content";
    private static final String FROM_EDITOR = "editor";

    private final ContentFiles files;
    private final Clock clock;
    private final Path cannedDir;
    private final ContentFingerprint fingerprint;

    CannedService(ContentFiles files, Clock clock, ContentFingerprint fingerprint, @ContentDir Path contentDir) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.clock = clock;
        this.cannedDir = contentDir.resolve("canned");
    }

    void onStart(@Observes StartupEvent event) {
        StartupSync.exclusivelyUnlessDone("canned", fingerprint.value(), () -> files.list(cannedDir, ".yaml").stream()
                .map(file -> files.load(file, CannedDocument.class))
                .forEach(file -> syncFromContent(file.value(), file.hash())));
    }

    @Transactional
    public List<CannedDocument> list(String lang, String topic) {
        return CannedResponse.<CannedResponse>list("active = true order by title").stream()
                .filter(c -> lang == null || c.lang.equals(lang))
                .filter(c -> topic == null || c.topics.contains(topic))
                .map(CannedResponse::toDocument)
                .toList();
    }

    @Transactional
    public CannedDocument create(CannedDocument doc, String editor) {
        if (CannedResponse.findById(doc.id()) != null) {
            throw new DomainException.Conflict("canned-exists", "A canned response with id '" + doc.id() + "' exists");
        }
        return save(new CannedResponse(), doc, FROM_EDITOR, null, editor);
    }

    @Transactional
    public CannedDocument update(String id, CannedDocument doc, String editor) {
        if (!id.equals(doc.id())) {
            throw ProblemException.badRequest("id", "the id in the body must match the id in the path");
        }
        return save(existing(id), doc, FROM_EDITOR, null, editor);
    }

    @Transactional
    public void retire(String id, String editor) {
        CannedResponse canned = existing(id);
        canned.active = false;
        canned.updatedAt = clock.instant();
        canned.updatedBy = editor;
    }

    private void syncFromContent(CannedDocument doc, String hash) {
        CannedResponse stored = CannedResponse.findById(doc.id());
        if (stored == null || FROM_CONTENT.equals(stored.origin) && !hash.equals(stored.contentHash)) {
            save(stored == null ? new CannedResponse() : stored, doc, FROM_CONTENT, hash, null);
        }
    }

    private CannedDocument save(CannedResponse canned, CannedDocument doc, String origin, String hash, String editor) {
        canned.id = doc.id();
        canned.lang = doc.lang();
        canned.title = doc.title();
        canned.responseText = doc.text();
        canned.topics = doc.topics();
        canned.origin = origin;
        canned.contentHash = hash;
        canned.active = true;
        canned.updatedAt = clock.instant();
        canned.updatedBy = editor;
        canned.persist();
        return canned.toDocument();
    }

    private static CannedResponse existing(String id) {
        CannedResponse canned = CannedResponse.findById(id);
        if (canned == null || !canned.active) {
            throw DomainException.NotFound.of("Canned response '" + id + "'");
        }
        return canned;
    }
}
