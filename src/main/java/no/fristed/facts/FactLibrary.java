package no.fristed.facts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;
import no.fristed.common.Reloadable;

/**
 * Every published page in memory with its search index, so reading and searching never touch the database. Rebuilt
 * after a publish or archive here, and when another instance's change shows in the fingerprint.
 */
@ApplicationScoped
public class FactLibrary {

    private record Library(Map<String, Map<String, PublishedFact>> bySlug, FactIndex index) {
    }

    private final Map<String, List<String>> synonyms;
    private final FactSnippets snippets;
    private final Reloadable<Library> library = new Reloadable<>(this::load, FactLibrary::fingerprint);

    FactLibrary(ContentFiles files, FactSnippets snippets, @ContentDir Path contentDir) {
        this.snippets = snippets;
        synonyms = files.read(contentDir.resolve("facts/synonyms.yaml"), new TypeReference<Map<String, List<String>>>() { });
    }

    /** The page in the first of the languages that has it, if it is visible now. */
    public Optional<PublishedFact> find(String slug, List<String> languages, Instant now) {
        Map<String, PublishedFact> versions = library.get().bySlug().getOrDefault(slug, Map.of());
        return languages.stream().map(versions::get).filter(f -> f != null && f.visibleAt(now)).findFirst();
    }

    /** Every visible page, each in the first of the languages that has it, sorted by title. */
    public List<PublishedFact> all(List<String> languages, Instant now) {
        return library.get().bySlug().keySet().stream()
                .flatMap(slug -> find(slug, languages, now).stream())
                .sorted(Comparator.comparing(f -> f.content().title()))
                .toList();
    }

    List<FactIndex.Hit> search(String text, List<String> languages, AgeBand band, Instant now, int limit) {
        java.util.Set<String> pageIds = new java.util.HashSet<>();
        all(languages, now).forEach(f -> pageIds.add(f.pageId()));
        return library.get().index().search(text, pageIds, band, limit);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsChanged change) {
        library.invalidate();
    }

    @Scheduled(every = "${fristed.cache.refresh-interval}", delayed = "${fristed.cache.refresh-interval}")
    void reloadIfChangedElsewhere() {
        library.reloadIfChangedElsewhere();
    }

    private Library load() {
        List<Object[]> rows = FactVersion.getEntityManager().createQuery(
                "select p, v from FactPage p, FactVersion v where v.pageId = p.id and v.status = ?1", Object[].class)
                .setParameter(1, FactStatus.PUBLISHED).getResultList();
        Map<String, Map<String, PublishedFact>> bySlug = new HashMap<>();
        List<PublishedFact> facts = rows.stream().map(row -> {
            FactPage page = (FactPage) row[0];
            FactVersion version = (FactVersion) row[1];
            // Snippets are filled in here, not when saved, so a corrected snippet file corrects every page.
            return new PublishedFact(page.slug, page.lang, version.version, snippets.expand(version.content, page.lang),
                    version.publishedAt);
        }).toList();
        facts.forEach(f -> bySlug.computeIfAbsent(f.slug(), s -> new HashMap<>()).put(f.lang(), f));
        return new Library(bySlug, new FactIndex(facts, synonyms));
    }

    private static String fingerprint() {
        Object[] row = FactVersion.getEntityManager().createQuery(
                "select count(v), sum(v.version), max(v.publishedAt) from FactVersion v where v.status = ?1",
                Object[].class).setParameter(1, FactStatus.PUBLISHED).getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }
}
